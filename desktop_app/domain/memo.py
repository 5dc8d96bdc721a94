"""The memo text: the assessment retold as the decision memo's section on equality.

A caseworker pastes it into the tjänsteskrivelse / saksframlegg under "Konsekvenser för
jämlikhet" / "Konsekvenser for likestilling". It says which grounds the proposal affects
and how, which it does not, what will be done (by whom, by when), and the conclusion with
the follow-up date. Where something is still missing it says so instead of writing an
empty sentence, so an unfinished assessment cannot pass for a finished one.

The sentences are content (``resources/guide/memo.yaml``, merged into the vocabulary);
this module only chooses them, fills them in and writes lists and dates per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from desktop_app.domain.checklist import Checklist, ChecklistKind, Text
from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.date_sense import followup_has_passed
from desktop_app.domain.formats import format_day, join_list
from desktop_app.domain.memo_templates import KEEP_CAPITAL
from desktop_app.domain.model import (
    Assessment,
    Direction,
    GroundAssessment,
    Language,
    Measure,
    MeasureStatus,
    Outcome,
    Relevance,
    Severity,
)
from desktop_app.domain.statistics import FigureUnit
from desktop_app.domain.statistics_text import number, row_label
from desktop_app.domain.vocabulary import Vocabulary

# Words that make a list ambiguous when an item contains them: "religion och livsåskådning
# och ålder" is two grounds or three? Such lists are written with semicolons.
_CONJUNCTIONS = {
    Language.SV: ("och", "eller", "samt"),
    Language.NB: ("og", "eller", "samt"),
    Language.EN: ("and", "or"),
}
_FINAL = {Language.SV: "och", Language.NB: "og", Language.EN: "and"}
# Relevant grounds are told most serious first: negative and mixed by severity, then
# those whose impact is unclear, then neutral, then positive.
_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, None: 3}
_DIRECTION_RANK = {Direction.UNKNOWN: 1, None: 1, Direction.NEUTRAL: 2, Direction.POSITIVE: 3}
_WORD = re.compile(r"[^\W\d_]+")
_END = (".", "!", "?", "…", ":")


def memo_text(
    assessment: Assessment,
    checklists: Sequence[Checklist],
    vocabulary: Vocabulary,
    language: Language,
    *,
    today: date | None = None,
) -> str:
    """The memo paragraphs in ``language``, separated by blank lines. ``today`` (default:
    the computer's date) decides whether a draft's follow-up date has already passed.

    An incomplete assessment's text starts with a paragraph that marks it as a draft:
    its sentences on what is still missing are for the caseworker, not the committee.
    """
    writer = _Writer(assessment, checklists, vocabulary, Language(language))
    writer.today = today or date.today()
    draft = writer.t("memo.draft") if is_memo_draft(assessment, checklists) else ""
    paragraphs = (
        draft,
        writer.grounds(),
        writer.evidence(),
        writer.measures(),
        writer.conclusion(),
    )
    return "\n\n".join(p for p in paragraphs if p)


def is_memo_draft(assessment: Assessment, checklists: Sequence[Checklist]) -> bool:
    """Whether anything the assessment needs is still missing (then the memo is a draft)."""
    return bool(find_gaps(assessment, checklists))


def ordered_list(items: Sequence[str], language: Language) -> str:
    """Items as running text, unambiguous: "a, b och c", but with semicolons when an
    item has a comma or a conjunction of its own ("a; b och c; och d")."""
    language = Language(language)
    words = _CONJUNCTIONS[language]
    ambiguous = any(
        "," in item or any(word in words for word in _WORD.findall(item)) for item in items
    )
    if not ambiguous or len(items) < 2:
        return join_list(items, language)
    return "; ".join(items[:-1]) + f"; {_FINAL[language]} {items[-1]}"


class _Writer:
    def __init__(
        self,
        assessment: Assessment,
        checklists: Sequence[Checklist],
        vocabulary: Vocabulary,
        language: Language,
    ) -> None:
        self.a = assessment
        self.checklists = checklists
        self.vocab = vocabulary
        self.lang = language
        self.keep = set(vocabulary.words(KEEP_CAPITAL, language))
        self.today = date.today()
        self.labels = {g.key: g.label(language) for c in checklists for g in c.grounds}
        self.lower_words, self.name_words = _word_evidence(self._texts())

    # ------------------------------------------------------------------ paragraphs
    def grounds(self) -> str:
        sentences = [*self._intro()]
        missing_evidence = self.a.decision.evidence_missing.strip()
        if missing_evidence:
            sentences.append(self.t("memo.evidence_missing", missing=_sentence(missing_evidence)))
        by_relevance: dict[Relevance, list[str]] = {r: [] for r in Relevance}
        for key in self.labels:
            ground = self.a.grounds.get(key)
            relevance = ground.relevance if ground else Relevance.UNKNOWN
            by_relevance[relevance].append(key)
        for key in sorted(by_relevance[Relevance.RELEVANT], key=self._seriousness):
            sentences.extend(self._impact(self.a.grounds[key]))
        not_relevant = by_relevance[Relevance.NOT_RELEVANT]
        unknown = by_relevance[Relevance.UNKNOWN]
        if not by_relevance[Relevance.RELEVANT] and not not_relevant:
            sentences.append(self.t("memo.nothing_assessed"))
        elif (
            not by_relevance[Relevance.RELEVANT] and not unknown and not self._reasons(not_relevant)
        ):
            sentences.append(self.t("memo.none_relevant"))
        else:
            sentences.extend(self._not_relevant(not_relevant))
            if unknown:
                sentences.append(self.t("memo.unassessed", grounds=self.ground_list(unknown)))
        return " ".join(sentences)

    def evidence(self) -> str:
        """The figures by sex, one sentence per table with figures, and what is attached."""
        sentences = []
        for table in self.a.statistics:
            if not table.given:
                continue
            suffix = " %" if table.unit is FigureUnit.PERCENT else ""
            figures = join_list(
                [
                    f"{self._lower_first(row_label(self.vocab, row, self.lang))} "
                    f"{number(value, self.lang)}{suffix}"
                    for row, value in table.given.items()
                ],
                self.lang,
            )
            label = self.user_phrase(table.label) if table.label.strip() else ""
            label = label or self.vocab.label(table.topic, self.lang).lower()
            source = " ".join(x for x in (_phrase(table.source), str(table.year or "")) if x)
            key = "memo.statistics.table" if source else "memo.statistics.table.no_source"
            sentences.append(self.t(key, label=label, figures=figures, source=source))
        items = [e.title or e.reference for e in self.a.evidence]
        if items:
            sentences.append(self.t("memo.statistics.evidence", items=join_list(items, self.lang)))
        return " ".join(sentences)

    def measures(self) -> str:
        adverse = [key for key in self.labels if self._is_adverse(key)]
        lines = []
        if self.a.measures:
            lead = "lead_adverse" if adverse else "lead"
            count = "one" if len(self.a.measures) == 1 else "many"
            lines.append(self.t(f"memo.measures.{lead}.{count}"))
            lines.extend(self._measure(m) for m in self.a.measures)
        sentences = []
        unmeasured = [key for key in adverse if not self.a.measures_for(key)]
        missing = []
        for key in unmeasured:
            reason = self.a.grounds[key].no_measure_justification
            if reason.strip():
                sentences.append(
                    self.t(
                        "memo.no_measure.justified",
                        ground=self.ground_name(key),
                        justification=_sentence(reason),
                    )
                )
            else:
                missing.append(key)
        if missing:
            sentences.append(self.t("memo.no_measure.missing", grounds=self.ground_list(missing)))
        if not self.a.measures and not adverse and self._settled():
            sentences.append(self.t("memo.no_measures_needed"))
        if sentences:
            lines.append(" ".join(sentences))
        return "\n".join(lines)

    def conclusion(self) -> str:
        c = self.a.conclusion
        sentences = [self.t(f"memo.outcome.{c.outcome.value if c.outcome else 'missing'}")]
        if c.outcome is Outcome.PROCEED_DESPITE_NEGATIVE:
            if c.justification.strip():
                sentences.append(
                    self.t("memo.outcome.justification", justification=_sentence(c.justification))
                )
            else:
                sentences.append(self.t("memo.outcome.justification_missing"))
        if c.summary.strip():
            sentences.append(_sentence(c.summary))
        if c.followup_date is not None:
            passed = followup_has_passed(self.a, self.today)
            key = "memo.followup.past" if passed else "memo.followup"
            sentences.append(self.t(key, date=format_day(c.followup_date, self.lang)))
        elif c.outcome is not Outcome.DO_NOT_PROCEED:
            sentences.append(self.t("memo.followup.missing"))
        return " ".join(sentences)

    # ------------------------------------------------------------------ pieces
    def _seriousness(self, key: str) -> tuple[int, int]:
        ground = self.a.grounds[key]
        if ground.direction is not None and ground.direction.is_adverse:
            return 0, _SEVERITY_RANK[ground.severity]
        return _DIRECTION_RANK[ground.direction], 0

    def _reasons(self, keys: Sequence[str]) -> bool:
        return any(self.a.grounds[key].justification.strip() for key in keys)

    def _not_relevant(self, keys: Sequence[str]) -> Iterable[str]:
        """Grounds judged not relevant, with the caseworker's reason: grounds that share
        a reason share a sentence, so "no impact" never stands without its why."""
        by_reason: dict[str, list[str]] = {}
        for key in keys:
            reason = " ".join(self.a.grounds[key].justification.split())
            by_reason.setdefault(reason, []).append(key)
        for reason, group in by_reason.items():
            if reason:
                yield self.t(
                    "memo.not_relevant.reason",
                    grounds=self.ground_list(group),
                    justification=_sentence(reason),
                )
            else:
                yield self.t("memo.not_relevant", grounds=self.ground_list(group))

    def _intro(self) -> Iterable[str]:
        frameworks = [c for c in self.checklists if c.kind is ChecklistKind.FRAMEWORK]
        if not frameworks:
            return
        framework = self.content_phrase(frameworks[0].name)
        modules = [
            self.content_phrase(c.name) for c in self.checklists if c.kind is ChecklistKind.MODULE
        ]
        if modules:
            yield self.t(
                "memo.intro.modules", framework=framework, modules=ordered_list(modules, self.lang)
            )
        else:
            yield self.t("memo.intro", framework=framework)

    def _impact(self, ground: GroundAssessment) -> Iterable[str]:
        direction = ground.direction
        if direction is None:
            key = "memo.impact.unset"
        elif direction.is_adverse:
            severity = ground.severity.value if ground.severity else "unset"
            key = f"memo.impact.{direction.value}.{severity}"
        else:
            key = f"memo.impact.{direction.value}"
        yield self.t(key, ground=self.ground_name(ground.ground_key))
        if ground.groups.strip():
            yield self.t("memo.groups", groups=self.user_phrase(ground.groups))
        if ground.risks:
            risks = [self._lower_first(self.vocab.label(r, self.lang)) for r in ground.risks]
            yield self.t("memo.risks", risks=join_list(risks, self.lang))

    def _measure(self, measure: Measure) -> str:
        details = [
            self.t("memo.measure.owner", owner=_phrase(measure.owner))
            if measure.owner.strip()
            else self.t("memo.measure.no_owner")
        ]
        if measure.status is not MeasureStatus.DONE and measure.status is not MeasureStatus.DROPPED:
            details.append(
                self.t("memo.measure.deadline", date=format_day(measure.deadline, self.lang))
                if measure.deadline
                else self.t("memo.measure.no_deadline")
            )
        if measure.status is not MeasureStatus.PLANNED:
            details.append(self.t(f"memo.measure.status.{measure.status.value}"))
        description = _phrase(measure.description) or self.t("memo.measure.undescribed")
        return self.t("memo.measure.item", description=description, details=", ".join(details))

    def _is_adverse(self, key: str) -> bool:
        ground = self.a.grounds.get(key)
        return (
            ground is not None
            and ground.relevance is Relevance.RELEVANT
            and ground.direction is not None
            and ground.direction.is_adverse
        )

    def _settled(self) -> bool:
        """Every ground judged, and every relevant one with a known, harmless direction."""
        for key in self.labels:
            ground = self.a.grounds.get(key)
            if ground is None or ground.relevance is Relevance.UNKNOWN:
                return False
            if ground.relevance is Relevance.RELEVANT and ground.direction not in (
                Direction.POSITIVE,
                Direction.NEUTRAL,
            ):
                return False
        return True

    # ------------------------------------------------------------------ words
    def t(self, key: str, **values: str) -> str:
        return self.vocab.text(key, self.lang, **values)

    def ground_name(self, key: str) -> str:
        return self._lower_first(self.labels[key])

    def ground_list(self, keys: Sequence[str]) -> str:
        return ordered_list([self.ground_name(k) for k in keys], self.lang)

    def content_phrase(self, text: Text) -> str:
        return self._lower_first(text.get(self.lang))

    def _lower_first(self, label: str) -> str:
        """A checklist label inside a sentence: "Ålder" → "ålder", but "UN …" stays."""
        first = label.split(" ", 1)[0]
        if not label or first in self.keep or (len(first) > 1 and first[1].isupper()):
            return label
        return label[0].lower() + label[1:]

    def user_phrase(self, text: str) -> str:
        """User text inside a sentence, e.g. "Personer över 70 år" → "personer över 70 år".

        Its first word keeps its capital if it looks like a name: written with a capital
        in the middle of a sentence somewhere in the assessment or the checklists
        ("Árran", "Kvarnbyn"), or listed in ``keep_capital``. Otherwise Swedish and
        Norwegian lower it (they write peoples and languages in lower case too);
        English lowers it only if the word is seen in lower case ("Disabled", not "Muslim").
        """
        phrase = _phrase(text)
        match = _WORD.match(phrase)
        if match is None:
            return phrase
        word = match.group()
        if word in self.keep or word in self.name_words or not word[1:].islower():
            return phrase
        if self.lang is Language.EN and word.lower() not in self.lower_words:
            return phrase
        return phrase[0].lower() + phrase[1:]

    def _texts(self) -> Iterable[str]:
        for checklist in self.checklists:
            for text in (checklist.name, checklist.description):
                yield text.get(self.lang)
            for ground in checklist.grounds:
                yield ground.explanation.get(self.lang)
                yield ground.guidance.get(self.lang)
                for question in ground.questions:
                    yield question.text.get(self.lang)
                    yield question.guidance.get(self.lang)
        d = self.a.decision
        yield from (d.title, d.description, d.affected, d.evidence, d.evidence_missing)
        for answer in self.a.grounds.values():
            yield from (answer.justification, answer.groups, answer.evidence)


def _word_evidence(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Words seen in lower case, and words seen with a capital inside a sentence (names)."""
    lower: set[str] = set()
    names: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].islower():
                lower.add(word)
            elif _mid_sentence(text, match.start()):
                names.add(word)
    return lower, names


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a word or comma and a space, not a full stop."""
    index = start - 1
    if index < 0 or text[index] != " ":
        return False
    while index >= 0 and text[index] == " ":
        index -= 1
    return index >= 0 and (text[index].isalnum() or text[index] == ",")


def _phrase(text: str) -> str:
    """User text for inside a sentence: one line, without its own final full stop."""
    flat = " ".join(text.split())
    return flat[:-1].rstrip() if flat.endswith(".") and not flat.endswith("..") else flat


def _sentence(text: str) -> str:
    """User text as a sentence of its own: one line, ending in punctuation."""
    flat = " ".join(text.split())
    return flat if flat.endswith(_END) else f"{flat}."
