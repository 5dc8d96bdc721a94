"""What a user types into the search box, as an FTS5 query that cannot fail.

FTS5 has its own query language (quotes, ``*``, ``-``, ``NEAR``, ``AND``/``OR``/``NOT``,
parentheses, ``column:``). A caseworker searching for ``"C++" -kurs (NEAR`` means those
words, not syntax, so every whitespace-separated chunk becomes a quoted phrase: FTS5
then splits it with the same tokenizer as the index, and nothing in it is an operator.
All phrases must match (AND). The last chunk is a prefix, so results appear while the
user is still typing a word ("hemtj" finds "hemtjänst").
"""

from __future__ import annotations

import unicodedata

# Control characters (a NUL would end the query early inside SQLite) and lone
# surrogates (not encodable as UTF-8) are separators, never part of a word.
_SEPARATOR_CATEGORIES = frozenset({"Cc", "Cs"})


def _has_token(chunk: str) -> bool:
    """True if the tokenizer (unicode61) would find a word in ``chunk``: letters and
    digits are token characters, everything else separates tokens."""
    return any(ch.isalnum() for ch in chunk)


def chunks(text: str) -> list[str]:
    """The whitespace-separated chunks of ``text`` that hold a word, each one phrase of
    the query; the PostgreSQL register's ``lika.search_query`` takes the same."""
    cleaned = "".join(
        " " if unicodedata.category(ch) in _SEPARATOR_CATEGORIES else ch for ch in text
    )
    return [c for c in cleaned.split() if _has_token(c)]


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """The FTS5 MATCH expression for ``text``, or ``None`` if it holds no words."""
    found = chunks(text)
    if not found:
        return None
    phrases = ['"' + c.replace('"', '""') + '"' for c in found]
    if prefix_last:
        phrases[-1] += "*"
    return " ".join(phrases)


def contains_pattern(text: str) -> str:
    """A LIKE pattern (escape character ``\\``) that matches ``text`` anywhere, its
    ``%`` and ``_`` as themselves: the repository's title and case-number filter, on
    either engine."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
