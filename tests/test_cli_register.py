"""`lika list` with the register's search and filters, and `lika demo --count`."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop_app.__main__ import main
from desktop_app.app.register_export import LIST_FIELDS
from desktop_app.domain.model import Direction, Status
from tests.register_helpers import make, with_impact


def run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


@pytest.fixture
def register_db(cli_db, store, store_service, content) -> str:
    """Three assessments, one approved, on each engine in turn; the ``--db`` value."""
    a = with_impact(make(content, "Färdtjänst i Karesuando", unit="Social"), "disability",
                    Direction.NEGATIVE)  # fmt: skip
    a.measures[0].deadline = date(2020, 1, 1)  # long overdue
    store.create(a)
    store_service.change_status(a, Status.IN_REVIEW)
    store_service.change_status(a, Status.APPROVED)
    store.create(make(content, "Skolskjuts", unit="Utbildning", decision_date=date(2025, 3, 1)))
    store.create(make(content, "Simhall", unit="Kultur", framework="no-ldl"))
    return cli_db


def listed(capsys, db, *options: str) -> list[dict]:
    assert run("list", "--db", str(db), "--format", "json", *options) == 0
    return json.loads(capsys.readouterr().out)


def test_list_options_are_the_registers_filters(register_db, capsys) -> None:
    def titles(*options: str) -> list[str]:
        return sorted(r["title"] for r in listed(capsys, register_db, *options))

    assert titles() == ["Färdtjänst i Karesuando", "Simhall", "Skolskjuts"]
    assert titles("--search", "karesuando") == ["Färdtjänst i Karesuando"]
    assert titles("--search", "färdtj") == ["Färdtjänst i Karesuando"]
    assert titles("--search", "fardtjanst") == []
    assert titles("--unit", "Social") == ["Färdtjänst i Karesuando"]
    assert titles("--framework", "no-ldl") == ["Simhall"]
    assert titles("--ground", "disability", "--impact", "negative") == ["Färdtjänst i Karesuando"]
    assert titles("--from", "2025-01-01", "--to", "2025-12-31") == ["Skolskjuts"]
    assert titles("--overdue") == ["Färdtjänst i Karesuando"]
    assert titles("--status", "approved", "--overdue", "--unit", "Kultur") == []
    assert titles("--evaluation-due") == []  # its follow-up date is in 2027


def test_list_json_keeps_the_old_fields_and_adds_the_registers(
    register_db, store_service, capsys
) -> None:
    records = listed(capsys, register_db, "--sort", "title", "--ascending")
    assert [r["title"] for r in records] == ["Färdtjänst i Karesuando", "Simhall", "Skolskjuts"]
    first = records[0]
    assert list(first)[:15] == [
        "id", "title", "case_number", "status", "updated", "unit", "organisation",
        "decision_body", "revision", "author", "language", "framework", "outcome", "created",
        "uid",
    ]  # fmt: skip
    assert first["reviewer"] == store_service.identity.name  # the approver (server: login)
    assert first["adverse_grounds"] == [
        {"ground": "age", "impact": "negative"},
        {"ground": "disability", "impact": "negative"},
    ]
    assert first["open_measures"] == 1 and first["overdue_measures"] is True
    assert first["next_deadline"] == "2020-01-01"
    assert first["next_followup"] == "2027-09-01" and first["evaluation_due"] is False


def test_list_csv_has_every_field(register_db, capsys) -> None:
    assert run("list", "--db", str(register_db), "--format", "csv", "--unit", "Social") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(LIST_FIELDS)
    assert len(lines) == 2 and "age:negative; disability:negative" in lines[1]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--from", "2026-02-01", "--to", "2026-01-01"), "ends (2026-01-01) before it starts"),
        (("--from", "1 januari"), "'1 januari' is not a date (YYYY-MM-DD)"),
        (("--ground", "hair_colour"), "Unknown ground 'hair_colour'"),
        (("--impact", "bad"), "invalid choice: 'bad'"),
        (("--sort", "colour"), "invalid choice: 'colour'"),
    ],
)
def test_bad_list_options_are_one_line_exit_2(register_db, capsys, options, message) -> None:
    assert run("list", "--db", str(register_db), *options) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


@pytest.mark.parametrize("text", ['"', "NEAR(", "-", "*", "a OR", "(((", "title:x"])
def test_hostile_searches_are_plain_words(register_db, capsys, text) -> None:
    assert run("list", "--db", str(register_db), "--search", text) == 0
    out = capsys.readouterr().out
    assert "Traceback" not in out


# `demo --count` generates into a register file; on a server register it says it is not
# available yet (docs/it-deployment.md), so these two run on SQLite only.
def test_demo_count_generates_a_register(tmp_path, capsys) -> None:
    db = tmp_path / "big.db"
    assert run("demo", "--count", "120", "--db", str(db)) == 0
    assert "Generated 120 assessments" in capsys.readouterr().out
    records = listed(capsys, db, "--all-revisions")
    assert len(records) == 120
    assert {r["status"] for r in records} == {s.value for s in Status}
    assert run("demo", "--count", "0", "--db", str(db)) == 2
    assert "must be between 1 and" in capsys.readouterr().err
    assert run("demo", "--count", "many", "--db", str(db)) == 2
    assert "'many' is not a whole number" in capsys.readouterr().err


def test_demo_count_adds_to_a_register_that_has_generated_data(tmp_path, capsys) -> None:
    db = tmp_path / "big.db"
    assert run("demo", "--count", "40", "--db", str(db)) == 0
    assert run("demo", "--count", "40", "--db", str(db)) == 0
    assert "Generated 40 assessments" in capsys.readouterr().out
    assert len(listed(capsys, db, "--all-revisions")) == 80
    assert run("check", "--db", str(db)) == 0
