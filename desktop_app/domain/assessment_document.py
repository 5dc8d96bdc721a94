"""The assessment's document, built once as blocks (``domain.document``) and rendered by
both the PDF summary and review mode.

``AssessmentDocument`` builds the body: the decision, each relevant ground in depth,
the grounds judged not relevant or not yet assessed, statistics and evidence on other
grounds, the measures and the follow-up plan. A new field of the decision, a ground or
a measure is added here once, and both outputs show it. (The PDF's cover page, its
review and sign-off block and its appendix are laid out for paper and stay in
``reports``; review mode's cover and sign-off stay in ``ui/review``.)

Words come from the vocabulary in the document's language; dates are written by the
caller's ``day`` (the PDF writes them long, the window in its locale's short form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum

from desktop_app.domain import ground_document
from desktop_app.domain.checklist import Checklist, Ground
from desktop_app.domain.document import (
    Block,
    Bullets,
    Cell,
    Comments,
    Heading,
    Item,
    Paragraph,
    Row,
    Table,
    TableKind,
    labelled,
)
from desktop_app.domain.model import Assessment, Language, Relevance
from desktop_app.domain.review import CommentTarget
from desktop_app.domain.vocabulary import Vocabulary

Day = Callable[[date | None], str]


class AssessmentDocument:
    def __init__(
        self,
        assessment: Assessment,
        checklists: Sequence[Checklist],
        vocabulary: Vocabulary,
        language: Language,
        *,
        day: Day,
        today: date,
    ) -> None:
        self.a = assessment
        self.checklists = list(checklists)
        self.vocabulary = vocabulary
        self.language = Language(language)
        self.day = day
        self.today = today  # a measure past its deadline on this day is overdue
        self.grounds: list[Ground] = [g for c in self.checklists for g in c.grounds]

    # Words

    def t(self, key: str, **values: object) -> str:
        return self.vocabulary.text(key, self.language, **values)

    def label(self, value: StrEnum | None) -> str:
        return (
            self.vocabulary.label(value, self.language) if value is not None else self.t("pdf.none")
        )

    def field(self, *path: str) -> str:
        return self.vocabulary.field(path, self.language)

    def relevance(self, key: str) -> Relevance:
        ga = self.a.grounds.get(key)
        return ga.relevance if ga else Relevance.UNKNOWN

    def ground_names(self) -> dict[str, str]:
        return {g.key: g.label(self.language) for g in self.grounds}

    # The body, section by section

    def body(self) -> list[Block]:
        """Every section this module builds, in the order review mode shows them."""
        return [
            *self.decision(),
            *self.relevant_grounds(),
            *self.other_grounds(),
            *self.evidence_elsewhere(),
            *self.measures(),
            *self.followup(),
        ]

    def decision(self) -> list[Block]:
        d = self.a.decision
        target = CommentTarget.step("decision")
        flow: list[Block] = [Heading(self.t("pdf.decision"), 1, target)]
        flow += labelled(self.field("decision", "description"), d.description)
        flow += labelled(self.field("decision", "affected"), d.affected)
        groups = [g for g in d.affected_groups if g.strip()]
        if groups:
            items = tuple(Item(g) for g in groups)
            flow.append(Bullets(self.field("decision", "affected_groups"), items, typed=True))
        flow += labelled(self.field("decision", "evidence"), d.evidence)
        flow += labelled(self.field("decision", "evidence_missing"), d.evidence_missing)
        flow += ground_document.evidence_on(self, "")
        flow.append(Comments(target))
        return flow

    def relevant_grounds(self) -> list[Block]:
        target = CommentTarget.step("grounds")
        flow: list[Block] = [Heading(self.t("pdf.relevant_grounds"), 1, target), Comments(target)]
        relevant = [g for g in self.grounds if self.relevance(g.key) is Relevance.RELEVANT]
        if not relevant:
            return [*flow, Paragraph(self.t("pdf.no_relevant_grounds"))]
        for ground in relevant:
            flow += ground_document.in_depth(self, ground)
        return flow

    def other_grounds(self) -> list[Block]:
        """Not relevant (with reasons) and not yet assessed, each as a compact table."""
        flow: list[Block] = []
        for relevance, key in (
            (Relevance.NOT_RELEVANT, "pdf.not_relevant_grounds"),
            (Relevance.UNKNOWN, "pdf.unassessed_grounds"),
        ):
            rows = []
            for ground in self.grounds:
                if self.relevance(ground.key) is not relevance:
                    continue
                ga = self.a.grounds.get(ground.key)
                reason = ga.justification if ga and ga.justification.strip() else ""
                name = Cell(ground.label(self.language), bold=True)
                why = Cell(
                    reason or self.t("pdf.no_justification"), muted=not reason, typed=bool(reason)
                )
                rows.append(Row((name, why), CommentTarget.ground(ground.key)))
            if rows:
                header = (self.t("pdf.ground"), self.field("ground", "justification"))
                table = Table(TableKind.OTHER_GROUNDS, header, tuple(rows), comments_in_rows=True)
                flow += [Heading(self.t(key), 1), table]
        return flow

    def evidence_elsewhere(self) -> list[Block]:
        return ground_document.evidence_elsewhere(self)

    def measures(self) -> list[Block]:
        target = CommentTarget.step("measures")
        flow: list[Block] = [Heading(self.t("pdf.measures"), 1, target), Comments(target)]
        if not self.a.measures:
            return [*flow, Paragraph(self.t("pdf.no_measures"))]
        header = (
            self.field("measure", "description"),
            self.t("pdf.grounds_short"),
            self.field("measure", "owner"),
            self.field("measure", "deadline"),
            self.field("measure", "status"),
        )
        names = self.ground_names()
        rows = []
        for m in self.a.measures:
            overdue = self.t("pdf.overdue") if m.is_overdue(self.today) else ""
            # Semicolons: a label may have a comma of its own ("Kön, könsidentitet …").
            grounds = "; ".join(names.get(k, k) for k in m.grounds)
            cells = (
                Cell(m.description or "–", typed=bool(m.description)),
                Cell(grounds or "–"),
                Cell(m.owner or "–", typed=bool(m.owner)),
                Cell(self.day(m.deadline), warning=overdue),
                Cell(self.label(m.status)),
            )
            rows.append(Row(cells, CommentTarget.measure(m.uid)))
        return [*flow, Table(TableKind.MEASURES, header, tuple(rows), numbered=True)]

    def followup(self) -> list[Block]:
        k = self.a.conclusion
        flow: list[Block] = [
            Heading(self.t("pdf.followup"), 1),
            Paragraph(f"{self.field('conclusion', 'followup_date')}: {self.day(k.followup_date)}"),
        ]
        notes = [m for m in self.a.measures if m.followup_note.strip()]
        if notes:
            flow.append(Heading(self.t("pdf.followup_notes"), 3))
            for m in notes:
                flow += labelled(f"{m.description} – {self.label(m.status)}", m.followup_note)
        return flow
