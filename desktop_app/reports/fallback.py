"""Characters the embedded font cannot draw: printed with a font found on the computer,
or named before the PDF is written.

DejaVu Sans covers Latin (with Sami), Greek, Cyrillic, Arabic and Hebrew, but no Chinese,
Japanese or Korean. Windows, macOS and Linux desktops carry fonts for those; bundling
one would cost 15–20 MB of the installer. So at export time, and only when the text
needs it, the first system font that has all the missing CJK characters is subset to
those characters (fontTools; PostScript-outline fonts such as Noto Sans CJK are
converted to TrueType outlines, which reportlab can embed) and registered as one more
font of the document. Scripts that need shaping to print correctly (Devanagari and the
other Indic scripts) are not drawn unshaped: they are reported instead, like characters
no font on the computer has.

The active fallback is process-wide (reportlab's font registry is too): ``activate`` is
called by each build just before it lays out, from the thread that builds.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.reports.fonts import FACES, register_fonts

# Han, kana, Hangul, CJK punctuation and full-width forms.
CJK_CLASS = (
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u31a0-\u31ff\u3200-\u32ff\u3300-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


@cache
def cjk_pattern() -> re.Pattern[str]:
    """``CJK_CLASS`` compiled, the first time a character is missing from the embedded
    font: compiling it takes about 3 ms, and most documents never need it (issue 18)."""
    return re.compile(CJK_CLASS)


# Font files with CJK glyphs, per system, most common first (file names, searched in
# the system's font folders).
CJK_FILES = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansCJKjp-Regular.otf",
    "SourceHanSans-Regular.ttc",
    "DroidSansFallbackFull.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "msyh.ttc",  # Microsoft YaHei (Windows)
    "YuGothR.ttc",
    "meiryo.ttc",
    "malgun.ttf",
    "simsun.ttc",
    "Hiragino Sans GB.ttc",  # macOS
    "PingFang.ttc",
)

_lock = threading.Lock()
_active: tuple[str, frozenset[str]] | None = None


@dataclass(frozen=True)
class Unprintable:
    """Characters in one field that no font can print (they show as �)."""

    field: str
    characters: str


def font_folders() -> list[Path]:
    """Where the system keeps fonts, for this platform."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data / "fonts",
        home / ".fonts",
    ]


@cache
def covered() -> frozenset[int]:
    """The code points every face of the embedded font draws."""
    register_fonts()
    faces = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in FACES]
    return frozenset(set.intersection(*faces) | {9, 10})


def missing(text: str) -> set[str]:
    """Characters of ``text`` the embedded font has no glyph for (ignoring controls,
    which the reports drop)."""
    if text.isascii():
        return set()
    have = covered()
    return {
        c
        for c in unicodedata.normalize("NFC", text)
        if ord(c) not in have and unicodedata.category(c)[0] != "C"
    }


def _candidates(folders: Iterable[Path]) -> Iterator[Path]:
    for name in CJK_FILES:
        for folder in folders:
            if not folder.is_dir():
                continue
            direct = folder / name
            if direct.is_file():
                yield direct
                continue
            yield from sorted(folder.rglob(name))[:1]


def find_cjk_font(
    chars: set[str], folders: Iterable[Path] | None = None
) -> tuple[Path, int] | None:
    """The first system font (file, index in a collection) that has every character."""
    wanted = {ord(c) for c in chars}
    for path in _candidates(font_folders() if folders is None else folders):
        for index, cmap in enumerate(_cmaps(path)):
            if wanted <= cmap:
                return path, index
    return None


@cache
def _cmaps(path: Path) -> tuple[frozenset[int], ...]:
    """The characters of each font in ``path`` (read once per run: a CJK file is large)."""
    from fontTools.ttLib import TTCollection
    from fontTools.ttLib import TTFont as FontFile

    try:
        if path.suffix.lower() == ".ttc":
            with TTCollection(str(path), lazy=True) as collection:
                return tuple(frozenset(f.getBestCmap() or {}) for f in collection.fonts)
        with FontFile(str(path), lazy=True) as font:
            return (frozenset(font.getBestCmap() or {}),)
    except Exception:  # an unreadable or broken font file: try the next one
        return ()


