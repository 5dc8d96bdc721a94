"""Decision types (issue 17): content checked with file and line, the questions a type
adds and emphasises, stored per assessment (migration 0008), in the register, the
exchange file, the PDF and the portfolio."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.app.reporting import portfolio_input, summary_input
from desktop_app.checklists import __main__ as content_check
from desktop_app.checklists.guide import load_content
from desktop_app.checklists.loader import BUILTIN_DIR
from desktop_app.domain.fingerprint import canonical_json
from desktop_app.domain.model import Answer, Status
from desktop_app.domain.portfolio import Period
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.domain.serialize import assessment_from_dict, assessment_to_dict
from desktop_app.storage.register import Register
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text

SHIPPED = {
    "budget_fees",
    "procurement",
    "physical_planning",
    "organisation_staffing",
    "service_changes",
    "rules_criteria",
    "grants",
}


def test_the_shipped_types_in_three_languages(content) -> None:
    types = content.checklists.decision_types
    assert set(types) == SHIPPED
    for decision_type in types.values():
        for language in ("sv", "nb", "en"):
            assert decision_type.name.get(language).strip()
            assert decision_type.description.get(language).strip()
        assert decision_type.questions or decision_type.emphasise
    assert types["physical_planning"].modules == ("children", "minorities")


ORG_TYPE = """format: lika-decision-types
format_version: 1
types:
  - key: it_systems
    name: {sv: IT-system, nb: IT-systemer, en: IT systems}
    description: {sv: Nya system, nb: Nye systemer, en: New systems}
    modules: [children]
    emphasise: [disability.digital]
    questions:
      - ground: disability
        id: disability.type_it_accessibility
        type: yes_no_unsure
        text: {sv: Uppfyller systemet WCAG?, nb: Oppfyller systemet WCAG?, en: Does it meet WCAG?}
        guidance: {sv: Kräv det, nb: Krev det, en: Require it}
