"""The portfolio report: the strategist's view of every assessment in a period, in PDF.

First page: how many assessments, in which status and framework, and which grounds
were found relevant with which impact (a chart and its numbers). Then the measures
that are overdue or due soon, and one line per assessment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop_app.domain.model import Relevance, Status
from desktop_app.domain.portfolio import DueMeasure
from desktop_app.progress import NO_PROGRESS, Cancelled, Progress
from desktop_app.reports import fallback, tagging
from desktop_app.reports.charts import impact_chart
from desktop_app.reports.flowables import Heading, para, report_doc, table
from desktop_app.reports.fonts import register_fonts
from desktop_app.reports.output import Finish, LateFile, pdfa_finish, write_pdf
from desktop_app.reports.page import PageDecor, canvas_maker
from desktop_app.reports.portfolio_input import (
    IMPACT_ORDER,
    PortfolioInput,
    adverse,
    open_measures,
)
from desktop_app.reports.streamed_table import StreamedTable
from desktop_app.reports.styles import (
    CONTENT_WIDTH,
    DIRECTION_SYMBOLS,
    RULE,
    Styles,
    make_styles,
)
from desktop_app.reports.text import format_day, format_short_day, plain
from desktop_app.reports.text_lines import TextLines


class _Report:
    def __init__(self, data: PortfolioInput, progress: Progress) -> None:
        self.d = data
        self.f = data.figures
        self.lang = data.language
        self.s: Styles = make_styles()
        self.progress = progress

    def t(self, key: str, **values: object) -> str:
        return self.d.t(key, **values)

    def p(self, text: str, style: str = "body") -> Flowable:
        return para(text, getattr(self.s, style))

    def day(self, value: object) -> str:
        return format_day(value, self.lang)  # type: ignore[arg-type]

    def story(self) -> list[Flowable]:
        return [
            *self.cover(),
            *self.impacts(),
            *self.due(),
            *self.entries(),
        ]

    def period_text(self) -> str:
        return f"{self.day(self.d.period.start)} – {self.day(self.d.period.end)}"

    def cover(self) -> list[Flowable]:
        unit = self.d.unit or self.t("portfolio.all_units")
        flow: list[Flowable] = [
            self.p(self.t("portfolio.title").upper(), "kicker"),
            Spacer(0, 2 * mm),
            Heading(self.period_text(), self.s.title),
            self.p(unit, "muted"),
            Spacer(0, 4 * mm),
            self.key_figures(),
            self.p(
                self.t("portfolio.with_statistics", n=self.f.with_statistics, total=self.f.total),
                "small",
            ),
            Spacer(0, 5 * mm),
        ]
        status_rows = [
            [
                self.p(self.d.vocabulary.label(s, self.lang), "cell"),
                self.num(self.f.by_status.get(s, 0)),
            ]
            for s in Status
        ]
        framework_rows = [
            [self.p(self.d.framework_name(k), "cell"), self.num(n)]
            for k, n in sorted(self.f.by_framework.items())
        ] or [[self.p("–", "cell"), self.num(0)]]
        half = (CONTENT_WIDTH - 8 * mm) / 2
        small = [
            [
                self.p(self.t("portfolio.by_status"), "h3"),
                "",
                self.p(self.t("portfolio.by_framework"), "h3"),
            ],
            [
                self.count_table(status_rows, half),
                "",
                self.count_table(framework_rows, half),
            ],
        ]
        flow.append(
            table(
                small,
                [half, 8 * mm, half],
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
            )
        )
        type_rows = [
            [self.p(self.d.decision_type_name(k), "cell"), self.num(self.f.by_decision_type[k])]
            for k in self.d.decision_type_order()
        ]
        if type_rows:
            flow += [
                Spacer(0, 4 * mm),
                self.p(self.t("portfolio.by_decision_type"), "h3"),
                self.count_table(type_rows, half),
            ]
        return flow

    def cell(self, text: str, style: str) -> Flowable:
        """A table cell of plain text in a long listing: no markup to parse."""
        return TextLines([(text, getattr(self.s, style))])

    def num(self, value: int) -> Flowable:
        return self.p(str(value), "cell_right")

    def count_table(self, rows: list[list[Flowable]], width: float) -> Flowable:
        header = [self.p("", "head_cell"), self.p(self.t("portfolio.count"), "head_right")]
        return table(
            [header, *rows],
            [width - 22 * mm, 22 * mm],
            [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE), ("ALIGN", (1, 0), (1, -1), "RIGHT")],
            header=True,
        )

    def key_figures(self) -> Flowable:
        f = self.f
        figures = [
            (f.total, self.t("portfolio.figure.total")),
            (f.by_status.get(Status.APPROVED, 0), self.t("portfolio.figure.approved")),
            (sum(1 for e in f.entries if adverse(e)), self.t("portfolio.figure.adverse")),
            (len(f.overdue), self.t("portfolio.figure.overdue")),
            (len(f.due_soon), self.t("portfolio.figure.due_soon", days=self.d.due_soon_days)),
        ]
        width = CONTENT_WIDTH / len(figures)
        cells = [[self.p(str(n), "figure"), self.p(label, "small")] for n, label in figures]
        return table(
            [cells],
            [width] * len(figures),
            [
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
                ("LINEAFTER", (0, 0), (-2, 0), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ],
        )

    def impacts(self) -> list[Flowable]:
        heading = Heading(self.t("portfolio.impacts"), self.s.h1)
        keys = self.d.ground_order()
        if not keys:
            return [heading, self.p(self.t("portfolio.no_entries"))]
        vocab = self.d.vocabulary
        series = []
        for impact in IMPACT_ORDER:
            values = [self.f.impacts.get(k, {}).get(impact, 0) for k in keys]
            if not any(values):
                continue
            name = (
                f"{DIRECTION_SYMBOLS[impact]} {vocab.label(impact, self.lang)}"
                if impact
                else self.t("portfolio.not_given")
            )
            series.append((name, impact, values))
        labels = [plain(self.d.ground_label(k)) for k in keys]
        flow: list[Flowable] = [heading, self.p(self.t("portfolio.impacts_note"), "muted")]
        if series:
            chart = impact_chart(labels, series, CONTENT_WIDTH)
            # The chart's alternative text (a tagged PDF's Figure): the same figures in
            # words, one ground after the other. (A Drawing refuses unknown attributes.)
            chart.__dict__["alt_text"] = f"{self.t('portfolio.impacts')}. " + "; ".join(
                f"{label}: "
                + ", ".join(f"{name.split(' ', 1)[-1]} {v[i]}" for name, _i, v in series if v[i])
                for i, label in enumerate(labels)
            )
            flow.append(chart)
        header = (
            [self.p(self.t("pdf.ground"), "head_cell")]
            + [self.p(name, "head_right") for name, _, _ in series]
            + [self.p(self.t("portfolio.not_relevant"), "head_right")]
        )
        rows = [header]
        for i, key in enumerate(keys):
            rows.append(
                [self.p(self.d.ground_label(key), "cell")]
                + [
                    self.p(str(values[i]) if values[i] else "–", "cell_right")
                    for _, _, values in series
                ]
                + [self.p(str(self.f.not_relevant.get(key, 0) or "–"), "cell_right")]
            )
        first = 50 * mm
        rest = (CONTENT_WIDTH - first) / (len(series) + 1)
        flow.append(
            table(
                rows,
                [first] + [rest] * (len(series) + 1),
                [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)],
                header=True,
            )
        )
        return flow

    def due(self) -> list[Flowable]:
        days = self.d.due_soon_days
        flow: list[Flowable] = []
        for items, key, none_key in (
            (self.f.overdue, "portfolio.overdue", "portfolio.none_overdue"),
            (self.f.due_soon, "portfolio.due_soon", "portfolio.none_due_soon"),
        ):
            heading = Heading(self.t(key, days=days), self.s.h1)
            if not items:
                flow += [heading, self.p(self.t(none_key, days=days))]
                continue
            flow += [heading, self.due_table(items, overdue=key == "portfolio.overdue")]
        return flow

    def due_table(self, items: list[DueMeasure], *, overdue: bool) -> Flowable:
        def header() -> list[Flowable]:
            return [
                self.p(self.t(k), "head_cell")
                for k in (
                    "field.measure.deadline",
                    "field.measure.description",
                    "field.measure.owner",
                    "portfolio.assessment",
                )
            ]

        def row(index: int) -> list[TextLines]:
            item = items[index]
            deadline = format_short_day(item.measure.deadline, self.lang)
            if overdue and item.measure.deadline is not None:
                late = (self.d.generated - item.measure.deadline).days
                deadline += "\n" + self.t("portfolio.days_late", days=late)
            entry = item.entry
            return [
                self.cell(deadline, "cell_bold" if overdue else "cell"),
                self.cell(item.measure.description or "–", "cell"),
                self.cell(item.measure.owner or "–", "cell"),
                self.cell(" · ".join(x for x in (entry.case_number, entry.title) if x), "cell"),
            ]

        widths = [26 * mm, 62 * mm, 34 * mm, CONTENT_WIDTH - 122 * mm]
        return self.streamed(len(items), row, header, widths, 0.4)

    def streamed(
        self,
        count: int,
        row: Callable[[int], list[TextLines]],
        header: Callable[[], list[Flowable]],
        widths: list[float],
        rule: float,
    ) -> Flowable:
        """Rows laid out a page at a time (see ``StreamedTable``): linear in ``count``."""
        return StreamedTable(count, row, header, widths, rule, self.progress)

    def entries(self) -> list[Flowable]:
        heading = Heading(self.t("portfolio.entries"), self.s.h1, keep=45 * mm)
        if not self.f.entries:
            return [heading, self.p(self.t("portfolio.no_entries"))]
        vocab = self.d.vocabulary
        entries = self.f.entries

        def header() -> list[Flowable]:
            return [
                self.p(self.t(k), "head_cell")
                for k in (
                    "portfolio.date",
                    "field.decision.case_number",
                    "field.decision.title",
                    "pdf.status",
                    "field.ground.direction",
                )
            ] + [self.p(self.t("pdf.measures"), "head_right")]

        def row(index: int) -> list[TextLines]:
            entry = entries[index]
            counts = Counter(
                g.direction
                for g in entry.grounds.values()
                if g.direction is not None and g.relevance is Relevance.RELEVANT
            )
            impact = " ".join(
                f"{DIRECTION_SYMBOLS[d]}{counts[d]}"
                for d in IMPACT_ORDER
                if d is not None and counts[d]
            )
            title = [(entry.title or "–", self.s.cell)]
            if entry.unit:
                title.append((entry.unit, self.s.muted))
            return [
                self.cell(format_short_day(entry.reference_date, self.lang), "cell"),
                self.cell(entry.case_number or "–", "cell"),
                TextLines(title),
                self.cell(vocab.label(entry.status, self.lang), "cell"),
                self.cell(impact or "–", "cell"),
                self.cell(f"{open_measures(entry)}/{len(entry.measures)}", "cell_right"),
            ]

        widths = [22 * mm, 27 * mm, CONTENT_WIDTH - 117 * mm, 24 * mm, 24 * mm, 20 * mm]
        legend = self.p(self.t("portfolio.entries_note"), "muted")
        return [heading, legend, self.streamed(len(entries), row, header, widths, 0.3)]


def build_portfolio(
    data: PortfolioInput,
    target: BinaryIO | str | LateFile,
    progress: Progress = NO_PROGRESS,
    tags: tagging.Recorder | None = None,
    finish: Finish | None = None,
) -> None:
    register_fonts()
    figures = data.figures
    rows = len(figures.entries) + len(figures.overdue) + len(figures.due_soon)
    progress.start(rows + 1, data.t("portfolio.title"))
    # Before any text is made: CJK prints with a font found on the computer, as in the
    # summary (``reports.fallback``).
    fallback.activate(_user_texts(data))
    try:
        _build(data, target, progress, tags, finish)
    finally:
        fallback.deactivate()


def unprintable(data: PortfolioInput) -> list[fallback.Unprintable]:
    """The listed texts with characters no font here can print (they show as �), by
    assessment and field, found before writing, as for the summary."""
    register_fonts()
    left = fallback.activate(_user_texts(data))
    fallback.deactivate()
    if not left:
        return []
    found: list[fallback.Unprintable] = []
    for entry in data.figures.entries:
        texts = {"title": entry.title, "case number": entry.case_number, "unit": entry.unit}
        for number, measure in enumerate(entry.measures, 1):
            texts[f"measure {number} description"] = measure.description
            texts[f"measure {number} owner"] = measure.owner
        found += [
            fallback.Unprintable(f"assessment {entry.id}, {p.field.lstrip('.')}", p.characters)
            for p in fallback.unprintable(texts, left)
        ]
    return found


def _user_texts(data: PortfolioInput) -> Iterator[str]:
    """What people typed that the report prints: the unit, titles, case numbers, units,
    and the measures' descriptions and owners."""
    yield data.unit or ""
    for entry in data.figures.entries:
        yield entry.title
        yield entry.case_number
        yield entry.unit
        for measure in entry.measures:
            yield measure.description
            yield measure.owner


