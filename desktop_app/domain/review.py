"""Review comments, the record of an approval, and the check of a printout's fingerprint.

A reviewer comments on a step, a ground or a measure while an assessment is in review;
the caseworker marks each comment addressed (with an optional reply) before
resubmitting. Targets are written ``kind:key`` (``step:decision``, ``ground:age``,
``measure:<uid>``) on the command line and in the database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import (
    Given,
    is_legacy,
    legacy_fingerprint_of,
    printed_of_digest,
    shown,
)
from desktop_app.domain.identity import with_role
from desktop_app.domain.model import Assessment, Status, StatusChange, Trust

STEP_KEYS: tuple[str, ...] = ("decision", "grounds", "measures", "conclusion")


class CommentTargetError(InputError, ValueError):
    """A comment target that is malformed or names nothing in the assessment."""


class CommentTargetKind(StrEnum):
    STEP = "step"
    GROUND = "ground"
    MEASURE = "measure"


@dataclass(frozen=True)
class CommentTarget:
    """What a comment is about: a step, a ground (by key) or a measure (by uid)."""

    kind: CommentTargetKind
    key: str

    @classmethod
    def step(cls, key: str) -> CommentTarget:
        return cls.parse(f"{CommentTargetKind.STEP}:{key}")

    @classmethod
    def ground(cls, key: str) -> CommentTarget:
        return cls.parse(f"{CommentTargetKind.GROUND}:{key}")

    @classmethod
    def measure(cls, uid: str) -> CommentTarget:
        return cls.parse(f"{CommentTargetKind.MEASURE}:{uid}")

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.key}"

    @classmethod
    def parse(cls, text: str) -> CommentTarget:
        """The inverse of ``str()``; refuses an unknown kind, an empty key or an unknown step."""
        kind_text, sep, key = text.strip().partition(":")
        kinds = ", ".join(k.value for k in CommentTargetKind)
        if not sep or not key.strip():
            raise CommentTargetError(
                f"{text!r} is not a comment target; write step:NAME, ground:KEY or measure:UID"
            )
        try:
            kind = CommentTargetKind(kind_text.strip())
        except ValueError:
            raise CommentTargetError(
                f"Unknown comment target kind {kind_text!r}; use one of {kinds}"
            ) from None
        key = key.strip()
        if kind is CommentTargetKind.STEP and key not in STEP_KEYS:
            raise CommentTargetError(f"Unknown step {key!r}; use one of {', '.join(STEP_KEYS)}")
        return cls(kind, key)


def check_target(assessment: Assessment, target: CommentTarget, ground_keys: Iterable[str]) -> None:
    """Refuse a target that names nothing in ``assessment``: a ground that none of its
    checklists has (``ground_keys``) nor the assessment holds, or a measure it lacks."""
    kind, key = target.kind, target.key
    if kind is CommentTargetKind.GROUND and key not in {*ground_keys, *assessment.grounds}:
        raise CommentTargetError(f"The assessment has no ground {key!r}")
    if kind is CommentTargetKind.MEASURE and all(m.uid != key for m in assessment.measures):
        raise CommentTargetError(f"The assessment has no measure {key!r}")


@dataclass(frozen=True)
class ReviewComment:
    """One reviewer's comment, and the caseworker's reply when it was addressed."""

    id: int
    assessment_id: int
    target: CommentTarget
    text: str
    author: str
    os_user: str
    created: datetime
    addressed_at: datetime | None = None
    addressed_by: str = ""
    reply: str = ""

    @property
    def addressed(self) -> bool:
        return self.addressed_at is not None


def _person_key(name: str) -> str:
    """A display name as a person is recognised by it: the same letters however they
    were encoded (composed or decomposed "Máret"), in any case, with any spacing."""
    folded = unicodedata.normalize("NFD", name).casefold()  # Unicode's caseless matching
    return " ".join(unicodedata.normalize("NFC", folded).split())


def same_person(a: str, b: str) -> bool:
    """Display names compared as people type them: Unicode form, case and spacing do
    not count. An empty name is nobody, so it matches no one."""
    key = _person_key(a)
    return bool(key) and key == _person_key(b)


def submitter(history: Iterable[StatusChange]) -> str:
    """Who sent the assessment to review last (the last draft -> in review change), or
    "" if nobody did."""
    last = ""
    for change in history:
        if change.from_status is Status.DRAFT and change.to_status is Status.IN_REVIEW:
            last = change.actor
    return last


DECISIONS = frozenset({Status.APPROVED, Status.RETURNED})  # a reviewer's two answers


def decisive_change(history: Iterable[StatusChange]) -> StatusChange | None:
    """The last review decision (approved or returned) in ``history``, or None."""
    decisions = [
        c
        for c in history
        if c.from_status is Status.IN_REVIEW and c.to_status in DECISIONS and not c.unverified_claim
    ]
    return decisions[-1] if decisions else None


def is_self_approval(approver: str, author: str, submitted_by: str) -> bool:
    """The one rule for "self-approved", used by the GUI, the CLI and the PDF: the
    approver is the author named in the assessment (which often reads "Name, title", so
    the name before the first comma counts too), or the one who submitted it, whatever
    the author field says."""
    return (
        same_person(approver, author)
        or same_person(approver, author.split(",")[0])
        or same_person(approver, submitted_by)
    )


@dataclass(frozen=True)
class ApprovalRecord:
    """Who approved a revision, when, and the fingerprint of what they approved.

    ``fingerprint`` is what the approval recorded: the full SHA-256 of the content
    (64 hex digits), the older 48-bit form (``3f2a-9c1b-77d0``) of an approval made
    before that, or "" for one that recorded none (an old register). ``trust`` says how
    the register knows it: witnessed here, or signed by a trusted key."""

    approver: str
    os_user: str
    at: datetime
    fingerprint: str
    author: str
    comment: str
    submitter: str = ""  # who submitted it for this approval ("" if unknown)
    trust: Trust = Trust.WITNESSED
    public_key: str = ""
    approver_role: str = ""  # the approver's role title ("" if not recorded)

    @property
    def signed_by(self) -> str:
        """The approver with their role title, as shown: "Anna Berg, enhetschef"."""
        return with_role(self.approver, self.approver_role)

    @property
    def printed(self) -> str:
        """The fingerprint as printed and typed (the older form as it was recorded)."""
        return shown(self.fingerprint)

    @property
    def legacy(self) -> bool:
        """Recorded in the older, weaker 48-bit form."""
        return is_legacy(self.fingerprint)

    @property
    def self_approved(self) -> bool:
        """Approved by its own author or submitter: allowed, but shown as such in the
        GUI and PDF (``is_self_approval``)."""
        return is_self_approval(self.approver, self.author, self.submitter)

    @classmethod
    def from_history(cls, author: str, history: Sequence[StatusChange]) -> ApprovalRecord | None:
        """The last approval in ``history`` of an assessment whose author field is
        ``author``, or None: needs no more of the assessment than that, so a list of
        revisions can show approvals from their summaries."""
        found = [i for i, c in enumerate(history) if c.approves]
        if not found:
            return None
        return cls.of(author, history, found[-1])

    @classmethod
    def of(cls, author: str, history: Sequence[StatusChange], index: int) -> ApprovalRecord:
        change = history[index]
        return cls(
            approver=change.actor,
            os_user=change.os_user,
            at=change.at,
            fingerprint=change.fingerprint,
            author=author,
            comment=change.comment,
            submitter=submitter(history[:index]),
            trust=change.trust,
            public_key=change.public_key,
            approver_role=change.role,
        )


def unverified_claim(author: str, history: Sequence[StatusChange]) -> ApprovalRecord | None:
    """The approval an exchange file claimed and this register could not verify, if the
    history ends in one (the assessment is then in review, not approved)."""
    found = [i for i, c in enumerate(history) if c.to_status is Status.APPROVED]
    if not found or not history[found[-1]].unverified_claim:
        return None
    return ApprovalRecord.of(author, history, found[-1])


def approval_record(a: Assessment, history: Sequence[StatusChange]) -> ApprovalRecord | None:
    """The last approval in ``history`` (the status history of ``a``), or None."""
    return ApprovalRecord.from_history(a.decision.author, history)


class Verdict(StrEnum):
    """What ``lika verify`` found; only ``MATCH`` is proof."""

    MATCH = "match"  # the printed fingerprint of a trusted approval, content unchanged
    NOT_APPROVED = "not_approved"  # never approved here (perhaps an unverified claim)
    NO_FINGERPRINT = "no_fingerprint"  # an old approval that recorded none
    TAMPERED = "tampered"  # the approval record disagrees with the audit log
    CONTENT_CHANGED = "content_changed"  # matches the approval, not what is stored now
    TOO_SHORT = "too_short"  # a 48-bit form: never proof
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class FingerprintCheck:
    """Whether a printout's fingerprint (``given``) is that of the approved revision.

    ``approval`` is None when the revision was never approved (``claim`` is then an
    unverified approval a file claimed, if any); ``approved`` is what the approval
    recorded (see ``ApprovalRecord.fingerprint``). ``current`` is the printed
    fingerprint of what the register holds now; ``weak_match`` that a 48-bit ``given``
    agrees with the approval (readable, but no proof); ``problems`` what is wrong with
    the approval record (``TAMPERED``).
    """

    verdict: Verdict
    given: str
    approved: str
    revision: int
    current: str
    approval: ApprovalRecord | None = None
    claim: ApprovalRecord | None = None
    weak_match: bool = False
    problems: tuple[str, ...] = ()

    @property
    def matches(self) -> bool:
        return self.verdict is Verdict.MATCH


def judge_fingerprint(
    given: tuple[Given, str], approval: ApprovalRecord, content_digest: str
) -> tuple[Verdict, bool]:
    """The verdict for a typed fingerprint against an approval that recorded one, and
    whether a 48-bit ``given`` agrees with it (a weak match)."""
    kind, value = given
    recorded = approval.fingerprint
    if kind is Given.LEGACY:
        old = recorded if is_legacy(recorded) else legacy_fingerprint_of(recorded)
        return Verdict.TOO_SHORT, value == old
    if is_legacy(recorded):
        return Verdict.MISMATCH, False
    same = value == recorded if kind is Given.FULL else value == printed_of_digest(recorded)
    if not same:
        return Verdict.MISMATCH, False
    return (Verdict.MATCH if content_digest == recorded else Verdict.CONTENT_CHANGED), False
