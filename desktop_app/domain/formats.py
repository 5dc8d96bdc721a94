"""Dates and lists written the way each language writes them (through Babel's CLDR data).

One place for these rules so the PDF, the memo text and the UI agree: "1 september 2027"
in Swedish, "1. september 2027" in Norwegian, "1 September 2027" in British English;
"kön, ålder och funktionsnedsättning", "kjønn, alder og funksjonsnedsettelse",
"sex, age and disability".

The few forms Lika writes are CLDR's for the three locales, copied here from Babel's data
(``tests/test_formats.py`` holds every day of several years, every minute of a day and
lists of every length to Babel's answers): loading Babel and its locale data took about
25 ms of every PDF export and 4 MB before the window shows (issue 18,
docs/performance.md). Babel stays for what needs more of CLDR (the date input's month
names).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desktop_app.domain.model import Language

BABEL_LOCALES = {Language.SV: "sv_SE", Language.NB: "nb_NO", Language.EN: "en_GB"}

# CLDR 47 (Babel 2.19), format context: "wide" and "abbreviated" month names.
_MONTHS = {
    Language.SV: (
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december",
    ),
    Language.NB: (
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "desember",
    ),
    Language.EN: (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
}  # fmt: skip
_SHORT_MONTHS = {
    Language.SV: (
        "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.",
        "nov.", "dec.",
    ),
    Language.NB: (
        "jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.",
        "nov.", "des.",
    ),
    Language.EN: (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
    ),
}  # fmt: skip
# The day as "d MMMM y" (sv, en_GB) or "d. MMMM y" (nb); the medium form alike with MMM.
_DAY_DOT = {Language.SV: "", Language.NB: ".", Language.EN: ""}
# The numeric (short) form: y-MM-dd, dd.MM.y, dd/MM/y.
_NUMERIC = {
    Language.SV: "{y}-{m:02d}-{d:02d}",
    Language.NB: "{d:02d}.{m:02d}.{y}",
    Language.EN: "{d:02d}/{m:02d}/{y}",
}
_AND = {Language.SV: "och", Language.NB: "og", Language.EN: "and"}


def format_day(value: date | None, language: Language, empty: str = "–") -> str:
    """A date in the language's long form; ``empty`` when there is none."""
    if value is None:
        return empty
    language = Language(language)
    month = _MONTHS[language][value.month - 1]
    return f"{value.day}{_DAY_DOT[language]} {month} {value.year}"


def format_medium_day(value: date, language: Language) -> str:
    """A date with the month abbreviated: "6 dec. 2026", "6. des. 2026", "6 Dec 2026"."""
    language = Language(language)
    month = _SHORT_MONTHS[language][value.month - 1]
    return f"{value.day}{_DAY_DOT[language]} {month} {value.year}"


def format_numeric_day(value: date, language: Language) -> str:
    """A date in figures: "2026-12-06", "06.12.2026", "06/12/2026"."""
    return _NUMERIC[Language(language)].format(y=value.year, m=value.month, d=value.day)


def format_clock(value: datetime) -> str:
    """Hours and minutes as all three write them (CLDR "HH:mm")."""
    return f"{value.hour:02d}:{value.minute:02d}"


def join_list(items: Sequence[str], language: Language) -> str:
    """Items joined as in running text: "a, b och c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_AND[Language(language)]} {items[-1]}"
