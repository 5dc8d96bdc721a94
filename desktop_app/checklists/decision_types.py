"""Loading decision types: ``format: lika-decision-types`` files, the built-in one in
``resources/checklists/`` and an organisation's own in its checklist folder.

Each file is checked against ``decision-types.schema.json`` and then against the
checklists loaded beside it: a suggested module must be installed, an emphasised
question must exist (in some checklist, or among the type's own), an added question's
ground must exist and its id must start with that ground's key and be new. A type key
already used (built in, or by another file) is refused. Errors name the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.checklist import Checklist, ChecklistKind, Question, QuestionType, Text
from desktop_app.domain.decision_types import AddedQuestion, DecisionType
from desktop_app.schemas import validator

FORMAT = "lika-decision-types"
_FORMAT_LINE = re.compile(rf"^format:\s*[\"']?{FORMAT}[\"']?\s*$", re.MULTILINE)


def is_decision_types_file(path: Path) -> bool:
    """Whether a YAML file in a checklist folder holds decision types (by its format line,
    read without parsing the file). Only a regular file is opened: a pipe would wait."""
    try:
        if not path.is_file():
            return False
        with path.open(encoding="utf-8-sig", errors="replace") as file:
            head = file.read(4096)
    except OSError:
        return False
    return _FORMAT_LINE.search(head) is not None


def load_decision_types(
    path: Path, checklists: Mapping[str, Checklist], taken: Mapping[str, DecisionType]
) -> list[DecisionType]:
    """The types of one file, checked against the checklists loaded and the types already
    known (``taken``); ``ContentError`` names the file and line."""
    document = YamlDocument(path)
    document.validate(validator("decision-types.schema.json"))
    modules = {c.id for c in checklists.values() if c.kind is ChecklistKind.MODULE}
    grounds = {g.key for c in checklists.values() for g in c.grounds}
    questions = {q.id for c in checklists.values() for q in c.questions()}
    added_elsewhere = {a.question.id for t in taken.values() for a in t.questions}
    result: list[DecisionType] = []
    for index, data in enumerate(document.data["types"]):
        place: list[str | int] = ["types", index]
        key = data["key"]
        if key in taken or key in {t.key for t in result}:
            raise document.error([*place, "key"], f"the decision type {key!r} already exists")
        for position, module in enumerate(data.get("modules", [])):
            if module not in modules:
                raise document.error(
                    [*place, "modules", position], f"no module {module!r} is installed"
                )
        added: list[AddedQuestion] = []
        for position, q in enumerate(data.get("questions", [])):
            where = [*place, "questions", position]
            if q["ground"] not in grounds:
                raise document.error(
                    [*where, "ground"], f"no ground {q['ground']!r} in any checklist"
                )
            if not q["id"].startswith(f"{q['ground']}."):
                raise document.error([*where, "id"], f"the id must start with '{q['ground']}.'")
            if (
                q["id"] in questions
                or q["id"] in added_elsewhere
                or q["id"] in {a.question.id for a in added}
            ):
                raise document.error([*where, "id"], f"question id {q['id']!r} is already used")
            added.append(AddedQuestion(q["ground"], _question(q)))
        own = {a.question.id for a in added}
        for position, qid in enumerate(data.get("emphasise", [])):
            if qid not in questions and qid not in own:
                raise document.error(
                    [*place, "emphasise", position], f"no question {qid!r} in any checklist"
                )
        result.append(
            DecisionType(
                key=key,
                name=Text.from_mapping(data["name"]),
                description=Text.from_mapping(data["description"]),
                modules=tuple(data.get("modules", [])),
                emphasise=tuple(data.get("emphasise", [])),
                questions=tuple(added),
                source=path,
            )
        )
    return result


def _question(q: dict[str, Any]) -> Question:
    examples = q.get("examples")
    return Question(
        id=q["id"],
        type=QuestionType(q["type"]),
        text=Text.from_mapping(q["text"]),
        guidance=Text.from_mapping(q["guidance"]),
        examples=Text.from_mapping(examples) if examples else None,
    )
