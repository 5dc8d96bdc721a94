"""User text in a terminal table: escaped so that it cannot move the cursor, change
colours, reverse the line (U+202E) or break the table over lines."""

from __future__ import annotations

import re

# C0 and C1 controls (newline, CR, TAB and ESC included), DEL, bidi embeddings,
# overrides, isolates and marks, and the Unicode line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\n``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def lines_for_terminal(text: str, indent: str = "    ") -> str:
    """Multi-line user text (a comment, a memo) for a terminal: each line escaped as
    ``for_terminal`` does, the line breaks kept, and every line after the first
    indented by ``indent`` so that no line of the text can pass for one of Lika's."""
    return ("\n" + indent).join(for_terminal(line) for line in text.split("\n"))
