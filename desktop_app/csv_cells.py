"""Cells for spreadsheets: the one function every CSV Lika writes passes its text through
(``lika list --format csv``, the window's *Export view as CSV*, the portfolio report).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)`` opens a web page, ``=cmd|...`` once ran programs), and Excel also
reads a cell starting with a TAB or a carriage return that way. Such a cell gets a
leading apostrophe, which spreadsheets show as text and do not print; the text
itself is unchanged after it, except that a carriage return becomes a line feed:
Python's CSV writer does not quote a field for a lone CR, which would end the row
there in a spreadsheet. Numbers and empty cells are left alone.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """``value`` as a spreadsheet shows it literally (text starting like a formula
    gets a leading apostrophe)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")
