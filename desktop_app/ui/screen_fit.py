"""Window sizes from the screen a window opens on, never from fixed pixels.

At 200 % text (``QT_SCALE_FACTOR=2``) a 1280×800 screen is 640×400 logical pixels: a
window asking for 1200×800 would open larger than the screen. ``fit_to_screen`` asks
for the preferred size but no more than a share of the available area (what the task
bar and panels leave), and centres the window on that area.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def screen_of(widget: QWidget) -> QScreen | None:
    parent = widget.parentWidget()
    if parent is not None and parent.window().screen() is not None:
        return parent.window().screen()
    return widget.screen() or QGuiApplication.primaryScreen()


def fit_to_screen(widget: QWidget, width: int, height: int, share: float = 0.96) -> None:
    """Resize ``widget`` to ``width``×``height`` (logical pixels) or less, to fit its screen."""
    screen = screen_of(widget)
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    fitted_w = min(width, int(area.width() * share))
    fitted_h = min(height, int(area.height() * share))
    widget.resize(fitted_w, fitted_h)
    if widget.isWindow():
        left = area.x() + (area.width() - fitted_w) // 2
        top = area.y() + (area.height() - fitted_h) // 2
        widget.move(left, top)
