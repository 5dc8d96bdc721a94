"""The audit log's short English summaries, written and read in one place.

The repository, the review store and the bulk loader build their entries' summaries
here, and the GUI reads every summary back here (``read_summary``) to say it in its
own language, so a format cannot drift between writer and reader.

The summary is part of each entry's hash: verification recomputes the hash from the
stored text, so entries already written stay valid whatever they say. The readers
therefore also accept the older forms the bulk loader wrote (``comment on ground:age:
…`` and ``comment on ground:age addressed``, without the comment's id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.domain.audit import AuditAction, shorten
from desktop_app.domain.model import Status, StatusChange
from desktop_app.domain.review import CommentTarget

QUOTED_LIMIT = 120  # characters of a comment or reply quoted in a summary

CREATED = "created"


# Writing


def status_summary(change: StatusChange) -> str:
    """``draft -> in_review``, with an approval's fingerprint and the start of the comment."""
    frm = change.from_status.value if change.from_status else "-"
    summary = f"{frm} -> {change.to_status.value}"
    if change.fingerprint:
        summary += f" (fingerprint {change.fingerprint})"
    if change.comment:
        summary += f": {shorten(change.comment, QUOTED_LIMIT)}"
    return summary


def comment_summary(comment_id: int, target: CommentTarget, text: str) -> str:
    return f"comment {comment_id} on {target}: {shorten(text, QUOTED_LIMIT)}"


def address_summary(comment_id: int, reply: str = "") -> str:
    summary = f"comment {comment_id} addressed"
    return f"{summary}: {shorten(reply, QUOTED_LIMIT)}" if reply else summary


def save_summary(changed: int) -> str:
    return f"{changed} field(s) changed"


def revision_summary(revision: int, previous_id: int | None) -> str:
    return f"revision {revision} of assessment {previous_id}"


def import_summary(status: Status, changed: int | None = None, source: str = "") -> str:
    """A new assessment (``changed`` None), or one imported over the stored one;
    ``source``: the file's name, when known."""
    origin = f" from {source}" if source else ""
    if changed is None:
        return f"imported as new ({status.value}){origin}"
    return f"imported over the stored one ({status.value}){origin}; {save_summary(changed)}"


UNVERIFIED_SUFFIX = "in the file is unverified"  # an import's claimed approval


def unverified_note(actor: str) -> str:
    """Added to an import's summary when the file claimed an approval it could not prove."""
    return f"; the approval by {actor} {UNVERIFIED_SUFFIX}"


# Who a key belongs to when it is the importing user's own (not listed by IT).
OWN_KEY = "the importing user"


def signed_note(actor: str, signer: str) -> str:
    """Added to an import's summary for an approval signed by a key the register trusts:
    whose key it is listed as."""
    return f"; the approval by {actor} is signed by the key of {signer}"


def delete_summary(status: Status | str) -> str:
    return f"deleted ({Status(status).value})"


@dataclass(frozen=True)
class ReplacedLog:
    """The audit log of the register a restore replaces, as it was just before."""

    entries: int
    head: str  # the hash of its newest entry; "" when it had none


def restore_summary(
    backup: str, taken: datetime, replaced: ReplacedLog | None, kept: str | None
) -> str:
    """The ``restore`` entry: the backup's file name and time, what was replaced (None:
    its log could not be read), and the name the replaced register is kept under (None:
    there was no register before)."""
    text = f"restored backup {backup} ({taken.isoformat(timespec='seconds')}); "
    if kept is None:
        return text + "there was no register before"
    if replaced is None:
        text += "the log it replaced could not be read"
    elif replaced.entries == 0:
        text += "the log it replaced was empty"
    else:
        text += f"the log it replaced had {replaced.entries} entries, newest hash {replaced.head}"
    return f"{text}; kept as {kept}"


# Reading


@dataclass(frozen=True)
class StatusSummary:
    old: str  # a status value, or "" for the first status of an assessment
    new: str
    fingerprint: str
    comment: str


@dataclass(frozen=True)
class CommentSummary:
    comment_id: int | None  # None in the older bulk form
    target: str
    text: str


@dataclass(frozen=True)
class AddressSummary:
    comment_id: int | None  # None in the older bulk form, which names the target instead
    target: str
    reply: str


@dataclass(frozen=True)
class RevisionSummary:
    revision: int
    previous_id: int


@dataclass(frozen=True)
class ImportSummary:
    status: str
    replaced: bool  # over the stored assessment, not as a new one
    approver: str = ""  # of a signed approval in the file ("" when there was none)
    signer: str = ""  # the name the signing key is listed under (or ``OWN_KEY``)
    key_id: str = ""  # the signing key's short id


