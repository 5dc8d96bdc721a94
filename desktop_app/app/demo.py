"""Demo data: realistic example assessments, in every status, for trying Lika out.

The examples live in ``resources/demo/assessments.yaml``. Their dates are written
relative to the file's ``reference_date`` and shifted to today when loaded, so the demo
always has measures that are due soon, overdue and done.
"""

from __future__ import annotations

import copy
import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.checklists.guide import Content
from desktop_app.checklists.yamlfile import YamlDocument
from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.errors import InputError
from desktop_app.domain.evidence import Evidence, file_evidence, total_size
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment, Status
from desktop_app.domain.review import CommentTarget, check_target
from desktop_app.domain.serialize import assessment_from_dict
from desktop_app.domain.workflow import change_status
from desktop_app.progress import NO_PROGRESS, Progress
from desktop_app.resources import resource_path
from desktop_app.schemas import validator
from desktop_app.storage.repository import AssessmentRepository

if TYPE_CHECKING:
    from desktop_app.app.ports import AssessmentStore
    from desktop_app.app.service import AssessmentService

DEMO_FILE = resource_path("demo", "assessments.yaml")


def _shift_date(value: str | None, days: timedelta) -> str | None:
    return (date.fromisoformat(value) + days).isoformat() if value else value


def _shift_time(value: str, days: timedelta) -> datetime:
    return datetime.fromisoformat(value) + days


def _shift_content(data: dict[str, Any], days: timedelta) -> dict[str, Any]:
    data = copy.deepcopy(data)
    decision = data.setdefault("decision", {})
    decision["decision_date"] = _shift_date(decision.get("decision_date"), days)
    conclusion = data.setdefault("conclusion", {})
    conclusion["followup_date"] = _shift_date(conclusion.get("followup_date"), days)
    for measure in data.get("measures", []):
        measure["deadline"] = _shift_date(measure.get("deadline"), days)
    return data


def _attach(
    repository: AssessmentStore,
    assessment: Assessment,
    attachment: dict[str, Any],
    path: Path,
) -> Evidence:
    """A demo file (from ``files`` beside the demo data) as evidence, checked and stored
    like a file a user attaches."""
    source = path.parent / "files" / attachment["file"]
    try:
        data = source.read_bytes()
    except OSError as error:
        raise InputError(f"{source}: {error.strerror}") from None
    item = file_evidence(
        source.name,
        data,
        attachment.get("target", ""),
        already=total_size(assessment.evidence),
    )
    repository.store_evidence_file(data)
    return replace(item, note=attachment.get("note", ""))


def load_demo(
    repository: AssessmentStore,
    content: Content,
    *,
    today: date | None = None,
    path: Path = DEMO_FILE,
) -> list[Assessment]:
    """Add every demo assessment, with its review history, to ``repository``: in a
    file in the demo people's names; on a server in the login's (the server names who
    acts, so that login must be a caseworker and a reviewer: it plays both)."""
    from desktop_app.app.registers import review_records, signed_in

    document = YamlDocument(path)
    document.validate(validator("demo.schema.json"))
    days = (today or date.today()) - date.fromisoformat(document.data["reference_date"])
    created: list[Assessment] = []
    store = review_records(repository)
    login = signed_in(repository)
    if login is not None and not {"caseworker", "reviewer"} <= set(login.role.split(", ")):
        raise InputError(
            f"The demo plays a caseworker and a reviewer; on a server register the login "
            f"needs both roles (lika_caseworker and lika_reviewer), and {login.name} has "
            f"{login.role or 'no Lika role'}"
        )
    for index, entry in enumerate(document.data["assessments"]):
        try:
            assessment = assessment_from_dict(_shift_content(entry["assessment"], days))
        except InputError as error:
            raise document.error(["assessments", index, "assessment"], str(error)) from None
        assessment.created = assessment.updated = _shift_time(entry["created"], days)
        for number, attachment in enumerate(entry.get("attachments", [])):
            try:
                assessment.evidence.append(_attach(repository, assessment, attachment, path))
            except InputError as error:
                place: list[str | int] = ["assessments", index, "attachments", number]
                raise document.error(place, str(error)) from None
        steps = entry.get("workflow", [])
        author = steps[0]["actor"] if steps else assessment.decision.author.split(",")[0]
        if isinstance(repository, AssessmentRepository):
            repository.create(assessment, actor=Identity(author, "demo"))
        else:
            repository.create(assessment)
        checklists = [content.checklists.get(assessment.framework_id)] + [
            content.checklists.get(m) for m in assessment.modules
        ]
        addressed: list[tuple[int, dict[str, Any]]] = []
        for step_index, step in enumerate(steps):
            place = ["assessments", index, "workflow", step_index]
            at = _shift_time(step["at"], days)
            for number, comment in enumerate(step.get("comments", [])):
                try:
                    target = CommentTarget.parse(comment["on"])
                    check_target(assessment, target, [g.key for c in checklists for g in c.grounds])
                    made = store.add_comment(
                        assessment,
                        target,
                        comment["text"].strip(),
                        Identity(step["actor"], "demo"),
                        at - timedelta(minutes=len(step["comments"]) - number),
                    )
                except InputError as error:
                    raise document.error([*place, "comments", number], str(error)) from None
                if "addressed" in comment:
                    addressed.append((made.id, comment["addressed"]))
            try:
                change = change_status(
                    assessment,
                    Status(step["to"]),
                    actor=step["actor"],
                    os_user="demo",
                    at=_shift_time(step["at"], days),
                    gaps=find_gaps(assessment, checklists),
                    comment=step.get("comment", ""),
                )
            except InputError as error:
                raise document.error(place, str(error)) from None
            repository.record_status_change(assessment, change)
        for comment_id, done in addressed:
            store.address(
                comment_id,
                done.get("reply", "").strip(),
                Identity(done["by"], "demo"),
                _shift_time(done["at"], days),
            )
        created.append(assessment)
    return created


def add_demo(service: AssessmentService) -> list[Assessment]:
    """``lika demo``: the demo assessments, added to the service's register."""
    return load_demo(service.repository, service.content)


def add_generated(service: AssessmentService, count: int, progress: Progress = NO_PROGRESS) -> int:
    """``lika demo --count N``: ``count`` generated assessments, written in bulk; returns
    how many were stored. An empty register always gets the same data (benchmarks
    compare runs); adding to one that has some needs other ids than the first run had."""
    from desktop_app.app.generator import DEFAULT_SEED, generate
    from desktop_app.app.registers import refuse_on_server
    from desktop_app.storage.bulk import bulk_insert

    repository = service.repository
    refuse_on_server(repository.path, "lika demo --count (bulk generation)")
    assert isinstance(repository, AssessmentRepository), "a SQLite register"
    has_rows = repository.db.execute("SELECT 1 FROM assessments LIMIT 1").fetchone()
    seed = random.randrange(2**32) if has_rows else DEFAULT_SEED
    assessments = generate(service.content, count, seed=seed)
    return bulk_insert(repository.db, assessments, count, progress)
