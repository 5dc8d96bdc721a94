"""The memo section as a document: heading, paragraphs, impact table and measures table.

``memo_text`` gives the text a caseworker pastes as plain text; this module gives the
same content with its structure, so the Word file (``reports.memo_docx``) and the
clipboard's HTML (``reports.memo_html``) can carry the two tables along. One source for
all three, so the paragraphs never differ between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.checklist import Checklist
from desktop_app.domain.formats import format_day
from desktop_app.domain.memo import memo_text
from desktop_app.domain.model import Assessment, Language, Relevance
from desktop_app.domain.vocabulary import Vocabulary

BULLET = "– "
EMPTY = "–"


@dataclass(frozen=True)
class MemoParagraph:
    text: str
    bullet: bool = False  # one item of the list of measures


@dataclass(frozen=True)
class MemoTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class MemoDocument:
    heading: str
    paragraphs: tuple[MemoParagraph, ...]
    impacts: MemoTable  # ground, impact, severity, numbers of the measures
    measures: MemoTable  # number, measure, owner, deadline, status
    text: str  # the same paragraphs as plain text, exactly as ``lika summary`` prints them


def memo_document(
    assessment: Assessment,
    checklists: Sequence[Checklist],
    vocabulary: Vocabulary,
    language: Language,
) -> MemoDocument:
    """The memo section of ``assessment`` in ``language``, with both tables."""
    language = Language(language)

    def t(key: str) -> str:
        return vocabulary.text(key, language)

    text = memo_text(assessment, checklists, vocabulary, language)
    paragraphs = []
    for block in text.split("\n\n"):
        for line in block.split("\n"):
            bullet = line.startswith(BULLET)
            paragraphs.append(MemoParagraph(line.removeprefix(BULLET) if bullet else line, bullet))
    labels = {g.key: g.label(language) for c in checklists for g in c.grounds}
    impact_rows = []
    for key, label in labels.items():
        ground = assessment.grounds.get(key)
        if ground is None or ground.relevance is not Relevance.RELEVANT:
            continue
        direction = vocabulary.label(ground.direction, language) if ground.direction else EMPTY
        adverse = ground.direction is not None and ground.direction.is_adverse
        severity = (
            vocabulary.label(ground.severity, language) if ground.severity and adverse else EMPTY
        )
        # Measures by their number in the measures table: a measure that addresses five
        # grounds is written out once, not five times.
        measures = ", ".join(
            str(number) for number, m in enumerate(assessment.measures, 1) if key in m.grounds
        )
        impact_rows.append((label, direction, severity, measures or EMPTY))
    measure_rows = [
        (
            str(number),
            " ".join(m.description.split()) or t("memo.measure.undescribed"),
            m.owner.strip() or EMPTY,
            format_day(m.deadline, language) if m.deadline else EMPTY,
            vocabulary.label(m.status, language),
        )
        for number, m in enumerate(assessment.measures, 1)
    ]
    return MemoDocument(
        heading=t("memo.heading"),
        paragraphs=tuple(paragraphs),
        impacts=MemoTable(
            (
                t("memo.table.ground"),
                t("memo.table.impact"),
                t("memo.table.severity"),
                t("memo.table.measures"),
            ),
            tuple(impact_rows),
        ),
        measures=MemoTable(
            (
                t("memo.table.number"),
                t("memo.table.measure"),
                t("memo.table.owner"),
                t("memo.table.deadline"),
                t("memo.table.status"),
            ),
            tuple(measure_rows),
        ),
        text=text,
    )
