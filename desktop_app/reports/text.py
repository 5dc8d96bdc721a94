"""Turning user text into safe reportlab paragraph markup and readable labels.

Everything a user typed reaches a PDF through ``markup`` (for paragraphs) or ``visual``
(for strings drawn directly on the canvas): escaped, cleaned of control characters and
bidi overrides, and with right-to-left runs put into visual order.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import cache

from babel.dates import format_date, format_time
from reportlab.pdfbase import pdfmetrics

from desktop_app.domain.formats import BABEL_LOCALES, format_day
from desktop_app.domain.model import Language
from desktop_app.reports import fallback
from desktop_app.reports.fonts import FACES, register_fonts
from desktop_app.reports.safe_text import UNSAFE, escape

__all__ = ["clean", "format_day", "markup", "plain", "visual"]

# Break opportunities inside very long unbroken runs (URLs, pasted hashes).

# Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic
# presentation forms.
_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_HAS_RTL = re.compile(f"[{_RTL_LETTER}]")
# A run of right-to-left words (with the spaces and marks between them).
_RTL_RUN = re.compile(f"[{_RTL_LETTER}](?:[{_RTL_LETTER}\\s\\d.,،؛:()-]*[{_RTL_LETTER}])?")
# Longer runs are left breakable: joined, they would be cut mid-word instead.
_MAX_JOINED_RUN = 60

# Above this size one paragraph is cut into several, so reportlab never re-wraps a
# megabyte of text for every page it fills.
CHUNK = 3000


def clean(text: str) -> str:
    """Normalise to NFC, drop control and bidi-override characters, and print a TAB as a
    space (the font has no glyph for it: it would show as a replacement mark)."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    return UNSAFE.sub("", unicodedata.normalize("NFC", text))


def _draw_order(match: re.Match[str]) -> str:
    # Imported on the first right-to-left run: arabic-reshaper loads fontTools, a tenth
    # of ``lika export-pdf``'s imports, and most documents have no such run (issue 18).
    import arabic_reshaper
    from bidi import get_display

    run = match.group()
    drawn: str = get_display(arabic_reshaper.reshape(run), base_dir="R")
    return drawn.replace(" ", "\u00a0") if len(run) <= _MAX_JOINED_RUN else drawn


def visual(text: str) -> str:
    """``text`` in the order its letters are drawn.

    reportlab draws left to right and has no bidi algorithm of its own here, so each run
    of Arabic-script (or Hebrew) words is shaped (arabic-reshaper) and put in drawing
    order (python-bidi) on its own, as if isolated: a number or comma after a name
    stays where the writer put it. Short runs are glued with no-break spaces, so
    wrapping in a narrow column cannot split a name over lines in the wrong order.
    """
    if not _HAS_RTL.search(text):
        return text
    return _RTL_RUN.sub(_draw_order, text)


@cache
def _uncovered() -> re.Pattern[str]:
    """Characters some face of the embedded font cannot draw, as one character class
    (built once from the fonts' maps, then matched in C)."""
    register_fonts()
    faces = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in FACES]
    covered = sorted(set.intersection(*faces) | {10})
    ranges: list[str] = []
    start = previous = covered[0]
    for code in [*covered[1:], -1]:
        if code != previous + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else "")
            )
            start = code
        previous = code
    return re.compile(f"[^{''.join(ranges)}]")


def drawable(text: str) -> str:
    """``text`` with every character no font of the document can draw (emoji, rare
    scripts) shown as U+FFFD: a visible mark instead of an empty box, and no reference
    to the font's missing-glyph shape, which PDF/A forbids. Characters the document's
    fallback font has (``fallback.active``) stay."""
    if text.isascii():
        return text
    active = fallback.active()
    if active is None:
        return _uncovered().sub("\ufffd", text)
    chars = active[1]
    return _uncovered().sub(lambda m: m.group() if m.group() in chars else "\ufffd", text)


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` (drawable) cut into (font, run) pieces to draw on the canvas: the
    characters the fallback font has in it, the rest in ``font``."""
    active = fallback.active()
    if active is None or not active[1].intersection(text):
        return [(font, text)]
    name, chars = active
    return [(name if inside else font, run) for inside, run in _runs(text, chars)]


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` drawn as ``font_runs`` draws it."""
    return sum(
        float(pdfmetrics.stringWidth(run, face, size)) for face, run in font_runs(text, font)
    )


def plain(text: str) -> str:
    """User text for the canvas (page headers, chart labels): cleaned, in drawing
    order, drawable; newlines become spaces."""
    return drawable(visual(clean(text))).replace("\n", " ")


def markup(text: str) -> str:
    """User text as paragraph markup that shows literally: never tags, never entities.

    Newlines become line breaks. A very long word (a link, a file's SHA-256) is wrapped
    by reportlab itself (``splitLongWords``): an invisible break character put into it
    would come along when the reader copies it from the PDF, and the copied hash or
    address would no longer match.
    """
    breakable = visual(clean(text))
    active = fallback.active()
    if active is None or not active[1].intersection(breakable):
        return escape(drawable(breakable)).replace("\n", "<br/>")
    # Runs of characters the system font has are drawn in it; the rest as usual.
    name, chars = active
    parts: list[str] = []
    for in_fallback, run in _runs(breakable, chars):
        if in_fallback:
            parts.append(f'<font name="{name}">{escape(run)}</font>')
        else:
            parts.append(escape(drawable(run)).replace("\n", "<br/>"))
    return "".join(parts)


def _runs(text: str, chars: frozenset[str]) -> list[tuple[bool, str]]:
    """``text`` cut where it passes in and out of ``chars``."""
    runs: list[tuple[bool, str]] = []
    for c in text:
        inside = c in chars
        if runs and runs[-1][0] == inside:
            runs[-1] = (inside, runs[-1][1] + c)
        else:
            runs.append((inside, c))
    return runs


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, at line ends where possible,
    else at a space, else anywhere; joined they give ``text`` back (minus cut newlines)."""
    text = clean(text)
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", size // 2, size)
        skip = 1
        if cut < 0:
            cut = text.rfind(" ", size // 2, size)
            skip = 0 if cut < 0 else 1
            if cut < 0:
                cut = size
        pieces.append(text[:cut])
        text = text[cut + skip :]
    pieces.append(text)
    return pieces


def format_short_day(value: date | None, language: Language, empty: str = "–") -> str:
    if value is None:
        return empty
    return format_date(value, format="short", locale=BABEL_LOCALES[language])


def format_moment(value: datetime, language: Language) -> str:
    """A recorded time (stored in UTC) in the local time zone, date and minutes."""
    local = value.astimezone() if value.tzinfo else value
    locale = BABEL_LOCALES[language]
    day = format_date(local, "medium", locale=locale)
    return f"{day} {format_time(local, 'short', locale=locale)}"
