"""The clients of ``pg_load.py``: one caseworker or reviewer per process, each through
Lika's own store and services, and the checker that compares what they were told
with what the server holds afterwards.

A caseworker login is shared by two processes (one person with the assessment open in
two windows), so two autosaves of the same draft race and the version guard must turn
the loser into a ``ConflictError``; reviewers race each other to approve or return the
same submitted assessment. Those refusals are expected outcomes and are counted; any
other exception is a failure of the run.
"""

from __future__ import annotations

import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from desktop_app.app import registers
from desktop_app.app.service import AssessmentService
from desktop_app.checklists.guide import Content
from desktop_app.domain.errors import WorkflowError
from desktop_app.domain.model import Assessment, Status
from desktop_app.domain.register import RegisterQuery
from desktop_app.domain.review import CommentTarget
from desktop_app.register_location import ServerUrl
from desktop_app.storage.errors import ConflictError

# (assessment id, version the save was acknowledged as, ground key, the appended token)
Ack = tuple[int, int, str, str]


@dataclass
class ClientSpec:
    """One client process: its login's URL, its role and the series it works on."""

    number: int
    url: str
    role: str  # "caseworker" or "reviewer"
    series: list[str] = field(default_factory=list)


@dataclass
class ClientResult:
    number: int
    role: str
    counts: Counter[str] = field(default_factory=Counter)
    save_ms: list[float] = field(default_factory=list)
    acks: list[Ack] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class _Client:
    def __init__(
        self, spec: ClientSpec, content: Content, pause: float, result: ClientResult
    ) -> None:
        self.spec, self.pause, self.result = spec, pause, result
        self.rng = random.Random(spec.number)
        store = registers.open_store(ServerUrl(spec.url))
        who = registers.signed_in(store)
        assert who is not None, "a server login"
        self.service = AssessmentService(store, content, who)
        self.made = 0

    def rest(self) -> None:
        """A person's pause between two autosaves (0 hammers the server)."""
        if self.pause:
            time.sleep(self.rng.uniform(0, 2 * self.pause))

    def caseworker_turn(self) -> None:
        service, count = self.service, self.result.counts
        series = self.rng.choice(self.spec.series)
        newest = max(service.review.revisions(series), key=lambda r: r.revision)
        a = service.get(newest.id)
        if a.status is Status.APPROVED:
            service.review.new_revision(a)  # the other window may win: refused below
            count["new revision"] += 1
            return
        if a.status is Status.IN_REVIEW:
            count["waited for review"] += 1
            self.rest()
            return
        for comment in service.review.comments(a.id or 0):
            if not comment.addressed:
                service.review.address_comment(comment.id, "Åtgärdat.")
                count["comment addressed"] += 1
        for _ in range(self.rng.randint(2, 6)):
            self.autosave(a)
            self.rest()
        if self.rng.random() < 0.3:
            service.review.submit(a, "Klar för granskning.")
            count["submitted"] += 1

    def autosave(self, a: Assessment) -> None:
        key = self.rng.choice(sorted(a.grounds))
        self.made += 1
        token = f" [{self.spec.number}-{self.made}]"
        a.grounds[key].justification += token
        start = time.perf_counter()
        self.service.save(a)  # ConflictError: the other window saved first
        self.result.save_ms.append((time.perf_counter() - start) * 1000)
        assert a.id is not None
        self.result.acks.append((a.id, a.version, key, token))
        self.result.counts["autosave"] += 1

    def reviewer_turn(self) -> None:
        service, count = self.service, self.result.counts
        with service.readers()() as reader:
            rows = reader.page(RegisterQuery(status=Status.IN_REVIEW), limit=25).rows
        if not rows:
            count["nothing to review"] += 1
            self.rest()
            return
        a = service.get(self.rng.choice(rows).id)
        if a.status is not Status.IN_REVIEW:
            count["already reviewed"] += 1
            return
        self.rest()  # reading it
        if self.rng.random() < 0.4:
            key = self.rng.choice(sorted(a.grounds))
            service.review.add_comment(a, CommentTarget.ground(key), "Utveckla motiveringen.")
            count["commented"] += 1
            service.review.return_for_changes(a, "Se kommentaren.")
            count["returned"] += 1
        else:
            service.review.approve(a, "Godkänd.")
            count["approved"] += 1

    def run(self, until: float) -> None:
        turn = self.caseworker_turn if self.spec.role == "caseworker" else self.reviewer_turn
        while time.monotonic() < until:
            try:
                turn()
            except ConflictError:
                self.result.counts["conflict (reloaded)"] += 1
            except WorkflowError as error:  # a race lost: the other one acted first
                race = _race(error)
                if race:
                    self.result.counts[f"lost a race: {race}"] += 1
                else:
                    self.result.counts["unexpected refusal"] += 1
                    self.result.failures.append(f"{type(error).__name__}: {error}")
            except Exception:  # every other exception fails the run
                self.result.failures.append(traceback.format_exc(limit=6))
                self.result.counts["unhandled"] += 1
        self.service.close()


# A refusal that only a lost race explains (the state moved on between read and act).
RACES = (
    "comments are made while an assessment is in review",  # another reviewer acted first
    "only a draft or returned assessment can be submitted",
    "revision conflict",
    "is in review",
    "an approved assessment cannot be changed",
    "is newer, so changes belong there",
    "not addressed yet",
    "is already addressed",  # the other window addressed the comment first
)


def _race(error: Exception) -> str:
    """Which lost race explains ``error`` ("" if none does)."""
    text = str(error).lower()
    return next((race for race in RACES if race in text), "")


def client_main(spec: ClientSpec, content: Content, pause: float, start: Any, seconds: float,
                results: Any) -> None:  # fmt: skip
    """A process's body: connect, wait for everyone, work until the time is up, report."""
    result = ClientResult(spec.number, spec.role)
    try:
        client = _Client(spec, content, pause, result)
        start.wait()
        client.run(time.monotonic() + seconds)
    except Exception:  # reported, never lost with the process
        result.failures.append(traceback.format_exc(limit=6))
    results.put(result)


def lost_updates(acks: list[Ack], stored: dict[int, dict[str, str]]) -> list[str]:
    """What was acknowledged but is not in the register: two saves acknowledged as the
    same version of one assessment, or an appended token missing from the stored text
    (tokens are only ever appended, so every acknowledged one must still be there)."""
    problems: list[str] = []
    seen: dict[tuple[int, int], str] = {}
    for assessment_id, version, key, token in acks:
        other = seen.setdefault((assessment_id, version), token)
        if other != token:
            problems.append(
                f"assessment {assessment_id}: {other!r} and {token!r} both acknowledged "
                f"as version {version}"
            )
        text = stored.get(assessment_id, {}).get(key)
        if text is None or token not in text:
            problems.append(f"assessment {assessment_id}: saved {token!r} in {key} is missing")
    return problems