"""


def test_an_organisation_adds_its_own_type_in_its_checklist_folder(tmp_path) -> None:
    (tmp_path / "it.yaml").write_text(ORG_TYPE, encoding="utf-8")
    loaded = load_content([tmp_path])
    assert not loaded.checklists.errors
    assert list(loaded.checklists.decision_types)[-1] == "it_systems"
    assert "it_systems" not in loaded.checklists.checklists  # not read as a checklist


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("key: it_systems", "key: grants", r"line 4 .*'grants' already exists"),
        ("modules: [children]", "modules: [nope]", r"line 7 .*no module 'nope'"),
        ("emphasise: [disability.digital]", "emphasise: [age.nope]", r"line 8 .*'age\.nope'"),
        ("ground: disability", "ground: nope", r"line 10 .*no ground 'nope'"),
        ("id: disability.type_it", "id: age.type_it", r"line 11 .*must start with 'disability\.'"),
        ("id: disability.type_it_accessibility", "id: disability.digital", "already used"),
        ("en: IT systems}", "}", r"line 5 .*'en' is a required property"),
    ],
)
def test_a_broken_type_is_reported_with_file_and_line(tmp_path, capsys, old, new, expected) -> None:
    path = tmp_path / "it.yaml"
    assert old in ORG_TYPE
    path.write_text(ORG_TYPE.replace(old, new, 1), encoding="utf-8")
    errors = load_content([tmp_path]).checklists.errors
    assert len(errors) == 1
    assert str(errors[0]).startswith(str(path))
    assert re.search(expected, str(errors[0])), str(errors[0])
    assert content_check.main([str(path)]) == 2
    assert re.search(expected, capsys.readouterr().err)


def test_the_content_checker_checks_the_built_in_types(capsys) -> None:
    assert content_check.main([str(BUILTIN_DIR / "decision-types.yaml")]) == 0
    assert "decision types, 7 types" in capsys.readouterr().out


# ---------------------------------------------------------------- applied to an assessment


def test_a_type_adds_and_emphasises_questions(service) -> None:
    plain = service.new_assessment(framework_id="se-dl")
    budget = service.new_assessment(framework_id="se-dl", decision_type="budget_fees")
    assert budget.decision_type == "budget_fees"
    assert service.repository.get(budget.id).decision_type == "budget_fees"

    def sex_questions(assessment):
        return {
            q.id: q for c in service.checklists_for(assessment) for q in c.ground("sex").questions
        }

    assert "sex.type_budget_who_pays" not in sex_questions(plain)
    added = sex_questions(budget)
    assert added["sex.type_budget_who_pays"].emphasised
    assert added["sex.statistics"].emphasised
    assert not added["sex.affects"].emphasised
    assert not sex_questions(plain)["sex.statistics"].emphasised


def test_an_unknown_type_is_refused_when_creating(service) -> None:
    from desktop_app.domain.errors import ContentError

    with pytest.raises(ContentError, match="'nope' is not a decision type"):
        service.new_assessment(decision_type="nope")


def test_an_answer_to_a_type_question_is_kept_when_the_type_changes(service) -> None:
    a = service.new_assessment(framework_id="se-dl", decision_type="budget_fees")
    a.answers["sex.type_budget_who_pays"] = Answer(
        "sex.type_budget_who_pays", "yes", "Mest kvinnor."
    )
    a.decision_type = "procurement"
    service.save(a)
    stored = service.repository.get(a.id)
    assert stored.answers["sex.type_budget_who_pays"].note == "Mest kvinnor."
    kept = service.kept_content(stored).answers
    assert [k.answer.question_id for k in kept] == ["sex.type_budget_who_pays"]
    assert kept[0].question is not None  # its wording comes from the type that asked it


def test_no_type_serialises_as_before_so_fingerprints_stay(content) -> None:
    a = complete_assessment(content)
    assert "decision_type" not in canonical_json(a)
    a.decision_type = "grants"
    data = assessment_to_dict(a)
    assert data["decision_type"] == "grants"
    assert list(data).index("decision_type") == list(data).index("modules") + 1
    assert assessment_from_dict(data).decision_type == "grants"
    del data["decision_type"]
    assert assessment_from_dict(data).decision_type == ""


def test_an_approved_assessments_type_is_locked_in_the_database(service, db_path) -> None:
    a = complete_assessment(service.content)
    a.decision_type = "grants"
    stored = service.repository.create(a)
    service.repository.db.execute(
        "UPDATE assessments SET status = 'approved' WHERE id = ?", [stored.id]
    )
    with pytest.raises(sqlite3.DatabaseError, match="approved assessment cannot be changed"):
        service.repository.db.execute(
            "UPDATE assessments SET decision_type = 'procurement' WHERE id = ?", [stored.id]
        )


# ---------------------------------------------------------------- register, exchange, reports


def test_the_register_lists_filters_and_sorts_by_type(service, db_path) -> None:
    for key in ("grants", "", "procurement"):
        a = complete_assessment(service.content)
        a.decision_type = key
        a.decision.title = key or "none"
        service.repository.create(a)
    register = Register(service.repository.db.conn, db_path)
    rows = register.page(RegisterQuery(decision_type="grants")).rows
    assert [(r.title, r.decision_type) for r in rows] == [("grants", "grants")]
    assert register.count(RegisterQuery(decision_type="")) == 1
    ordered = register.page(RegisterQuery(sort=SortKey.DECISION_TYPE, descending=False)).rows
    assert [r.decision_type for r in ordered] == ["", "grants", "procurement"]


def test_lika_list_and_exchange_carry_the_type(service, db_path, tmp_path, capsys) -> None:
    a = complete_assessment(service.content)
    a.decision_type = "physical_planning"
    stored = service.repository.create(a)
    service.repository.close()
    db = str(db_path)
    assert (
        main(["list", "--db", db, "--decision-type", "physical_planning", "--format", "json"]) == 0
    )
    (record,) = json.loads(capsys.readouterr().out)
    assert record["decision_type"] == "physical_planning"
    out = tmp_path / "a.json"
    assert main(["export", str(stored.id), "--db", db, "--out", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["assessment"]["decision_type"] == "physical_planning"
    other = str(tmp_path / "other.db")
    assert main(["import", str(out), "--db", other]) == 0
    capsys.readouterr()
    assert main(["list", "--db", other, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["decision_type"] == "physical_planning"


def test_the_pdf_names_the_type(service, tmp_path) -> None:
    from desktop_app.reports.assessment_pdf import render_summary

    a = complete_assessment(service.content)
    a.decision_type = "procurement"
    a = service.repository.create(a)
    out = tmp_path / "a.pdf"
    render_summary(summary_input(service, a, today=date(2026, 11, 23)), out)
    text = " ".join(pdf_text(out).split())
    assert "Typ av beslut Upphandling" in text


def test_the_portfolio_counts_per_type(service, tmp_path) -> None:
    for key in ("grants", "grants", ""):
        a = complete_assessment(service.content)
        a.decision_type = key
        a.decision.decision_date = date(2026, 10, 1)
        service.repository.create(a)
    data = portfolio_input(
        service.repository, service.content, Period(date(2026, 1, 1), date(2026, 12, 31))
    )
    assert data.figures.by_decision_type == {"grants": 2, "": 1}
    assert data.decision_type_order() == ["grants", ""]
    from desktop_app.app.reporting import write_portfolio

    out = tmp_path / "p.pdf"
    write_portfolio(data, out)
    text = " ".join(pdf_text(out).split())
    assert "Per typ av beslut" in text
    assert "Bidrag och stöd 2" in text
    assert "Inte vald 1" in text


def test_the_portfolio_csv_has_the_type_in_columns_added_at_the_end(service) -> None:
    """The CSV's columns are a public format: the type comes after every older column."""
    from desktop_app.domain.model import Language
    from desktop_app.reports.portfolio_csv import csv_rows

    for key in ("grants", "", "retired_type"):
        a = complete_assessment(service.content)
        a.decision_type = key
        a.decision.decision_date = date(2026, 10, 1)
        service.repository.create(a)
    period = Period(date(2026, 1, 1), date(2026, 12, 31))
    data = portfolio_input(service.repository, service.content, period, language=Language.EN)
    rows = csv_rows(data)
    assert rows[0] == [
        *("id", "Case number", "Title", "Department or unit", "Status", "Framework"),
        *("Date", "Outcome", "Ground (id)", "Ground", "Relevance", "Impact", "Severity"),
        *("Measures in the assessment", "Of which open", "Of which overdue"),
        "Sex-disaggregated data",
        *("Type of decision (id)", "Type of decision"),
    ]
    by_id = {row[0]: row[-2:] for row in rows[1:]}
    assert by_id == {
        "1": ["grants", "Grants"],
        "2": ["", "Not chosen"],
        "3": ["retired_type", "retired_type"],
    }
    swedish = portfolio_input(service.repository, service.content, period)
    assert csv_rows(swedish)[1][-1] == "Bidrag och stöd"


def test_the_demo_shows_decision_types(service) -> None:
    from desktop_app.app.demo import load_demo

    loaded = load_demo(service.repository, service.content)
    assert {a.decision_type for a in loaded} >= {"budget_fees", "service_changes", "grants"}
    assert all(a.status is not None for a in loaded)
    assert any(a.status is Status.APPROVED and a.decision_type for a in loaded)


def test_an_exchange_file_from_before_types_imports_without_one(db_path, capsys) -> None:
    valid = Path(__file__).parent / "data" / "exchange" / "valid.json"
    assert "decision_type" not in valid.read_text(encoding="utf-8")
    assert main(["import", str(valid), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["decision_type"] == ""
