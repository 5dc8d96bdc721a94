from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop_app.ui.app import create_application
from desktop_app.ui.typography import HEADING_SCALE, make_heading, make_subheading


def test_the_application_has_no_style_sheet(qapp) -> None:
    """One on the application makes Qt style every widget through a style sheet."""
    assert create_application().styleSheet() == ""


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
