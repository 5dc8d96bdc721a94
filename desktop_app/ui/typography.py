"""Headings set by their font, relative to the user's.

Not by a style sheet on the application: with one, Qt draws every widget through its
style-sheet style, which cost each start 1.4 MB and made every widget slower to set up,
for two rules about labels.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

HEADING_SCALE = 1.5  # of the user's font size, so large-text settings still count


def make_heading(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
    else:  # a desktop font given in pixels has no point size
        font.setPixelSize(round(font.pixelSize() * HEADING_SCALE))
    label.setFont(font)
    return label


def make_subheading(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
