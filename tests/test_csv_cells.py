"""Every CSV Lika writes neutralises cells a spreadsheet would run as a formula, in one
function (csv_cells.spreadsheet_cell)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from desktop_app.app.register_export import export_csv_file
from desktop_app.app.reporting import portfolio_input, write_portfolio
from desktop_app.csv_cells import spreadsheet_cell
from desktop_app.domain.model import Language
from desktop_app.domain.portfolio import Period
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage.register import Register
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment
from tests.test_checks import lika

HOSTILE = [
    '=HYPERLINK("http://example.invalid";"Klicka här")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_start_gets_an_apostrophe(text) -> None:
    assert spreadsheet_cell(text) == "'" + text.replace("\r", "\n")


@pytest.mark.parametrize("value", ["Vanlig text", "", "2026-01-01", 3, None, -4])
def test_other_cells_are_unchanged(value) -> None:
    assert spreadsheet_cell(value) == value


@pytest.fixture
def hostile_db(tmp_path, content):
    db = tmp_path / "lika.db"
    repo = AssessmentRepository.open(db)
    for index, text in enumerate(HOSTILE):
        a = complete_assessment(content)
        a.decision.title = text
        a.decision.case_number = f"KS 2026/{index:04d}"
        a.decision.unit = text
        repo.create(a)
    repo.close()
    return db


def cells(text: str, delimiter: str = ",") -> list[str]:
    return [
        c for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for c in row
    ]


def test_lika_list_csv_neutralises(hostile_db, capsys) -> None:
    assert lika("list", "--format", "csv", "--db", str(hostile_db)) == 0
    found = cells(capsys.readouterr().out)
    for text in HOSTILE:
        shown = "'" + text.replace("\r", "\n")
        assert shown in found and text not in found


def test_export_view_as_csv_neutralises(hostile_db, tmp_path) -> None:
    with Register.open_reader(hostile_db) as register:
        rows = list(register.rows(RegisterQuery()))
    out = tmp_path / "view.csv"
    export_csv_file(rows, out, date(2026, 11, 23))
    found = cells(out.read_text(encoding="utf-8-sig"))
    for text in HOSTILE:
        assert "'" + text.replace("\r", "\n") in found


def test_the_portfolio_neutralises_tab_and_return(hostile_db, content, tmp_path) -> None:
    repo = AssessmentRepository.open(hostile_db)
    try:
        data = portfolio_input(
            repo,
            content,
            Period(date(2000, 1, 1), date(2099, 12, 31)),
            language=Language.EN,
            today=date(2026, 11, 23),
        )
    finally:
        repo.close()
    out = tmp_path / "portfolio.csv"
    write_portfolio(data, out)
    found = cells(out.read_text(encoding="utf-8-sig"))
    assert "' =1+1" in found  # the TAB printed as a space (as in the PDF), but not first
    assert "\t=1+1" not in found and not any(c.startswith(("=", "+", "@", "\t")) for c in found)


def test_the_list_table_escapes_control_characters(tmp_path, content, capsys) -> None:
    db = tmp_path / "lika.db"
    repo = AssessmentRepository.open(db)
    a = complete_assessment(content)
    a.decision.title = "Rad ett\nrad två\rskriven över \u202ebakåt \x1b[31mröd"
    a.decision.case_number = "KS\t2026"
    repo.create(a)
    repo.close()
    assert lika("list", "--db", str(db)) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2  # the header and one row: no newline from the title
    assert "\r" not in out and "\u202e" not in out and "\x1b" not in out and "\t" not in out
    assert "Rad ett\\nrad två\\rskriven över \\u202ebakåt" in lines[1]
    assert "KS\\t2026" in lines[1]