def _build(
    data: PortfolioInput,
    target: BinaryIO | str | LateFile,
    progress: Progress,
    tags: tagging.Recorder | None,
    finish: Finish | None,
) -> None:
    report = _Report(data, progress)
    title = f"{data.t('portfolio.title')}: {report.period_text()}"
    doc = report_doc(
        target,
        title=title,
        author="Lika",
        subject=data.t("portfolio.title"),
        keywords=[
            k for k in (data.unit, data.period.start.isoformat(), data.period.end.isoformat()) if k
        ],
        lang=data.language.value,
    )
    decor = PageDecor(
        header=plain(title + (f" · {data.unit}" if data.unit else "")),
        footer_lines=(data.t("pdf.generated", date=format_day(data.generated, data.language)),),
        footer_right=lambda page, pages: data.t("pdf.page_of", page=page, pages=pages),
        draft_mark=None,
    )
    story = report.story()
    if progress.cancelled:
        raise Cancelled
    doc.build(story, canvasmaker=canvas_maker(decor, tags, finish))
    progress.advance()


def render_portfolio(data: PortfolioInput, out: Path, progress: Progress = NO_PROGRESS) -> None:
    """Write the portfolio PDF to ``out`` atomically, as PDF/A-2b."""
    tags = tagging.Recorder()
    finish = pdfa_finish(tags=tags, title=data.t("portfolio.title"))
    write_pdf(Path(out), lambda buffer: build_portfolio(data, buffer, progress, tags, finish))
