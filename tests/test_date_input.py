"""Dates as a caseworker types them: read exactly, or refused with a reason, never
turned into another date."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.date_input import DateInputError, input_text, parse_typed_date
from desktop_app.domain.model import Language


@pytest.mark.parametrize(
    "text",
    ["2027-03-15", "15.3.2027", "15.03.2027", "15/3/2027", "20270315", " 2027-3-15 ", "15-3-2027"],
)
def test_common_forms_read_as_the_same_day(text: str) -> None:
    for language in Language:
        assert parse_typed_date(text, language) == date(2027, 3, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15 mars 2027", Language.SV), ("15. mars 2027", Language.NB), ("15 March 2027", Language.EN)],
)
def test_month_names_in_the_language(text: str, expected: Language) -> None:
    assert parse_typed_date(text, expected) == date(2027, 3, 15)


def test_earlier_silent_changes_are_now_exact() -> None:
    # The issue: "2027-03-15" became 2027-11-03 and "2025-11-01" became 2025-12-11.
    assert parse_typed_date("2025-11-01", Language.SV) == date(2025, 11, 1)


@pytest.mark.parametrize(
    "text", ["2027-13-01", "31.2.2027", "2027-02-30", "15/3", "abc", "2027", "15.3.27x", "0.1.2027"]
)
def test_what_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(DateInputError):
        parse_typed_date(text, Language.SV)


def test_empty_text_is_no_date() -> None:
    assert parse_typed_date("  ", Language.NB) is None


def test_input_text_reads_back_as_the_same_day() -> None:
    day = date(2027, 3, 5)
    for language in Language:
        assert parse_typed_date(input_text(day, language), language) == day
    assert input_text(day, Language.SV) == "2027-03-05"
    assert input_text(day, Language.NB) == "05.03.2027"
    assert input_text(None, Language.EN) == ""
