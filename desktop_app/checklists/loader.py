"""Loading and checking checklist files (frameworks and modules).

A file is checked twice: against ``resources/schemas/checklist.schema.json`` (shape,
types, every text in sv, nb and en) and then for what a schema cannot say (unique ids,
question ids that start with their ground's key, conditions that look back to an earlier
question with values it can take). Either way the error names the file
and the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.checklists.decision_types import is_decision_types_file, load_decision_types
from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.checklist import (
    ANSWER_VALUES,
    Checklist,
    ChecklistKind,
    Choice,
    Ground,
    Question,
    QuestionType,
    Risk,
    Text,
)
from desktop_app.domain.conditions import ShowIf
from desktop_app.domain.decision_types import DecisionType
from desktop_app.domain.errors import ContentError
from desktop_app.domain.model import RiskKind
from desktop_app.resources import resource_path
from desktop_app.schemas import validator

BUILTIN_DIR = resource_path("checklists")


def load_checklist(path: Path) -> Checklist:
    """Read, validate and build one checklist file, or raise ``ContentError``."""
    document = YamlDocument(path)
    document.validate(validator("checklist.schema.json"))
    _check_ids(document)
    _check_conditions(document)
    return _build(document.data, path)


def _check_ids(document: YamlDocument) -> None:
    seen_grounds: set[str] = set()
    seen_questions: set[str] = set()
    for g_index, ground in enumerate(document.data["grounds"]):
        key = ground["key"]
        if key in seen_grounds:
            raise document.error(["grounds", g_index, "key"], f"ground {key!r} appears twice")
        seen_grounds.add(key)
        kinds = [risk["kind"] for risk in ground["risks"]]
        if len(set(kinds)) != len(kinds):
            raise document.error(["grounds", g_index, "risks"], "a kind of risk appears twice")
        for q_index, question in enumerate(ground["questions"]):
            place: list[str | int] = ["grounds", g_index, "questions", q_index, "id"]
            qid = question["id"]
            if not qid.startswith(f"{key}."):
                raise document.error(place, f"question id {qid!r} must start with '{key}.'")
            if qid in seen_questions:
                raise document.error(place, f"question id {qid!r} appears twice")
            seen_questions.add(qid)
            choice_keys = [c["key"] for c in question.get("choices", [])]
            if len(set(choice_keys)) != len(choice_keys):
                raise document.error([*place[:-1], "choices"], "a choice key appears twice")


def _check_conditions(document: YamlDocument) -> None:
    """A condition names a question of this file that comes earlier (so conditions can
    never go round in a circle) with values that question can take, or a ground of this
    file; exactly one of the two forms."""
    grounds = {ground["key"] for ground in document.data["grounds"]}
    earlier: dict[str, dict[str, Any]] = {}
    all_ids = {q["id"] for g in document.data["grounds"] for q in g["questions"]}
    for g_index, ground in enumerate(document.data["grounds"]):
        for q_index, question in enumerate(ground["questions"]):
            condition = question.get("show_if")
            place: list[str | int] = ["grounds", g_index, "questions", q_index, "show_if"]
            if condition is not None:
                _check_condition(document, place, question["id"], condition, earlier, all_ids)
                if "ground_relevant" in condition and condition["ground_relevant"] not in grounds:
                    raise document.error(
                        [*place, "ground_relevant"],
                        f"no ground {condition['ground_relevant']!r} in this file",
                    )
            earlier[question["id"]] = question


def _check_condition(
    document: YamlDocument,
    place: list[str | int],
    qid: str,
    condition: dict[str, Any],
    earlier: dict[str, dict[str, Any]],
    all_ids: set[str],
) -> None:
    forms = ("question" in condition or "in" in condition, "ground_relevant" in condition)
    if all(forms):
        raise document.error(
            place, "a condition is either 'question' with 'in' or 'ground_relevant'"
        )
    if forms[1]:
        return
    if "question" not in condition or "in" not in condition:
        raise document.error(place, "a condition on an answer needs both 'question' and 'in'")
    target = condition["question"]
    where = [*place, "question"]
    if target == qid:
        raise document.error(where, f"question {qid!r} cannot depend on itself (a cycle)")
    if target not in earlier:
        if target in all_ids:
            raise document.error(
                where,
                f"question {target!r} comes later; a condition may only look back to an "
                "earlier question (so that conditions cannot form a cycle)",
            )
        raise document.error(where, f"no question {target!r} in this file")
    referred = earlier[target]
    if referred["type"] == QuestionType.TEXT:
        raise document.error(
            where, f"question {target!r} has a free-text answer; it cannot be a condition"
        )
    allowed = (
        [c["key"] for c in referred["choices"]]
        if referred["type"] == QuestionType.CHOICE
        else list(ANSWER_VALUES)
    )
    for position, value in enumerate(condition["in"]):
        if value not in allowed:
            raise document.error(
                [*place, "in", position],
                f"{value!r} is not an answer to {target!r} (answers: {', '.join(allowed)})",
            )


def _text(values: dict[str, str] | None) -> Text | None:
    return Text.from_mapping(values) if values is not None else None


def _build(data: dict[str, Any], path: Path) -> Checklist:
    def question(q: dict[str, Any]) -> Question:
        return Question(
            id=q["id"],
            type=QuestionType(q["type"]),
            text=Text.from_mapping(q["text"]),
            guidance=Text.from_mapping(q["guidance"]),
            examples=_text(q.get("examples")),
            choices=tuple(
                Choice(c["key"], Text.from_mapping(c["label"])) for c in q.get("choices", [])
            ),
            show_if=_show_if(q.get("show_if")),
        )

    def ground(g: dict[str, Any]) -> Ground:
        return Ground(
            key=g["key"],
            term=Text.from_mapping(g["term"]),
            preferred_term=_text(g.get("preferred_term")),
            explanation=Text.from_mapping(g["explanation"]),
            guidance=Text.from_mapping(g["guidance"]),
            risks=tuple(
                Risk(RiskKind(r["kind"]), Text.from_mapping(r["example"])) for r in g["risks"]
            ),
            questions=tuple(question(q) for q in g["questions"]),
        )

    return Checklist(
        id=data["id"],
        version=data["version"],
        kind=ChecklistKind(data["kind"]),
        name=Text.from_mapping(data["name"]),
        law=Text.from_mapping(data["law"]),
        description=Text.from_mapping(data["description"]),
        grounds=tuple(ground(g) for g in data["grounds"]),
        source=path,
    )


def _show_if(condition: dict[str, Any] | None) -> ShowIf | None:
    if condition is None:
        return None
    if "ground_relevant" in condition:
        return ShowIf(ground=condition["ground_relevant"])
    return ShowIf(question=condition["question"], values=tuple(condition["in"]))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass
class ChecklistLibrary:
    """Every checklist that loaded, newest version per id, and what failed to load.

    Older versions that are also present (an organisation may keep the file an
    assessment was made with) stay reachable through ``version()``, so the editor can
    show the wording of questions the newest version no longer has.
    """

    checklists: dict[str, Checklist] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    # Decision types by key, built-in first (``decision_types.py``), in their files' order.
    decision_types: dict[str, DecisionType] = field(default_factory=dict)
    all_versions: dict[tuple[str, str], Checklist] = field(default_factory=dict)

    def add(self, checklist: Checklist) -> None:
        self.all_versions.setdefault((checklist.id, checklist.version), checklist)
        current = self.checklists.get(checklist.id)
        if current is None or _version_key(checklist.version) > _version_key(current.version):
            self.checklists[checklist.id] = checklist

    def get(self, checklist_id: str) -> Checklist:
        try:
            return self.checklists[checklist_id]
        except KeyError:
            raise ContentError(f"Unknown checklist {checklist_id!r}") from None

    def version(self, checklist_id: str, version: str) -> Checklist | None:
        """That exact version of a checklist, if its file was loaded."""
        return self.all_versions.get((checklist_id, version))

    def frameworks(self) -> list[Checklist]:
        return [c for c in self.checklists.values() if c.kind is ChecklistKind.FRAMEWORK]

    def modules(self) -> list[Checklist]:
        return [c for c in self.checklists.values() if c.kind is ChecklistKind.MODULE]


def load_library(extra_folders: Iterable[Path] = ()) -> ChecklistLibrary:
    """The built-in checklists plus an organisation's own; broken files are reported
    in ``errors`` and skipped, so one bad file never stops the app."""
    library = ChecklistLibrary()
    type_files: list[Path] = []
    for folder in (BUILTIN_DIR, *extra_folders):
        if not folder.is_dir():
            library.errors.append(ContentError(f"{folder}: checklist folder not found"))
            continue
        for path in sorted(folder.glob("*.yaml")):
            if is_decision_types_file(path):
                type_files.append(path)  # read once every checklist is known
                continue
            try:
                library.add(load_checklist(path))
            except ContentError as error:
                library.errors.append(error)
    for path in type_files:
        try:
            types = load_decision_types(path, library.checklists, library.decision_types)
        except ContentError as error:
            library.errors.append(error)
        else:
            library.decision_types.update((t.key, t) for t in types)
    return library