@lru_cache(maxsize=8)
def _subset_cached(path: Path, index: int, chars: frozenset[str]) -> bytes:
    return subset_font(path, index, set(chars))


def subset_font(path: Path, index: int, chars: set[str]) -> bytes:
    """A TrueType font with only ``chars`` from ``path``, PostScript outlines converted."""
    from fontTools.ttLib import TTFont as FontFile

    with FontFile(str(path), fontNumber=index, lazy=False) as font:
        return _subset(font, chars)


def _subset(font: Any, chars: set[str]) -> bytes:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=" " + "".join(sorted(chars)))
    subsetter.subset(font)
    # reportlab reserves the codes of control characters in a subset and may refer to
    # code 0; point them at the blank space glyph, never at .notdef (PDF/A forbids it).
    space = font.getBestCmap().get(32)
    if space is not None:
        for table in font["cmap"].tables:
            if table.isUnicode():
                for code in range(32):
                    table.cmap.setdefault(code, space)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyphs = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        font["glyf"] = glyf
        font["loca"] = newTable("loca")
        for tag in ("CFF ", "VORG"):
            if tag in font:
                del font[tag]
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in [
            "maxPoints",
            "maxContours",
            "maxCompositePoints",
            "maxCompositeContours",
            "maxTwilightPoints",
            "maxStorage",
            "maxFunctionDefs",
            "maxInstructionDefs",
            "maxStackElements",
            "maxSizeOfInstructions",
            "maxComponentElements",
            "maxComponentDepth",
        ]:
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        font["head"].indexToLocFormat = 0
        font["head"].glyphDataFormat = 0
        post = font["post"]
        post.formatType = 2.0
        post.extraNames = []
        post.mapping = {}
        font.sfntVersion = "\x00\x01\x00\x00"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def activate(texts: Iterable[str], folders: Iterable[Path] | None = None) -> set[str]:
    """Prepare the next document: register a system font for the CJK characters in
    ``texts`` if one has them all, and return the characters that stay unprintable."""
    global _active
    need: set[str] = set()
    for text in texts:
        need |= missing(text)
    cjk = {c for c in need if cjk_pattern().match(c)}
    printable: set[str] = set()
    name = ""
    if cjk:
        found = find_cjk_font(cjk, folders)
        if found is not None:
            name = _register(*found, frozenset(cjk))
            printable = cjk
    with _lock:
        _active = (name, frozenset(printable)) if printable else None
    return need - printable


def _register(path: Path, index: int, chars: frozenset[str]) -> str:
    """Register the subset of ``path`` with ``chars`` once and return its font name.

    reportlab registers a second font whose face has the name of one already
    registered as an alias of the first: every subset of the same system font would
    print with the first one's glyphs (a later document lost all its CJK text). So
    the face is named after what it holds, like the font: the same subset is one font
    (reportlab keeps its state per document), another subset is another font."""
    key = f"{path}|{index}|{''.join(sorted(chars))}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    name = f"LikaCJK-{digest}"
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(name, io.BytesIO(_subset_cached(path, index, chars)))
            font.face.name += f"-{digest}".encode()
            pdfmetrics.registerFont(font)
    return name


def deactivate() -> None:
    global _active
    with _lock:
        _active = None


def active() -> tuple[str, frozenset[str]] | None:
    """The fallback font of the document being built: its name and the characters it has."""
    return _active


def strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a dataclass tree, with a dotted path naming its field."""
    if isinstance(value, str):
        yield path, value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from strings(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for number, item in enumerate(value, 1):
            yield from strings(item, f"{path}[{number}]")


def unprintable(value: object, not_printable: set[str], prefix: str = "") -> list[Unprintable]:
    """Which fields of ``value`` hold which of the ``not_printable`` characters."""
    found: list[Unprintable] = []
    if not not_printable:
        return found
    for path, text in strings(value, prefix):
        chars = sorted(set(text) & not_printable)
        if chars:
            found.append(Unprintable(path, "".join(dict.fromkeys(chars))))
    return found
