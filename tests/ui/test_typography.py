from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from desktop_app.ui.typography import HEADING_SCALE, make_heading, make_subheading


def test_the_application_has_no_style_sheet() -> None:
    """One on the application makes Qt style every widget through a style sheet. (In a
    fresh process: here pytest-qt's application exists before Lika could set one up.)"""
    code = (
        "from desktop_app.ui.app import create_application\n"
        "print(repr(create_application([]).styleSheet()))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "''"


def test_headings_are_bold_and_larger_than_the_users_font(qtbot) -> None:
    plain = QLabel("Bedömning")
    heading = make_heading(QLabel("Bedömning"))
    subheading = make_subheading(QLabel("Bedömning"))
    for label in (plain, heading, subheading):
        qtbot.addWidget(label)
    assert not plain.font().bold()
    assert heading.font().bold() and subheading.font().bold()
    assert heading.font().pointSizeF() == plain.font().pointSizeF() * HEADING_SCALE
    assert subheading.font().pointSizeF() == plain.font().pointSizeF()


def test_a_heading_grows_when_the_users_font_is_given_in_pixels(qtbot) -> None:
    label = QLabel("Bedömning")
    qtbot.addWidget(label)
    font = QFont(label.font())
    font.setPixelSize(14)
    label.setFont(font)
    make_heading(label)
    assert label.font().bold() and label.font().pixelSize() == 21
