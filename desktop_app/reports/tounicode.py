"""Text that extracts as it was typed, also outside the Basic Multilingual Plane.

reportlab writes each subset font's ToUnicode map with ``<%04X>`` per code point, so
U+1F600 becomes ``<1F600>``: five hex digits, which PDF readers take as the two bytes
``1F 60`` plus junk. The PDF specification wants UTF-16BE there (``<D83DDE00>``). This
module replaces reportlab's map writer with one that does; it is installed once, when the
fonts are registered, and changes nothing for characters in the BMP.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

_installed = False


def utf16_hex(code_point: int) -> str:
    """``0x1F600`` → ``D83DDE00``; ``0x41`` → ``0041``."""
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` with UTF-16BE destinations."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install() -> None:
    """Make reportlab use ``make_to_unicode_cmap`` (idempotent)."""
    global _installed
    if not _installed:
        ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
        _installed = True
