"""Turning user text into safe reportlab paragraph markup and readable labels."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from desktop_app.domain.formats import format_day

__all__ = ["clean", "format_day", "markup"]

# C0/C1 controls except tab and newline, and bidi overrides/isolates that could reorder
# the surrounding layout; they are shown as nothing rather than breaking the page.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Break opportunities inside very long unbroken runs (URLs, pasted hashes).
_LONG_RUN = re.compile(r"(\S{40})(?=\S)")


def clean(text: str) -> str:
    """Normalise to NFC and drop control and bidi-override characters."""
    return _UNSAFE.sub("", unicodedata.normalize("NFC", text)).replace("\r\n", "\n")


def markup(text: str) -> str:
    """User text as paragraph markup that shows literally: never tags, never entities.

    Newlines become line breaks; a zero-width space inside very long words lets
    reportlab wrap them instead of running off the page.
    """
    breakable = _LONG_RUN.sub("\\1\u200b", clean(text))
    return escape(breakable).replace("\n", "<br/>")
