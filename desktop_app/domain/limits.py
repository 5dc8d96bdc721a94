"""How long each text of an assessment may be, so that any valid assessment can be laid
out as a PDF in bounded time (the exchange schema and the editor use these).

Three sizes, by where a text is printed:

- ``LINE_MAX`` for one-line fields (title, case number, names, a measure's owner):
  the title is the cover's heading and a page header, the owner a narrow table column;
- ``CELL_MAX`` for texts printed in table cells (a ground's affected groups and
  justification, a measure's description): a table row longer than a page is split
  again on every page, so its cost grows with the square of its length;
- ``TEXT_MAX`` for texts printed as paragraphs, laid out in pieces in linear time.

``benchmarks/pdf_long_text.py`` measures the export at these lengths.
"""

from __future__ import annotations

LINE_MAX = 1_000
CELL_MAX = 10_000
TEXT_MAX = 1_000_000

# The exchange schema's names for them (resources/schemas/exchange.schema.json $defs).
SCHEMA_DEFS = {"line": LINE_MAX, "cell": CELL_MAX, "text": TEXT_MAX}

# How many affected groups a decision may name (the schema's ``maxItems``): the editor
# takes them one per line and stops there, so every assessment it saves can be exported.
GROUPS_MAX = 1_000

_LINES = {
    ("decision", "title"),
    ("decision", "case_number"),
    ("decision", "organisation"),
    ("decision", "unit"),
    ("decision", "decision_body"),
    ("decision", "author"),
    ("decision", "affected_groups"),  # each group: one line
    ("measure", "owner"),
}
_CELLS = {
    ("ground", "groups"),
    ("ground", "justification"),
    ("measure", "description"),
}


def max_length(path: tuple[str, ...]) -> int:
    """The longest text the field at ``path`` (an editor FieldPath) may hold."""
    kind = (path[0], path[-1])
    if kind in _LINES:
        return LINE_MAX
    if kind in _CELLS:
        return CELL_MAX
    return TEXT_MAX


def max_items(path: tuple[str, ...]) -> int | None:
    """How many items the list at ``path`` may hold, for a list edited one per line;
    None where only the length of the text counts."""
    return GROUPS_MAX if (path[0], path[-1]) == ("decision", "affected_groups") else None
