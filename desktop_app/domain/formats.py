"""Dates and lists written the way each language writes them (through Babel's CLDR data).

One place for these rules so the PDF, the memo text and the UI agree: "1 september 2027"
in Swedish, "1. september 2027" in Norwegian, "1 September 2027" in British English;
"kön, ålder och funktionsnedsättning", "kjønn, alder og funksjonsnedsettelse",
"sex, age and disability".

Babel is imported when a date or list is first written, not with this module: the memo
rules import this module at start-up, and Babel would add 4 MB and a few hundredths of a
second before the window shows (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop_app.domain.language import Language

BABEL_LOCALES = {Language.SV: "sv_SE", Language.NB: "nb_NO", Language.EN: "en_GB"}


def format_day(value: date | None, language: Language, empty: str = "–") -> str:
    """A date in the language's long form; ``empty`` when there is none."""
    if value is None:
        return empty
    from babel.dates import format_date

    return format_date(value, format="long", locale=BABEL_LOCALES[Language(language)])


def join_list(items: Sequence[str], language: Language) -> str:
    """Items joined as in running text: "a, b och c"."""
    from babel.lists import format_list

    return format_list(list(items), locale=BABEL_LOCALES[Language(language)])
