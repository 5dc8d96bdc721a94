"""Characters no document Lika writes may hold, in one place for the PDF and the Word memo.

C0 and C1 control characters other than tab and newline (they are not XML, which
python-docx refuses, and no font draws them), the bidi embeddings, overrides and isolates
that could reorder the surrounding layout, and the Unicode non-characters. Such text can
arrive in an exchange file; it is shown as nothing rather than breaking the document.
Light on purpose: no reportlab, so the memo does not load it.

``escape`` is XML's escaping of text (``&``, ``<``, ``>``) for reportlab's paragraph
markup and the XMP packet. ``xml.sax.saxutils.escape`` does the same, but importing it
loads ``urllib.request`` with ``http.client``, ``email``, ``ssl`` and ``socket`` (about
12 ms of every ``lika export-pdf``, issue 18).
"""

from __future__ import annotations

import html
import re

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def without_unsafe(text: str) -> str:
    """``text`` without the characters of ``UNSAFE``."""
    return UNSAFE.sub("", text)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities, as ``xml.sax.saxutils.escape`` writes them."""
    return html.escape(text, quote=False)
