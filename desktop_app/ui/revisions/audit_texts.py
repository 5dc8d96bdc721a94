"""The audit log's summaries in the window's language.

The log stores a short English summary per entry (``draft -> in_review``, ``comment 3
on ground:age: …``), written for the command line and for anyone reading the database.
The history view reads the known forms and says them in the window's language; a form it
does not know is shown as stored, so nothing is ever hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.audit import AuditAction, AuditEntry
from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Status
from desktop_app.domain.review import CommentTarget, CommentTargetKind
from desktop_app.ui.revisions.field_names import FieldNames

_STATUS = re.compile(
    r"^(?P<old>[\w-]+) -> (?P<new>\w+)(?: \(fingerprint (?P<fingerprint>[0-9a-f-]+)\))?"
    r"(?:: (?P<comment>.*))?$",
    re.DOTALL,
)
_COMMENT = re.compile(r"^comment \d+ on (?P<target>\S+?): (?P<text>.*)$", re.DOTALL)
_ADDRESS = re.compile(r"^comment (?P<id>\d+) addressed(?:: (?P<reply>.*))?$", re.DOTALL)
_REVISION = re.compile(r"^revision (?P<revision>\d+) of assessment (?P<previous>\d+)$")
_IMPORT_NEW = re.compile(r"^imported as new \((?P<status>\w+)\)$")
_IMPORT_OVER = re.compile(r"^imported over the stored one \((?P<status>\w+)\)")
_DELETED = re.compile(r"^deleted \((?P<status>\w+)\)$")
_RESTORED = re.compile(
    r"^restored backup (?P<backup>.+) \((?P<taken>[^()]+)\); (?:the log it replaced had "
    r"(?P<entries>\d+) entries, newest hash (?P<head>[0-9a-f]+)|(?P<replaced>the log it "
    r"replaced was empty|the log it replaced could not be read|there was no register before))"
    r"(?:; kept as (?P<kept>.+))?$",
    re.DOTALL,
)


class AuditTexts:
    def __init__(self, names: FieldNames) -> None:
        self.names = names
        self._readers: dict[AuditAction, Callable[[str], str | None]] = {
            AuditAction.STATUS: self._status_change,
            AuditAction.COMMENT: self._comment,
            AuditAction.ADDRESS: self._addressed,
            AuditAction.NEW_REVISION: self._new_revision,
            AuditAction.IMPORT: self._imported,
            AuditAction.DELETE: self._deleted,
            AuditAction.RESTORE: self._restored,
        }

    def summary(self, entry: AuditEntry) -> str:
        if entry.action is AuditAction.CREATE and entry.summary == "created":
            return ""  # the action's name says it all
        reader = self._readers.get(entry.action)
        text = reader(entry.summary) if reader is not None else None
        return entry.summary if text is None else text

    def status(self, value: str) -> str:
        try:
            return self.names.context.label(Status(value))
        except ValueError:
            return value

    def _status_change(self, summary: str) -> str | None:
        found = _STATUS.match(summary)
        if found is None:
            return None
        old, new = found["old"], found["new"]
        text = self.status(new) if old == "-" else f"{self.status(old)} → {self.status(new)}"
        if found["fingerprint"]:
            text += ", " + QCoreApplication.translate("AuditTexts", "fingerprint %1").replace(
                "%1", found["fingerprint"]
            )
        if found["comment"]:
            text += ": " + _quoted(found["comment"])
        return text

    def target(self, text: str) -> str:
        """What a comment is about: a step's title, a ground or a measure."""
        try:
            target = CommentTarget.parse(text)
        except InputError:
            return text
        if target.kind is CommentTargetKind.STEP:
            return self.names.section(target.key)
        if target.kind is CommentTargetKind.GROUND:
            return self.names.ground(target.key)
        return self.names.measure(target.key)

    def _comment(self, summary: str) -> str | None:
        found = _COMMENT.match(summary)
        if found is None:
            return None
        return f"{self.target(found['target'])}: {_quoted(found['text'])}"

    def _addressed(self, summary: str) -> str | None:
        found = _ADDRESS.match(summary)
        if found is None:
            return None
        text = QCoreApplication.translate("AuditTexts", "Comment %1").replace("%1", found["id"])
        return f"{text}: {_quoted(found['reply'])}" if found["reply"] else text

    def _new_revision(self, summary: str) -> str | None:
        found = _REVISION.match(summary)
        if found is None:
            return None
        return (
            QCoreApplication.translate("AuditTexts", "Revision %1, a copy of assessment %2")
            .replace("%1", found["revision"])
            .replace("%2", found["previous"])
        )

    def _imported(self, summary: str) -> str | None:
        found = _IMPORT_NEW.match(summary)
        if found is not None:
            return QCoreApplication.translate("AuditTexts", "As a new assessment (%1)").replace(
                "%1", self.status(found["status"])
            )
        found = _IMPORT_OVER.match(summary)
        if found is not None:
            return QCoreApplication.translate(
                "AuditTexts", "Over the stored assessment (%1)"
            ).replace("%1", self.status(found["status"]))
        return None

    def _deleted(self, summary: str) -> str | None:
        found = _DELETED.match(summary)
        if found is None:
            return None
        return QCoreApplication.translate("AuditTexts", "It was: %1").replace(
            "%1", self.status(found["status"])
        )

    def _restored(self, summary: str) -> str | None:
        """The backup, when it was made, and what the log lost: the entries the replaced
        log had and its newest hash, so they can be found in the kept file."""
        found = _RESTORED.match(summary)
        if found is None:
            return None
        try:
            taken = self.names.context.short_date(datetime.fromisoformat(found["taken"]))
        except ValueError:
            taken = found["taken"]
        texts = [
            QCoreApplication.translate("AuditTexts", "Backup %1, made %2.")
            .replace("%1", found["backup"])
            .replace("%2", taken)
        ]
        replaced = found["replaced"] or ""
        if found["entries"] is not None:
            # No plural form: lupdate does not see a count in QCoreApplication.translate.
            had = QCoreApplication.translate(
                "AuditTexts", "Entries in the audit log it replaced: %1; hash of the newest: %2."
            )
            texts.append(had.replace("%1", found["entries"]).replace("%2", found["head"]))
        elif replaced.endswith("was empty"):
            texts.append(
                QCoreApplication.translate("AuditTexts", "The audit log it replaced was empty.")
            )
        elif replaced.endswith("could not be read"):
            texts.append(
                QCoreApplication.translate(
                    "AuditTexts", "The audit log it replaced could not be read."
                )
            )
        else:
            texts.append(
                QCoreApplication.translate("AuditTexts", "There was no register here before.")
            )
        if found["kept"]:
            texts.append(
                QCoreApplication.translate(
                    "AuditTexts", "The replaced register is kept in the backup folder as %1."
                ).replace("%1", found["kept"])
            )
        return " ".join(texts)


def _quoted(text: str) -> str:
    """Quotation marks as each language writes them: ”…” in Swedish, «…» in Norwegian."""
    return QCoreApplication.translate("AuditTexts", "“%1”").replace("%1", text)
