"""The assessment of one draft decision, as plain data.

Nothing here knows about Qt, SQL or files: the storage layer maps these classes to
rows, the exchange format to JSON, and the UI edits them through ``domain.edits``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Language has a module of its own (the window needs it early); it is part of the model.
from desktop_app.domain.codes import Direction as Direction
from desktop_app.domain.codes import MeasureStatus as MeasureStatus
from desktop_app.domain.codes import Outcome as Outcome
from desktop_app.domain.codes import Relevance as Relevance
from desktop_app.domain.codes import RiskKind as RiskKind
from desktop_app.domain.codes import Severity as Severity
from desktop_app.domain.codes import Status as Status
from desktop_app.domain.codes import Trust as Trust
from desktop_app.domain.evidence import Evidence
from desktop_app.domain.identity import with_role
from desktop_app.domain.language import Language as Language
from desktop_app.domain.statistics import StatisticsTable
from desktop_app.domain.uids import new_uid as new_uid


@dataclass
class Decision:
    """Step 1: the draft decision being assessed."""

    title: str = ""
    case_number: str = ""
    organisation: str = ""
    unit: str = ""
    decision_body: str = ""
    decision_date: date | None = None
    author: str = ""
    description: str = ""
    affected: str = ""
    affected_groups: list[str] = field(default_factory=list)
    evidence: str = ""
    evidence_missing: str = ""


@dataclass
class GroundAssessment:
    """Step 2, for one ground (or one perspective of a module)."""

    ground_key: str
    relevance: Relevance = Relevance.UNKNOWN
    justification: str = ""
    direction: Direction | None = None
    severity: Severity | None = None
    groups: str = ""
    evidence: str = ""
    risks: list[RiskKind] = field(default_factory=list)
    no_measure_justification: str = ""


@dataclass
class Answer:
    """An answer to one checklist question; ``value`` is a choice key or free text."""

    question_id: str
    value: str = ""
    note: str = ""


@dataclass
class Measure:
    """Step 3: one thing that is done to remove or reduce a negative effect."""

    uid: str = field(default_factory=new_uid)
    description: str = ""
    grounds: list[str] = field(default_factory=list)
    owner: str = ""
    deadline: date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    followup_note: str = ""

    def is_overdue(self, today: date) -> bool:
        """Still open and its deadline has passed."""
        return self.status.is_open and self.deadline is not None and self.deadline < today


@dataclass
class Conclusion:
    """Step 4: the outcome and the follow-up plan."""

    outcome: Outcome | None = None
    justification: str = ""
    summary: str = ""
    followup_date: date | None = None


@dataclass
class Assessment:
    """One revision of the equality assessment of one draft decision.

    ``version`` counts saves and guards against lost updates (optimistic concurrency);
    ``revision`` counts approved editions of the same decision (``series_uid`` links them).
    """

    framework_id: str
    framework_version: str
    language: Language = Language.SV
    modules: dict[str, str] = field(default_factory=dict)
    # The kind of decision (a key of the decision types in the checklist folders; "" for
    # none); it adds and emphasises questions (``domain/decision_types.py``).
    decision_type: str = ""
    decision: Decision = field(default_factory=Decision)
    grounds: dict[str, GroundAssessment] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    measures: list[Measure] = field(default_factory=list)
    conclusion: Conclusion = field(default_factory=Conclusion)
    # Figures by sex and evidence, on the decision and on grounds (``target``).
    statistics: list[StatisticsTable] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    status: Status = Status.DRAFT
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    series_uid: str = ""
    revision: int = 1
    previous_id: int | None = None
    created: datetime | None = None
    updated: datetime | None = None
    version: int = 0

    def __post_init__(self) -> None:
        if not self.series_uid:
            self.series_uid = self.uid

    def ground(self, key: str) -> GroundAssessment:
        """The assessment of ``key``, created empty on first use."""
        if key not in self.grounds:
            self.grounds[key] = GroundAssessment(ground_key=key)
        return self.grounds[key]

    def answer(self, question_id: str) -> Answer:
        if question_id not in self.answers:
            self.answers[question_id] = Answer(question_id=question_id)
        return self.answers[question_id]

    def measure(self, uid: str) -> Measure:
        for measure in self.measures:
            if measure.uid == uid:
                return measure
        raise KeyError(uid)

    def measures_for(self, ground_key: str) -> list[Measure]:
        return [m for m in self.measures if ground_key in m.grounds]


@dataclass(frozen=True)
class StatusChange:
    """One step of the review workflow, as recorded in the register. An approval made
    here carries its approver's signature (``signature``, ``public_key``: base64) when
    their key could sign it. ``role`` is the actor's role title when they acted ("" in
    changes recorded before Lika asked for it)."""

    from_status: Status | None
    to_status: Status
    actor: str
    os_user: str
    at: datetime
    comment: str = ""
    fingerprint: str = ""
    signature: str = ""
    public_key: str = ""
    trust: Trust = Trust.WITNESSED
    role: str = ""

    @property
    def by(self) -> str:
        """Who made the change, with their role title: "Anna Berg, enhetschef"."""
        return with_role(self.actor, self.role)

    @property
    def approves(self) -> bool:
        """An approval that counts: witnessed here or signed by a trusted key, not a
        claim from a file."""
        return self.to_status is Status.APPROVED and self.trust in (
            Trust.WITNESSED,
            Trust.SIGNED,
        )

    @property
    def unverified_claim(self) -> bool:
        return self.to_status is Status.APPROVED and self.trust is Trust.UNVERIFIED
