"""The embedded fonts of every PDF.

Reportlab's built-in Helvetica has no Sami letters (ŋ đ ŧ come out as black boxes), so
each document registers DejaVu Sans from ``resources/fonts`` and uses it as its initial
font: no PDF Lika writes ever references a non-embedded font.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.reports import tounicode
from desktop_app.resources import resource_path

REGULAR = "LikaSans"
BOLD = "LikaSans-Bold"

# The faces the reports draw user text with. DejaVu's oblique faces have no Arabic, so
# the reports use none (emphasis is weight and grey) and Lika does not ship them.
FACES = (REGULAR, BOLD)

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
}


@cache
def register_fonts() -> str:
    """Register the faces the reports use once per process and return the regular
    face's name. Italic markup falls back to the upright faces."""
    tounicode.install()
    for name in FACES:
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", _FILES[name]))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
    return REGULAR
