"""Render the application icon from its SVG source into every format a platform wants.

    .venv/bin/python packaging/make_icons.py

Writes next to ``resources/icons/lika.svg``: ``lika-<size>.png`` (the window icon and the
Linux hicolor theme), ``lika.ico`` (Windows: executable, installer, shortcuts) and
``lika.icns`` (macOS); and from ``calendar.svg`` the date field's calendar button,
``calendar-<size>.png``. The results are committed, so a build needs neither Qt's SVG module
nor Pillow's writers; run this again after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
CALENDAR_SIZES = (16, 24, 32, 48)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render_pngs(name: str, sizes: tuple[int, ...]) -> QSvgRenderer | None:
    """``<name>-<size>.png`` from ``<name>.svg`` for each size; the renderer, or None
    (said on stderr) when the SVG is not valid."""
    renderer = QSvgRenderer(str(ICONS / f"{name}.svg"))
    if not renderer.isValid():
        print(f"{name}.svg is not a valid SVG", file=sys.stderr)
        return None
    for size in sizes:
        path = ICONS / f"{name}-{size}.png"
        render(renderer, size).save(str(path))
        print(f"wrote {path}")
    return renderer


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = render_pngs("lika", PNG_SIZES)
    if renderer is None or render_pngs("calendar", CALENDAR_SIZES) is None:
        return 1
    big = ICONS / "lika-1024.png"
    render(renderer, 1024).save(str(big))
    try:
        # Each ICO size drawn by Qt from the vector source, not scaled down by Pillow,
        # so the 16 and 24 pixel versions stay crisp.
        exact = [Image.open(ICONS / f"lika-{size}.png") for size in ICO_SIZES]
        exact[-1].save(
            ICONS / "lika.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=exact[:-1]
        )
        with Image.open(big) as source:
            source.save(ICONS / "lika.icns")
    finally:
        big.unlink()
    print(f"wrote {ICONS / 'lika.ico'} and {ICONS / 'lika.icns'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
