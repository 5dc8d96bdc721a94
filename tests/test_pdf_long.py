"""Any valid assessment exports to PDF: the lengths that crashed the layout, every field
at its limit, and characters of many scripts (a property test, kept in CI)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.limits import CELL_MAX, LINE_MAX, max_length
from desktop_app.reports.assessment_pdf import render_summary
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text
from tests.test_pdf_hostile import shared_content, summary

WORDS = "Ordet och meningen fortsätter "


def prose(length: int) -> str:
    return (WORDS * (length // len(WORDS) + 1))[:length]


CRASHES = {
    "title at its limit (1,300 crashed)": lambda a: setattr(a.decision, "title", prose(LINE_MAX)),
    "owner at its limit (1,100 crashed)": lambda a: setattr(
        a.measures[0], "owner", prose(LINE_MAX)
    ),
    "ground groups of 2,000": lambda a: setattr(a.grounds["age"], "groups", prose(2_000)),
    "measure of 2,200": lambda a: setattr(a.measures[0], "description", prose(2_200)),
    "measure of 2,500": lambda a: setattr(a.measures[0], "description", prose(2_500)),
    "measure longer than a page with a note": lambda a: (
        setattr(a.measures[0], "description", prose(CELL_MAX)),
        setattr(a.measures[0], "followup_note", prose(3_000)),
    ),
    "long words": lambda a: (
        setattr(a.decision, "title", "ö" * LINE_MAX),
        setattr(a.measures[0], "owner", "y" * LINE_MAX),
        setattr(a.grounds["age"], "groups", "z" * CELL_MAX),
    ),
}


@pytest.mark.parametrize("case", list(CRASHES))
def test_lengths_that_crashed_the_layout_export(content, tmp_path, case) -> None:
    a = complete_assessment(content)
    CRASHES[case](a)
    out = tmp_path / "long.pdf"
    render_summary(summary(content, a), out)
    assert out.stat().st_size > 0


def every_field(a, text_for) -> None:
    """Fill every text field of ``a`` with ``text_for(limit)``."""
    d = a.decision
    for name in ("title", "case_number", "organisation", "unit", "decision_body", "author"):
        setattr(d, name, text_for(max_length(("decision", name))))
    for name in ("description", "affected", "evidence", "evidence_missing"):
        setattr(d, name, text_for(max_length(("decision", name)) // 100))
    d.affected_groups = [text_for(LINE_MAX)] * 3
    for key, g in a.grounds.items():
        for name in ("justification", "groups", "evidence", "no_measure_justification"):
            limit = max_length(("ground", key, name))
            setattr(g, name, text_for(limit if limit == CELL_MAX else limit // 100))
    for m in a.measures:
        m.description = text_for(CELL_MAX)
        m.owner = text_for(LINE_MAX)
        m.followup_note = text_for(10_000)
    a.conclusion.summary = text_for(20_000)
    a.conclusion.justification = text_for(20_000)


def test_every_field_at_its_limit_exports_in_bounded_time(content, tmp_path) -> None:
    a = complete_assessment(content)
    every_field(a, prose)
    out = tmp_path / "limits.pdf"
    started = time.perf_counter()
    render_summary(summary(content, a), out)
    assert time.perf_counter() - started < 120
    assert "Ordet och meningen" in pdf_text(out)


SCRIPTS = st.sampled_from(
    [
        "Åäö Æøå ŋđŧčšžǯʒǥǧǩ ",  # Swedish, Norwegian, Sami
        "Ελληνικά Кириллица ",
        "العربية עברית ",
        "中文字符 日本語 한국어 ",
        "हिन्दी ไทย ",
        "🙂👩🏽‍⚕️ \u202e\u2066 <b>&amp;</b> ",
        "x" * 80 + " ",
        "\n",
    ]
)


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(SCRIPTS, min_size=1, max_size=12), st.floats(0.05, 1.0))
def test_any_assessment_up_to_the_limits_exports(pieces, share) -> None:
    """Every field up to its limit, in characters from many scripts: a PDF is written."""
    content = shared_content()
    a = complete_assessment(content)
    base = "".join(pieces)

    def text_for(limit: int) -> str:
        length = max(1, int(min(limit, 30_000) * share))
        return (base * (length // len(base) + 1))[:length]

    every_field(a, text_for)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "any.pdf"
        render_summary(summary(content, a), out)
        with pikepdf.open(out) as pdf:
            assert len(pdf.pages) >= 2


def test_the_portfolio_report_takes_texts_at_their_limits(content, tmp_path) -> None:
    from datetime import date

    from desktop_app.app.reporting import portfolio_input, write_portfolio
    from desktop_app.domain.portfolio import Period
    from desktop_app.storage.repository import AssessmentRepository

    repo = AssessmentRepository.open(tmp_path / "lika.db")
    try:
        for _ in range(3):
            a = complete_assessment(content)
            a.decision.title = a.decision.unit = prose(LINE_MAX)
            a.decision.case_number = "K" * LINE_MAX
            a.measures[0].owner = prose(LINE_MAX)
            a.measures[0].description = prose(CELL_MAX)
            a.measures[0].deadline = date(2026, 11, 1)  # overdue: listed in the report
            repo.create(a)
        period = Period(date(2000, 1, 1), date(2099, 12, 31))
        data = portfolio_input(repo, content, period, today=date(2026, 11, 23))
    finally:
        repo.close()
    write_portfolio(data, tmp_path / "portfolio.pdf")
    assert "Ordet och meningen" in pdf_text(tmp_path / "portfolio.pdf")
