"""The parts of the assessment's document about one ground, and the statistics and
evidence that sit beside the decision or a ground (``AssessmentDocument`` calls these).

A statistics table is shown with its sum, the total its source states, and in words
anything that does not add up. A file is listed with its type, size and full SHA-256,
so a printout identifies exactly which file was attached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.checklist import Ground
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.document import (
    DIRECTION_SYMBOLS,
    EVIDENCE_LINK,
    SEVERITY_MARKS,
    Answers,
    Block,
    Bullets,
    Cell,
    Comments,
    Facts,
    Heading,
    Item,
    Paragraph,
    Reference,
    References,
    Row,
    Style,
    Table,
    TableKind,
    Together,
    labelled,
)
from desktop_app.domain.evidence import Evidence, EvidenceKind
from desktop_app.domain.model import Measure, Relevance
from desktop_app.domain.review import CommentTarget
from desktop_app.domain.statistics import SEX_ROWS, FigureUnit, StatisticsTable
from desktop_app.domain.statistics_text import number, size_text, table_findings

if TYPE_CHECKING:
    from desktop_app.domain.assessment_document import AssessmentDocument


def in_depth(doc: AssessmentDocument, ground: Ground) -> list[Block]:
    """A relevant ground: its impact, findings, evidence, measures and answers."""
    ga = doc.a.grounds[ground.key]
    target = CommentTarget.ground(ground.key)
    direction = ga.direction
    symbol = f"{DIRECTION_SYMBOLS[direction]} " if direction else ""
    name = ground.label(doc.language)
    severity = ga.severity if direction and direction.is_adverse else None
    facts = Facts(
        (
            (
                doc.field("ground", "direction"),
                Cell(doc.label(direction) if direction else doc.t("pdf.not_given"), bold=True),
            ),
            (
                doc.field("ground", "severity"),
                Cell(f"{SEVERITY_MARKS[severity]} {doc.label(severity)}" if severity else "–"),
            ),
            (doc.field("ground", "risks"), Cell(", ".join(doc.label(r) for r in ga.risks) or "–")),
            (doc.field("ground", "groups"), Cell(ga.groups or "–", typed=bool(ga.groups))),
        )
    )
    flow: list[Block] = [Heading(f"{symbol}{name}", 2, target, outline=name), facts]
    flow += labelled(doc.field("ground", "justification"), ga.justification)
    flow += labelled(doc.field("ground", "evidence"), ga.evidence)
    flow += labelled(doc.field("ground", "no_measure_justification"), ga.no_measure_justification)
    flow += evidence_on(doc, ground.key)
    # Each measure is told once, in the measures table; here only a reference to it.
    references = tuple(
        Reference(number, _measure_line(doc, m), CommentTarget.measure(m.uid))
        for number, m in enumerate(doc.a.measures, 1)
        if ground.key in m.grounds
    )
    if references:
        flow.append(References(doc.t("pdf.measures"), references))
    shown = answers(doc, ground)
    if shown.items:
        flow.append(shown)
    flow.append(Comments(target))
    return flow


def _measure_line(doc: AssessmentDocument, m: Measure) -> str:
    return m.description + (f" ({m.owner}, {doc.day(m.deadline)})" if m.owner else "")


def answers(doc: AssessmentDocument, ground: Ground) -> Answers:
    """The checklist questions answered for this ground, question and answer (not those
    whose condition does not hold: they were not asked, whatever answer is kept)."""
    hidden = hidden_questions(doc.checklists, doc.a)
    items = []
    for question in ground.questions:
        if question.id in hidden:
            continue
        answer = doc.a.answers.get(question.id)
        if answer is None or not (answer.value.strip() or answer.note.strip()):
            continue
        shown = doc.vocabulary.answer(question, answer.value, doc.language)
        if answer.note.strip():
            shown = f"{shown} – {answer.note}" if shown else answer.note
        items.append(Item(question.text.get(doc.language), detail=shown))
    return Answers(doc.t("pdf.answers"), tuple(items))


def evidence_on(doc: AssessmentDocument, target: str) -> list[Block]:
    """The statistics and evidence on the decision (``target`` empty) or one ground."""
    flow: list[Block] = []
    tables = [t for t in doc.a.statistics if t.target == target]
    if tables:
        flow.append(Paragraph(doc.t("statistics.heading"), Style.LABEL))
        flow += [_figures(doc, t) for t in tables]
    items = [e for e in doc.a.evidence if e.target == target]
    if items:
        flow.append(Bullets(doc.t("evidence.heading"), tuple(_evidence(doc, e) for e in items)))
        if any(e.is_file for e in items):
            flow.append(Paragraph(doc.t("evidence.hash_note"), Style.NOTE))
    return flow


def evidence_elsewhere(doc: AssessmentDocument) -> list[Block]:
    """Statistics and evidence on grounds that are not shown in depth."""
    names = doc.ground_names()
    targets = [
        key
        for key in dict.fromkeys(
            [t.target for t in doc.a.statistics] + [e.target for e in doc.a.evidence]
        )
        if key and doc.relevance(key) is not Relevance.RELEVANT
    ]
    if not targets:
        return []
    flow: list[Block] = [Heading(doc.t("evidence.on_ground"), 1)]
    for key in targets:
        flow += [Heading(names.get(key, key), 2), *evidence_on(doc, key)]
    return flow


def _figures(doc: AssessmentDocument, t: StatisticsTable) -> Together:
    lang = doc.language
    title = " · ".join(x for x in (t.label, doc.label(t.topic), doc.label(t.unit)) if x)
    source = " · ".join(x for x in (t.source, str(t.year) if t.year else "") if x)
    suffix = " %" if t.unit is FigureUnit.PERCENT else ""
    rows = [
        Row((Cell(doc.t(f"statistics.row.{row}")), Cell(number(value, lang) + suffix)))
        for row in SEX_ROWS
        if (value := t.figure(row)) is not None
    ]
    if t.given:
        total = number(t.sum, lang) + suffix
        rows.append(Row((Cell(doc.t("statistics.row.sum"), bold=True), Cell(total, bold=True))))
    if t.total is not None:
        key = "statistics.row.total" if t.unit is FigureUnit.COUNT else "statistics.row.base"
        rows.append(Row((Cell(doc.t(key)), Cell(number(t.total, lang)))))
    blocks: list[Block] = [
        Table(TableKind.FIGURES, (title, doc.t("statistics.figure")), tuple(rows))
    ]
    if source:
        blocks.append(Paragraph(f"{doc.t('statistics.source')}: {source}", Style.NOTE))
    blocks += [Paragraph(text, Style.WARNING) for text in table_findings(doc.vocabulary, t, lang)]
    return Together(tuple(blocks))  # a small table is read whole


def _evidence(doc: AssessmentDocument, e: Evidence) -> Item:
    kind = f"{doc.label(e.kind)}: "
    note = f" – {e.note}" if e.note.strip() else ""
    link = f"{EVIDENCE_LINK}:{e.uid}"
    if e.is_file:
        details = f"{e.media_type}, {size_text(e.size, doc.language)}"
        hashed = f" ({details}) {doc.t('evidence.sha256')} {e.sha256}"
        return Item(e.title, prefix=kind, suffix=hashed + note, link=link)
    label = f"{e.title}: " if e.title else ""
    if e.kind is EvidenceKind.RECORD:  # a case in the diary: nothing to open
        return Item(f"{label}{e.reference}", prefix=kind, suffix=note)
    return Item(f"{label}{e.reference}", prefix=kind, suffix=note, link=link)
