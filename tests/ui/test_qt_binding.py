"""Guards against a Qt for Python release that mismanages reference counts.

PySide6 6.12.0 returns None from methods without a result (setText, processEvents...)
without taking a reference to it. On Python 3.11 each call steals a reference, and after
a few thousand calls Python aborts ("Fatal Python error: none_dealloc"). pyproject.toml
excludes that release; this test fails (or crashes) if a release with the same bug is
ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_without_a_result_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("Ŋuolja")
    # Other code may take or drop a few references meanwhile; 20,000 lost would show.
    assert sys.getrefcount(None) > before - 1_000
