"""The PDF summary a manager reads: conclusion and risks first, details after.

Every piece of user text passes through ``text.markup`` (escaped, cleaned) before it
reaches a Paragraph, so nothing a caseworker types can be read as markup.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.domain.checklist import Checklist, Ground
from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import (
    Assessment,
    Direction,
    Language,
    Relevance,
    Status,
    StatusChange,
)
from desktop_app.domain.vocabulary import Vocabulary
from desktop_app.reports.fonts import BOLD, REGULAR, register_fonts
from desktop_app.reports.page import MARGIN, PAGE_WIDTH, PageDecor, canvas_maker
from desktop_app.reports.text import format_day, markup

# Shape and word, not colour alone, tell the impact apart (legible in black and white).
DIRECTION_SYMBOLS = {
    Direction.POSITIVE: "▲",
    Direction.NEGATIVE: "▼",
    Direction.MIXED: "◆",
    Direction.NEUTRAL: "●",
    Direction.UNKNOWN: "?",
}
DIRECTION_TINTS = {
    Direction.POSITIVE: colors.Color(0.85, 0.94, 0.85),
    Direction.NEGATIVE: colors.Color(0.98, 0.85, 0.85),
    Direction.MIXED: colors.Color(0.99, 0.93, 0.80),
}
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=17, leading=22),
        "kicker": ParagraphStyle("kicker", parent=base, fontSize=9, textColor=colors.grey),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=2
        ),
    }


def _table(
    rows: list[list[Flowable]],
    widths: Sequence[float | None],
    style: Sequence[tuple[object, ...]] = (),
    *,
    header: bool = False,
) -> Table:
    """A table that never falls back to Helvetica (Table's default cell font)."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    base: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        base.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
    table.setStyle(TableStyle([*base, *style]))
    return table


GRID = ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)


@dataclass(frozen=True)
class SummaryInput:
    """Everything the summary shows, gathered by the caller."""

    assessment: Assessment
    checklists: Sequence[Checklist]
    vocabulary: Vocabulary
    history: Sequence[StatusChange]
    generated: date
    language: Language


class _Heading(Paragraph):
    """A heading that also becomes a PDF bookmark."""

    def __init__(self, text: str, style: ParagraphStyle, key: str) -> None:
        super().__init__(markup(text), style)
        self.bookmark_key = key
        self.bookmark_title = text


class _SummaryDoc(SimpleDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.bookmark_key)
            self.canv.addOutlineEntry(flowable.bookmark_title, flowable.bookmark_key, level=0)


