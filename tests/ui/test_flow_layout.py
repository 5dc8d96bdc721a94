"""The flow layout's gaps (``ui/flow_layout.py``): the style's own spacing, asked by Qt
(no ``QStyle`` set up from Python on the way to the register's first page), or, for a
style that spaces by the kinds of control (macOS), asked from Python."""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QPushButton, QStyle, QWidget

from desktop_app.ui.flow_layout import FlowLayout, TightFlowLayout


class SpacedByControls(QProxyStyle):
    """A style without a layout spacing metric, as Qt's macOS style is."""

    def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802 (Qt's name)
        if metric in (QStyle.PixelMetric.PM_LayoutHorizontalSpacing,
                      QStyle.PixelMetric.PM_LayoutVerticalSpacing):  # fmt: skip
            return -1
        return super().pixelMetric(metric, option, widget)

    def layoutSpacing(self, one, two, orientation, option=None, widget=None):  # noqa: N802
        return 11


def buttons_in(qtbot, layout_type, style=None) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    """Three buttons in a shown widget; the widget and its layout are returned to be
    kept, as a window keeps them (qtbot holds its widgets weakly)."""
    owner = QWidget()
    qtbot.addWidget(owner)
    if style is not None:
        owner.setStyle(style)
    layout = layout_type(owner)
    buttons = [QPushButton(f"Filter {n}") for n in range(3)]
    for button in buttons:
        layout.addWidget(button)
    owner.resize(2000, 200)
    owner.show()
    qtbot.waitExposed(owner)
    return owner, layout, buttons


def gap(laid_out: tuple[QWidget, FlowLayout, list[QPushButton]]) -> int:
    buttons = laid_out[2]
    first, second = buttons[0].geometry(), buttons[1].geometry()
    return second.left() - first.right() - 1


def test_the_gap_is_the_style_layout_spacing(qtbot) -> None:
    laid_out = buttons_in(qtbot, FlowLayout)
    style = laid_out[2][0].style()
    expected = max(style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing), 4)
    assert gap(laid_out) == expected


def test_a_style_that_spaces_by_controls_is_asked_for_the_gap(qtbot) -> None:
    style = SpacedByControls()
    for layout_type in (FlowLayout, TightFlowLayout):
        assert gap(buttons_in(qtbot, layout_type, style)) == 11