@dataclass(frozen=True)
class DeleteSummary:
    status: str


class Replaced(StrEnum):
    """What a restore replaced, when its log's entries could not be counted."""

    LOG = "log"  # a log with ``entries`` entries, the newest hashed ``head``
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    NOTHING = "nothing"  # there was no register before


@dataclass(frozen=True)
class RestoreSummary:
    """Written by ``restore_summary``."""

    backup: str
    taken: str  # ISO time, as stored
    replaced: Replaced
    entries: int
    head: str
    kept: str  # the replaced register's file name in the backup folder, or ""


Summary = (
    StatusSummary | CommentSummary | AddressSummary | RevisionSummary | ImportSummary
    | DeleteSummary | RestoreSummary
)  # fmt: skip

_STATUS = re.compile(
    r"^(?P<old>[\w-]+) -> (?P<new>\w+)(?: \(fingerprint (?P<fingerprint>[0-9a-f-]+)\))?"
    r"(?:: (?P<comment>.*))?$",
    re.DOTALL,
)
_COMMENT = re.compile(r"^comment(?: (?P<id>\d+))? on (?P<target>\S+?): (?P<text>.*)$", re.DOTALL)
_ADDRESS = re.compile(
    r"^comment(?: (?P<id>\d+))?(?: on (?P<target>\S+))? addressed(?:: (?P<reply>.*))?$",
    re.DOTALL,
)
_REVISION = re.compile(r"^revision (?P<revision>\d+) of assessment (?P<previous>\d+)$")
_IMPORT = re.compile(r"^imported (?P<how>as new|over the stored one) \((?P<status>\w+)\)")
_SIGNED = re.compile(
    r"; the approval by (?P<actor>.+) is signed by the key of (?P<signer>.+?)"
    r"(?: \(key (?P<key>[0-9a-f]+)\))?$"
)
_DELETED = re.compile(r"^deleted \((?P<status>\w+)\)$")
_RESTORED = re.compile(
    r"^restored backup (?P<backup>.+) \((?P<taken>[^()]+)\); (?:the log it replaced had "
    r"(?P<entries>\d+) entries, newest hash (?P<head>[0-9a-f]+)|(?P<replaced>the log it "
    r"replaced was empty|the log it replaced could not be read|there was no register before))"
    r"(?:; kept as (?P<kept>.+))?$",
    re.DOTALL,
)
_REPLACED = {
    "the log it replaced was empty": Replaced.EMPTY,
    "the log it replaced could not be read": Replaced.UNREADABLE,
    "there was no register before": Replaced.NOTHING,
}


def _id(text: str | None) -> int | None:
    return int(text) if text else None


def read_summary(action: AuditAction, summary: str) -> Summary | None:
    """What a summary written by the builders above says; None for a form this version
    does not know (a reader then shows it as stored) and for those with nothing to say."""
    if action is AuditAction.STATUS and (found := _STATUS.match(summary)):
        old = "" if found["old"] == "-" else found["old"]
        return StatusSummary(old, found["new"], found["fingerprint"] or "", found["comment"] or "")
    if action is AuditAction.COMMENT and (found := _COMMENT.match(summary)):
        return CommentSummary(_id(found["id"]), found["target"], found["text"])
    if action is AuditAction.ADDRESS and (found := _ADDRESS.match(summary)):
        if found["id"] is None and found["target"] is None:
            return None
        return AddressSummary(_id(found["id"]), found["target"] or "", found["reply"] or "")
    if action is AuditAction.NEW_REVISION and (found := _REVISION.match(summary)):
        return RevisionSummary(int(found["revision"]), int(found["previous"]))
    if action is AuditAction.IMPORT and (found := _IMPORT.match(summary)):
        signed = _SIGNED.search(summary)
        return ImportSummary(
            found["status"],
            found["how"] != "as new",
            signed["actor"] if signed else "",
            signed["signer"] if signed else "",
            (signed["key"] or "") if signed else "",
        )
    if action is AuditAction.DELETE and (found := _DELETED.match(summary)):
        return DeleteSummary(found["status"])
    if action is AuditAction.RESTORE and (found := _RESTORED.match(summary)):
        entries = found["entries"]
        return RestoreSummary(
            found["backup"], found["taken"],
            Replaced.LOG if entries is not None else _REPLACED[found["replaced"]],
            int(entries or 0), found["head"] or "", found["kept"] or "",
        )  # fmt: skip
    return None