class _Builder:
    def __init__(self, data: SummaryInput) -> None:
        self.data = data
        self.a = data.assessment
        self.lang = data.language
        self.vocab = data.vocabulary
        self.s = _styles()
        self.grounds: list[Ground] = [g for c in data.checklists for g in c.grounds]

    def t(self, key: str, **values: object) -> str:
        return self.vocab.text(key, self.lang, **values)

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.s[style])

    def field(self, path: tuple[str, ...]) -> str:
        return self.vocab.field(path, self.lang)

    def story(self) -> list[Flowable]:
        return [
            *self.cover(),
            *self.decision(),
            *self.relevant_grounds(),
            *self.other_grounds(),
            *self.measures(),
            *self.followup(),
            *self.signoff(),
        ]

    def cover(self) -> list[Flowable]:
        d = self.a.decision
        facts = [
            (
                self.field(("decision", "organisation")),
                " / ".join(x for x in (d.organisation, d.unit) if x),
            ),
            (self.field(("decision", "case_number")), d.case_number),
            (self.field(("decision", "decision_body")), d.decision_body),
            (self.field(("decision", "decision_date")), format_day(d.decision_date, self.lang)),
            (self.field(("decision", "author")), d.author),
            (self.t("pdf.status"), self.vocab.label(self.a.status, self.lang)),
            (self.t("pdf.revision"), str(self.a.revision)),
        ]
        fact_table = _table(
            [
                [self.p(label, "label"), self.p(value or self.t("pdf.none"))]
                for label, value in facts
            ],
            [45 * mm, CONTENT_WIDTH - 45 * mm],
            [("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("TOPPADDING", (0, 0), (-1, -1), 1.5)],
        )
        return [
            self.p(self.t("document.title"), "kicker"),
            _Heading(d.title or self.t("pdf.none"), self.s["title"], "cover"),
            Spacer(0, 4 * mm),
            fact_table,
            Spacer(0, 5 * mm),
            self.conclusion_box(),
            Spacer(0, 5 * mm),
            _Heading(self.t("pdf.overview"), self.s["h1"], "overview"),
            self.overview_table(),
            Spacer(0, 2 * mm),
            self.p(
                self.t("pdf.counts", measures=len(self.a.measures), open=self.open_count()), "small"
            ),
        ]

    def decision(self) -> list[Flowable]:
        d = self.a.decision
        flow: list[Flowable] = [_Heading(self.t("pdf.decision"), self.s["h1"], "decision")]
        for attr in ("description", "affected", "affected_groups", "evidence", "evidence_missing"):
            value = getattr(d, attr)
            text = "\n".join(value) if isinstance(value, list) else value
            if text.strip():
                flow += [self.p(self.field(("decision", attr)), "label"), self.p(text)]
        return flow

    def open_count(self) -> int:
        return len(find_gaps(self.a, self.data.checklists))

    def conclusion_box(self) -> Flowable:
        c = self.a.conclusion
        outcome = self.vocab.label(c.outcome, self.lang) if c.outcome else self.t("answer.none")
        rows = [[self.p(self.t("pdf.conclusion"), "label")], [self.p(outcome, "h2")]]
        if c.justification.strip():
            rows.append([self.p(c.justification)])
        if c.summary.strip():
            rows.append([self.p(c.summary)])
        return _table(
            rows,
            [CONTENT_WIDTH],
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.96, 0.96, 0.96)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ],
        )

    def overview_table(self) -> Table:
        header = [
            self.p(self.t(k), "label")
            for k in (
                "pdf.ground",
                "field.ground.relevance",
                "field.ground.direction",
                "field.ground.severity",
                "pdf.measures",
            )
        ]
        body = []
        style: list[tuple[object, ...]] = [GRID, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for row_index, ground in enumerate(self.grounds, start=1):
            ga = self.a.grounds.get(ground.key)
            relevance = ga.relevance if ga else Relevance.UNKNOWN
            direction = ga.direction if ga and relevance is Relevance.RELEVANT else None
            severity = ga.severity if ga and direction and direction.is_adverse else None
            impact = (
                f"{DIRECTION_SYMBOLS[direction]} {self.vocab.label(direction, self.lang)}"
                if direction
                else self.t("pdf.none")
            )
            body.append(
                [
                    self.p(ground.label(self.lang)),
                    self.p(self.vocab.label(relevance, self.lang)),
                    self.p(impact),
                    self.p(
                        self.vocab.label(severity, self.lang) if severity else self.t("pdf.none")
                    ),
                    self.p(str(len(self.a.measures_for(ground.key)))),
                ]
            )
            if direction in DIRECTION_TINTS:
                style.append(
                    ("BACKGROUND", (2, row_index), (2, row_index), DIRECTION_TINTS[direction])
                )
        widths = [48 * mm, 30 * mm, 30 * mm, 33 * mm, CONTENT_WIDTH - 141 * mm]
        return _table([header, *body], widths, style, header=True)

    def relevant_grounds(self) -> list[Flowable]:
        relevant = [
            g
            for g in self.grounds
            if (ga := self.a.grounds.get(g.key)) and ga.relevance is Relevance.RELEVANT
        ]
        if not relevant:
            return []
        flow: list[Flowable] = [_Heading(self.t("pdf.relevant_grounds"), self.s["h1"], "relevant")]
        for ground in relevant:
            ga = self.a.grounds[ground.key]
            parts: list[Flowable] = [self.p(ground.label(self.lang), "h2")]
            for attr in (
                "justification",
                "direction",
                "severity",
                "groups",
                "evidence",
                "risks",
                "no_measure_justification",
            ):
                value = getattr(ga, attr)
                if attr in ("direction", "severity"):
                    value = self.vocab.label(value, self.lang) if value else ""
                elif attr == "risks":
                    value = ", ".join(self.vocab.label(r, self.lang) for r in value)
                if value:
                    parts += [self.p(self.field(("ground", attr)), "label"), self.p(value)]
            measures = self.a.measures_for(ground.key)
            if measures:
                parts.append(self.p(self.t("pdf.measures"), "label"))
                parts += [self.p(f"• {m.description}") for m in measures]
            flow.append(KeepTogether(parts[:3]))
            flow += parts[3:]
        return flow

    def other_grounds(self) -> list[Flowable]:
        flow: list[Flowable] = []
        for relevance, key, anchor in (
            (Relevance.NOT_RELEVANT, "pdf.not_relevant_grounds", "not-relevant"),
            (Relevance.UNKNOWN, "pdf.unassessed_grounds", "unassessed"),
        ):
            rows = []
            for ground in self.grounds:
                ga = self.a.grounds.get(ground.key)
                if (ga.relevance if ga else Relevance.UNKNOWN) is relevance:
                    rows.append(
                        [self.p(ground.label(self.lang)), self.p(ga.justification if ga else "")]
                    )
            if rows:
                table = _table(rows, [55 * mm, CONTENT_WIDTH - 55 * mm], [GRID])
                flow += [_Heading(self.t(key), self.s["h1"], anchor), table]
        return flow

    def measures(self) -> list[Flowable]:
        flow: list[Flowable] = [_Heading(self.t("pdf.measures"), self.s["h1"], "measures")]
        if not self.a.measures:
            return [*flow, self.p(self.t("pdf.no_measures"))]
        header = [
            self.p(self.field(("measure", k)), "label")
            for k in ("description", "grounds", "owner", "deadline", "status")
        ]
        labels = {g.key: g.label(self.lang) for g in self.grounds}
        body = [
            [
                self.p(m.description),
                self.p(", ".join(labels.get(k, k) for k in m.grounds)),
                self.p(m.owner),
                self.p(format_day(m.deadline, self.lang)),
                self.p(self.vocab.label(m.status, self.lang)),
            ]
            for m in self.a.measures
        ]
        widths = [CONTENT_WIDTH - 122 * mm, 35 * mm, 32 * mm, 30 * mm, 25 * mm]
        return [*flow, _table([header, *body], widths, [GRID], header=True)]

    def followup(self) -> list[Flowable]:
        c = self.a.conclusion
        flow: list[Flowable] = [
            _Heading(self.t("pdf.followup"), self.s["h1"], "followup"),
            self.p(self.field(("conclusion", "followup_date")), "label"),
            self.p(format_day(c.followup_date, self.lang)),
        ]
        notes = [(m.description, m.followup_note) for m in self.a.measures if m.followup_note]
        for description, note in notes:
            flow += [self.p(description, "label"), self.p(note)]
        return flow

    def signoff(self) -> list[Flowable]:
        flow: list[Flowable] = [_Heading(self.t("pdf.signoff"), self.s["h1"], "signoff")]
        if self.a.status is not Status.APPROVED:
            flow.append(self.p(self.t("pdf.not_approved")))
        for change in self.data.history:
            line = self.t(
                "pdf.status_history_entry",
                date=format_day(change.at.date(), self.lang),
                status=self.vocab.label(change.to_status, self.lang),
                actor=change.actor,
            )
            flow.append(self.p(line))
            if change.comment:
                flow.append(self.p(change.comment, "small"))
        return flow


def _fit(text: str, width: float, font: str = REGULAR, size: float = 8) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def render_summary(data: SummaryInput, out: Path) -> None:
    """Write the summary PDF to ``out`` atomically: a temporary file is renamed into
    place only when complete, so a failure never leaves half a PDF behind."""
    register_fonts()
    a, lang, vocab = data.assessment, data.language, data.vocabulary
    framework = data.checklists[0]
    decor = PageDecor(
        header=_fit(
            " · ".join(x for x in (a.decision.title, a.decision.case_number) if x), CONTENT_WIDTH
        ),
        footer_left=" · ".join(
            [
                vocab.text("pdf.generated", lang, date=format_day(data.generated, lang)),
                vocab.text("pdf.checklist", lang, id=framework.id, version=a.framework_version),
                vocab.text("pdf.fingerprint", lang, fingerprint=fingerprint(a)),
            ]
        ),
        footer_right=lambda page, pages: vocab.text("pdf.page_of", lang, page=page, pages=pages),
        draft_mark=None if a.status is Status.APPROVED else vocab.text("pdf.draft_mark", lang),
    )
    out = Path(out)
    directory = out.parent if str(out.parent) else Path()
    if not directory.is_dir():
        raise InputError(f"Cannot write {out}: the folder {directory} does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".lika-", suffix=".pdf.part", dir=directory)
        os.close(handle)
    except OSError as error:
        raise InputError(f"Cannot write {out}: {error.strerror}") from None
    temp = Path(temp_name)
    try:
        doc = _SummaryDoc(
            str(temp),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=a.decision.title or vocab.text("document.title", lang),
            author=a.decision.author,
            subject=vocab.text("document.title", lang),
            keywords=[a.decision.case_number, framework.id],
            creator="Lika",
            lang=lang.value,
            initialFontName=REGULAR,
        )
        doc.build(_Builder(data).story(), canvasmaker=canvas_maker(decor))
        temp.chmod(0o644)
        temp.replace(out)
    except OSError as error:
        raise InputError(f"Cannot write {out}: {error.strerror or error}") from None
    finally:
        temp.unlink(missing_ok=True)
