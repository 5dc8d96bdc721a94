"""What the PDF tells its reader (issue 16): measures once, near the front; sign-off on
page 1; names instead of ids; words-only bookmarks; one name per ground everywhere."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from pypdf import PdfReader

from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import Language, Status, StatusChange
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary
from tests.helpers import complete_norwegian_assessment
from tests.pdfcheck import pdf_text
from tests.test_pdf import in_order

IDS = re.compile(r"\b(se-dl|no-ldl)\b|\b(children|minorities) 1\.0|\((children|minorities)")


def render(content, a, tmp_path, language=None, history=()):
    out = tmp_path / "s.pdf"
    checklists = [content.checklists.get(i) for i in (a.framework_id, *a.modules)]
    render_summary(
        SummaryInput(
            a, checklists, content.vocabulary, list(history), date(2026, 11, 23),
            language or a.language,
        ),
        out,
    )  # fmt: skip
    return out


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_each_measure_is_told_once_in_a_table_before_the_details(content, tmp_path) -> None:
    a = complete_norwegian_assessment(content)  # measure 1 addresses two grounds
    text = " ".join(pdf_text(render(content, a, tmp_path)).split())
    description = "Utvidet åpningstid i én barnehage i hver bydel"
    assert text.count(description) == 1
    in_order(text, ["Konklusjon", "Tiltak", description, "Omsorgsoppgaver", "Vedtaket"])
    assert "Se tiltak nr. 1, 2 i tabellen Tiltak." in text  # caring refers to both


def test_page_one_says_who_approved_when_and_the_fingerprint(content, tmp_path) -> None:
    a = complete_norwegian_assessment(content)
    first = PdfReader(render(content, a, tmp_path)).pages[0].extract_text()
    assert "Ennå ikke godkjent." in first
    assert f"Fingeravtrykk {fingerprint(a)}" in " ".join(first.split())
    a.status = Status.APPROVED
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    history = [
        StatusChange(Status.IN_REVIEW, Status.APPROVED, "Henrik Sjödin", "h", at, "", "ab12-cd")
    ]
    first = PdfReader(render(content, a, tmp_path, history=history)).pages[0].extract_text()
    first = " ".join(first.split())
    assert "Godkjent av Henrik Sjödin, 20. nov. 2026" in first
    assert "Fingeravtrykk ab12-cd" in first


def test_no_internal_ids_and_no_symbols_in_bookmarks(content, tmp_path) -> None:
    a = complete_norwegian_assessment(content)
    for language in Language:
        reader = PdfReader(render(content, a, tmp_path, language))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert not IDS.search(text), IDS.search(text)
        assert not IDS.search(str(reader.metadata.get("/Keywords", "")))
        titles = outline_titles(reader.outline)
        assert titles
        assert not [t for t in titles if re.search(r"[▲▼◆●■□↔?]", t)], titles
    assert "Barnets rettigheter 1.0" in text or "Rights of the child 1.0" in text


def test_the_portfolio_names_grounds_as_the_assessments_do(content) -> None:
    from desktop_app.domain.portfolio import Period, PortfolioFigures
    from desktop_app.reports.portfolio_input import PortfolioInput

    figures = PortfolioFigures.__new__(PortfolioFigures)
    object.__setattr__(figures, "by_framework", {"se-dl": 5, "no-ldl": 2})
    data = PortfolioInput.__new__(PortfolioInput)
    for name, value in {
        "figures": figures,
        "checklists": content.checklists.checklists.values(),
        "language": Language.SV,
        "vocabulary": content.vocabulary,
        "period": Period(date(2026, 1, 1), date(2026, 12, 31)),
    }.items():
        object.__setattr__(data, name, value)
    object.__setattr__(data, "checklists", list(content.checklists.checklists.values()))
    se_label = content.checklists.get("se-dl").ground("ethnicity").label(Language.SV)
    assert data.ground_label("ethnicity") == se_label == "Etnisk tillhörighet"
