"""Characters no document Lika writes may hold, in one place for the PDF and the Word memo.

C0 and C1 control characters other than tab and newline (they are not XML, which
python-docx refuses, and no font draws them), the bidi embeddings, overrides and isolates
that could reorder the surrounding layout, and the Unicode non-characters. Such text can
arrive in an exchange file; it is shown as nothing rather than breaking the document.
Light on purpose: no reportlab, so the memo does not load it.
"""

from __future__ import annotations

import re

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def without_unsafe(text: str) -> str:
    """``text`` without the characters of ``UNSAFE``."""
    return UNSAFE.sub("", text)
