"""Reading a date as a Swedish, Norwegian or English user types it.

One rule for every date field: the text is read exactly or refused with a reason
(``DateInputError``), never turned into some other day. Accepted, in every language:
``2027-03-15``, ``2027-3-15``, ``20270315``, ``15.3.2027``, ``15/3/2027``,
``15-3-2027`` (day before month, as in all three languages) and the day with the
month's name ("15 mars 2027", "15. mars 2027", "15 March 2027"). Years have four
digits: "15.3.27" is refused rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

from desktop_app.domain.formats import BABEL_LOCALES
from desktop_app.domain.language import Language

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
_NAMED = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})")

INPUT_FORMATS = {Language.SV: "%Y-%m-%d", Language.NB: "%d.%m.%Y", Language.EN: "%Y-%m-%d"}


class DateInputError(ValueError):
    """The text is not a date Lika can read without guessing."""


def parse_typed_date(text: str, language: Language) -> date | None:
    """The day ``text`` names; None for blank text; ``DateInputError`` otherwise."""
    text = text.strip()
    if not text:
        return None
    if match := _ISO.fullmatch(text) or _COMPACT.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _NAMED.fullmatch(text):
        day, year = int(match[1]), int(match[3])
        month = _month_number(match[2], language)
    else:
        raise DateInputError(text)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DateInputError(text) from error


def input_text(value: date | None, language: Language) -> str:
    """How a date field shows ``value``: a form ``parse_typed_date`` reads back."""
    return value.strftime(INPUT_FORMATS[Language(language)]) if value else ""


def _month_number(name: str, language: Language) -> int:
    from babel.dates import get_month_names

    wanted = name.casefold().rstrip(".")
    for locale in (BABEL_LOCALES[Language(language)], "en_GB"):
        for width in ("wide", "abbreviated"):
            for number, month in get_month_names(width, locale=locale).items():
                if month.casefold().rstrip(".") == wanted:
                    return int(number)
    raise DateInputError(name)
