"""Lika's own copy of CLDR's date, time and list forms gives exactly Babel's answers
(issue 18: Babel and its locale data were about 25 ms of every PDF export)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from babel.dates import format_date, format_time
from babel.lists import format_list

from desktop_app.domain.formats import (
    BABEL_LOCALES,
    format_clock,
    format_day,
    format_medium_day,
    format_numeric_day,
    join_list,
)
from desktop_app.domain.model import Language
from desktop_app.reports.text import format_moment, format_short_day

DAYS = [date(2024, 1, 1) + timedelta(days=n) for n in range(366 * 3)] + [
    date(1, 1, 1), date(999, 12, 31), date(9999, 12, 31), date(2000, 2, 29),
]  # fmt: skip


@pytest.mark.parametrize("language", list(Language))
def test_every_day_as_babel_writes_it(language: Language) -> None:
    locale = BABEL_LOCALES[language]
    for day in DAYS:
        assert format_day(day, language) == format_date(day, "long", locale=locale)
        assert format_medium_day(day, language) == format_date(day, "medium", locale=locale)
        assert format_numeric_day(day, language) == format_date(day, "short", locale=locale)


@pytest.mark.parametrize("language", list(Language))
def test_every_minute_and_a_moment_as_babel_writes_them(language: Language) -> None:
    locale = BABEL_LOCALES[language]
    start = datetime(2026, 3, 29)
    for minute in range(24 * 60):
        moment = start + timedelta(minutes=minute)
        assert format_clock(moment) == format_time(moment, "short", locale=locale)
    moment = datetime(2026, 12, 6, 22, 30)
    expected = f"{format_date(moment, 'medium', locale=locale)} "
    expected += format_time(moment, "short", locale=locale)
    assert format_moment(moment, language) == expected
    assert format_short_day(moment.date(), language) == format_date(moment, "short", locale=locale)


@pytest.mark.parametrize("language", list(Language))
def test_lists_of_every_length_as_babel_joins_them(language: Language) -> None:
    words = ["kön", "ålder", "funktionsnedsättning", "a, b", "och", ""]
    for n in range(len(words) + 1):
        expected = format_list(words[:n], locale=BABEL_LOCALES[language])
        assert join_list(words[:n], language) == expected


def test_the_words_people_read() -> None:
    day = date(2027, 9, 1)
    assert [format_day(day, lang) for lang in Language] == [
        "1 september 2027", "1. september 2027", "1 September 2027",
    ]  # fmt: skip
    assert format_day(None, Language.SV) == "–"
