"""Names of fields, sections and values in the window's language: for the revision
comparison, the history and the editor's Undo menu.

The domain hands over field paths and raw value texts ("negative", "2027-03-01",
"age, sex"); this turns them into what the user reads ("Negativ", "2027-03-01" in the
locale's format, "Ålder, Kön") with the checklists of the assessments shown.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, get_args, get_origin

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.checklist import Checklist, Question
from desktop_app.domain.edits import FieldPath, field_types
from desktop_app.domain.model import (
    Assessment,
    Conclusion,
    Decision,
    GroundAssessment,
    Language,
    Measure,
    Status,
)
from desktop_app.ui.context import UiContext

_CLASSES: dict[str, type] = {
    "decision": Decision,
    "ground": GroundAssessment,
    "measure": Measure,
    "conclusion": Conclusion,
}
_STEP_SECTIONS = ("decision", "grounds", "measures", "conclusion")
MEASURE_NAME_LENGTH = 32
NUMBERED_MEASURE_LENGTH = 40


def shorten(text: str, limit: int = 48) -> str:
    """The first line of ``text``, cut at a word before ``limit`` characters: how the
    window names a measure or quotes a question where there is no room for all of it."""
    lines = text.strip().splitlines()
    first = " ".join(lines[0].split()) if lines else ""
    if len(first) <= limit and len(lines) <= 1:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") if len(first) > limit else first
    return f"{cut}…"


def numbered_measure(number: int, description: str) -> str:
    """ "Measure 2 (Evening opening with staff…)": a measure by its place in the list and
    the start of its text, as the list of what is left and the review comments name it."""
    name = QCoreApplication.translate("FieldNames", "Measure %1").replace("%1", str(number))
    short = shorten(description, NUMBERED_MEASURE_LENGTH)
    return f"{name} ({short})" if short else name


class FieldNames:
    """Looks paths up in ``checklists`` (those of every assessment shown) and names
    measures by their description in ``measures`` (uid → description)."""

    def __init__(
        self,
        context: UiContext,
        checklists: Sequence[Checklist],
        measures: Mapping[str, str] | None = None,
    ) -> None:
        self.context = context
        self.checklists = list(checklists)
        self.measures = dict(measures or {})
        self._questions: dict[str, Question] = {}
        self._question_grounds: dict[str, str] = {}
        for checklist in self.checklists:
            for ground in checklist.grounds:
                for question in ground.questions:
                    self._questions.setdefault(question.id, question)
                    self._question_grounds.setdefault(question.id, ground.key)
        self._grounds = {g.key: g.label(context.language) for c in checklists for g in c.grounds}

    @classmethod
    def for_assessments(cls, context: UiContext, assessments: Iterable[Assessment]) -> FieldNames:
        """Names for fields of these assessments: their checklists (those installed)
        and their measures."""
        checklists: list[Checklist] = []
        measures: dict[str, str] = {}
        library = context.content.checklists
        for assessment in assessments:
            for checklist_id in (assessment.framework_id, *assessment.modules):
                if checklist_id in library.checklists:
                    checklist = library.get(checklist_id)
                    if checklist not in checklists:
                        checklists.append(checklist)
            for measure in assessment.measures:
                measures.setdefault(measure.uid, measure.description)
        return cls(context, checklists, measures)

    # Sections and fields

    def section(self, key: str) -> str:
        """A comparison section: a step's title, the checklist answers, or the status."""
        if key in _STEP_SECTIONS:
            return self._step(key)
        if key == "answers":
            return self.context.term("pdf.answers")
        if key == "status":
            return self.context.term("pdf.status")
        if key in ("statistics", "evidence"):
            return self.context.term(f"{key}.heading")
        return key

    def _step(self, key: str) -> str:
        return self.context.local(self.context.content.step(key).title)

    def ground(self, key: str) -> str:
        return self._grounds.get(key, key)

    def measure(self, uid: str) -> str:
        description = self.measures.get(uid, "")
        return (
            shorten(description, MEASURE_NAME_LENGTH)
            if description
            else QCoreApplication.translate("FieldNames", "(no text)")
        )

    def place(self, path: FieldPath) -> str:
        """Where a field is: its step, its ground (for answers too) or its measure."""
        match path:
            case ("decision", _) | ("assessment", "language" | "modules"):
                return self._step("decision")
            case ("ground", key, _):
                return self.ground(key)
            case ("answer", question_id, _):
                key = self._question_grounds.get(question_id, question_id.split(".")[0])
                return self.ground(key)
            case ("measure", _) | ("measure", _, _):
                return self._step("measures")
            case ("conclusion", _):
                return self._step("conclusion")
        return ""

    def label(self, path: FieldPath) -> str:
        """The field itself: its label, or an answer's question in full."""
        match path:
            case ("answer", question_id, attr):
                question = self._questions.get(question_id)
                text = self.context.local(question.text) if question else question_id
                return f"{self._field(('answer', 'note'))}: {text}" if attr == "note" else text
            case ("measure", uid):
                return self.measure(uid)
            case ("measure", uid, attr):
                # The field first, so a narrow column still shows which one.
                return f"{self._field(('measure', attr))} ({self.measure(uid)})"
            case ("assessment", "modules"):
                return QCoreApplication.translate("FieldNames", "Modules")
            case ("statistics", _):
                return self.context.term("statistics.heading")
            case ("evidence", _):
                return self.context.term("evidence.heading")
            case ("assessment", "status"):
                return self.context.term("pdf.status")
            case ("assessment", "revision"):
                return self.context.term("pdf.revision")
        return self._field(path)

    def describe(self, path: FieldPath) -> str:
        """Place and label together: "Ålder › Motivering"."""
        place, label = self.place(path), self.label(path)
        return f"{place} › {label}" if place else label

    def _field(self, path: FieldPath) -> str:
        try:
            return self.context.field(path)
        except KeyError:
            return ".".join(path)

    # Values

    def value(self, path: FieldPath, text: str) -> str:
        """A value's display text as the domain gives it, in the window's language."""
        if not text:
            return ""
        match path:
            case ("answer", question_id, "value"):
                return self.context.answer(self._questions.get(question_id), text)
            case ("assessment", "status"):
                return self.status(text)
            case ("assessment", "language"):
                return self._enum(Language, text)
            case ("assessment", "modules"):
                return ", ".join(self._module(item) for item in text.split(", "))
            case ("measure", _, "grounds"):
                return ", ".join(self.ground(key) for key in text.split(", "))
        hint = self._hint(path)
        if hint is None:
            return text
        if get_origin(hint) is list:
            (item,) = get_args(hint)
            return ", ".join(self._typed(item, part) for part in text.split(", "))
        return self._typed(hint, text)

    def _hint(self, path: FieldPath) -> Any:
        cls = _CLASSES.get(path[0])
        if cls is None or len(path) < 2 or path[-1] not in field_types(cls):
            return None
        hint = field_types(cls)[path[-1]]
        if isinstance(hint, types.UnionType):  # "X | None"
            (hint,) = (arg for arg in get_args(hint) if arg is not type(None))
        return hint

    def _typed(self, hint: Any, text: str) -> str:
        if isinstance(hint, type) and issubclass(hint, StrEnum):
            return self._enum(hint, text)
        if hint is date:
            try:
                return self.context.short_date(date.fromisoformat(text))
            except ValueError:
                return text
        return text

    def status(self, text: str) -> str:
        """A status as stored ("in_review") in the window's language; unknown as is."""
        return self._enum(Status, text)

    def _enum(self, enum: type[StrEnum], text: str) -> str:
        try:
            return self.context.label(enum(text))
        except (ValueError, KeyError):
            return text

    def _module(self, item: str) -> str:
        """ "children 1.0" (id and version) → the module's name and version."""
        checklist_id, _, version = item.partition(" ")
        library = self.context.content.checklists
        if checklist_id not in library.checklists:
            return item
        name = self.context.local(library.get(checklist_id).name)
        return f"{name} {version}".strip()
