"""The portfolio as CSV for spreadsheets: one row per assessment and ground.

UTF-8 with a byte-order mark, so Excel shows å, ø and ŋ right when the file is
double-clicked; semicolons in Swedish and Norwegian (where Excel expects them, because
the comma is the decimal sign there), commas in English. Values are in the report's
language; the ``id``, ground key and decision type key columns stay the same in every
language. The columns are a public format (README, "The portfolio report"): a new column
goes at the end, never between the older ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

from desktop_app.atomic_file import atomic_write
from desktop_app.csv_cells import spreadsheet_cell
from desktop_app.domain.model import Language, Relevance
from desktop_app.domain.portfolio import GroundImpact
from desktop_app.progress import NO_PROGRESS, Progress
from desktop_app.reports.portfolio_input import (
    PortfolioInput,
    open_measures,
    overdue_measures,
)
from desktop_app.reports.text import clean

DELIMITERS = {Language.SV: ";", Language.NB: ";", Language.EN: ","}


def _cell(value: str) -> str:
    """Text as a spreadsheet shows it literally: no control characters, on one line,
    and never run as a formula (``csv_cells``)."""
    # Neutralised before cleaning: a leading TAB (which ``clean`` makes a space, as in
    # the PDF) must still count as a formula lead-in.
    return clean(str(spreadsheet_cell(value))).replace("\n", " ")


def csv_rows(data: PortfolioInput) -> list[list[str]]:
    vocab, lang = data.vocabulary, data.language
    header = [
        "id",
        data.t("field.decision.case_number"),
        data.t("field.decision.title"),
        data.t("field.decision.unit"),
        data.t("pdf.status"),
        data.t("portfolio.framework"),
        data.t("portfolio.date"),
        data.t("field.conclusion.outcome"),
        data.t("portfolio.csv.ground_key"),
        data.t("pdf.ground"),
        data.t("field.ground.relevance"),
        data.t("field.ground.direction"),
        data.t("field.ground.severity"),
        data.t("portfolio.csv.measures"),
        data.t("portfolio.csv.open_measures"),
        data.t("portfolio.csv.overdue_measures"),
        data.t("portfolio.csv.statistics"),
        data.t("portfolio.csv.decision_type_key"),
        data.t("field.assessment.decision_type"),
    ]
    rows = [header]
    for entry in data.figures.entries:
        common = [
            str(entry.id),
            _cell(entry.case_number),
            _cell(entry.title),
            _cell(entry.unit),
            vocab.label(entry.status, lang),
            data.framework_name(entry.framework_id),
            entry.reference_date.isoformat(),
            vocab.label(entry.outcome, lang) if entry.outcome else "",
        ]
        counts = [
            str(len(entry.measures)),
            str(open_measures(entry)),
            str(overdue_measures(entry, data.generated)),
            vocab.text("answer.yes" if entry.has_statistics else "answer.no", lang),
            _cell(entry.decision_type),
            _cell(data.decision_type_name(entry.decision_type)),
        ]
        for key in data.framework_grounds(entry):
            impact = entry.grounds.get(key, GroundImpact(Relevance.UNKNOWN))
            relevant = impact.relevance is Relevance.RELEVANT
            rows.append(
                [
                    *common,
                    key,
                    data.ground_label(key),
                    vocab.label(impact.relevance, lang),
                    vocab.label(impact.direction, lang) if relevant and impact.direction else "",
                    vocab.label(impact.severity, lang) if relevant and impact.severity else "",
                    *counts,
                ]
            )
    return rows


def write_portfolio_csv(data: PortfolioInput, out: Path, progress: Progress = NO_PROGRESS) -> None:
    rows = csv_rows(data)
    progress.start(1)

    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=DELIMITERS[data.language], lineterminator="\r\n")
            writer.writerows(rows)

    atomic_write(Path(out), write, suffix=".csv")
    progress.advance()
