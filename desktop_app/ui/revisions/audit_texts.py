"""The audit log's summaries in the window's language.

The log stores a short English summary per entry (``draft -> in_review``, ``comment 3
on ground:age: …``), written for the command line and for anyone reading the database.
``domain.audit_summary`` reads what a summary says; this module only says it in the
window's language. A form it does not know is shown as stored, so nothing is hidden.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.audit import AuditAction, AuditEntry
from desktop_app.domain.audit_summary import (
    CREATED,
    OWN_KEY,
    UNVERIFIED_SUFFIX,
    AddressSummary,
    CommentSummary,
    DeleteSummary,
    ImportSummary,
    Replaced,
    RestoreSummary,
    RevisionSummary,
    StatusSummary,
    Summary,
    read_summary,
)
from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import shown
from desktop_app.domain.review import CommentTarget, CommentTargetKind
from desktop_app.ui.field_names import FieldNames


class AuditTexts:
    def __init__(self, names: FieldNames) -> None:
        self.names = names

    def summary(self, entry: AuditEntry) -> str:
        if entry.action is AuditAction.CREATE and entry.summary == CREATED:
            return ""  # the action's name says it all
        if entry.action is AuditAction.IMPORT and entry.summary.endswith(UNVERIFIED_SUFFIX):
            said = read_summary(entry.action, entry.summary)
            shown_text = entry.summary if said is None else self.say(said)
            return (
                shown_text
                + " "
                + QCoreApplication.translate(
                    "AuditTexts", "The approval in the file is unverified: it approves nothing."
                )
            )
        said = read_summary(entry.action, entry.summary)
        return entry.summary if said is None else self.say(said)

    def say(self, said: Summary) -> str:
        """What a summary says, in the window's language."""
        if isinstance(said, StatusSummary):
            return self._status_change(said)
        if isinstance(said, CommentSummary):
            return f"{self.target(said.target)}: {_quoted(said.text)}"
        if isinstance(said, AddressSummary):
            if said.comment_id is None:
                text = self.target(said.target)
            else:
                text = QCoreApplication.translate("AuditTexts", "Comment %1").replace(
                    "%1", str(said.comment_id)
                )
            return f"{text}: {_quoted(said.reply)}" if said.reply else text
        if isinstance(said, RevisionSummary):
            return (
                QCoreApplication.translate("AuditTexts", "Revision %1, a copy of assessment %2")
                .replace("%1", str(said.revision))
                .replace("%2", str(said.previous_id))
            )
        if isinstance(said, ImportSummary):
            text = (
                QCoreApplication.translate("AuditTexts", "Over the stored assessment (%1)")
                if said.replaced
                else QCoreApplication.translate("AuditTexts", "As a new assessment (%1)")
            )
            text = text.replace("%1", self.names.status(said.status))
            if said.signer:
                signed = QCoreApplication.translate(
                    "AuditTexts", "The approval by %1 is signed by the key of %2."
                )
                signer = said.signer
                if signer == OWN_KEY:
                    signer = QCoreApplication.translate("AuditTexts", "the importing user")
                if said.key_id:
                    key = QCoreApplication.translate("AuditTexts", "%1 (key %2)")
                    signer = key.replace("%2", said.key_id).replace("%1", signer)
                text += ". " + signed.replace("%1", said.approver).replace("%2", signer)
            return text
        if isinstance(said, DeleteSummary):
            return QCoreApplication.translate("AuditTexts", "It was: %1").replace(
                "%1", self.names.status(said.status)
            )
        return self._restored(said)

    def _status_change(self, said: StatusSummary) -> str:
        new = self.names.status(said.new)
        text = f"{self.names.status(said.old)} → {new}" if said.old else new
        if said.fingerprint:
            text += ", " + QCoreApplication.translate("AuditTexts", "fingerprint %1").replace(
                "%1", shown(said.fingerprint)
            )
        if said.comment:
            text += ": " + _quoted(said.comment)
        return text

    def _restored(self, said: RestoreSummary) -> str:
        """The backup, when it was made, and what the log lost: the entries the replaced
        log had and its newest hash, so they can be found in the kept file."""
        try:
            taken = self.names.context.short_date(datetime.fromisoformat(said.taken))
        except ValueError:
            taken = said.taken
        texts = [
            QCoreApplication.translate("AuditTexts", "Backup %1, made %2.")
            .replace("%1", said.backup)
            .replace("%2", taken)
        ]
        if said.replaced is Replaced.LOG:
            # No plural form: lupdate does not see a count in QCoreApplication.translate.
            had = QCoreApplication.translate(
                "AuditTexts", "Entries in the audit log it replaced: %1; hash of the newest: %2."
            )
            texts.append(had.replace("%1", str(said.entries)).replace("%2", said.head))
        elif said.replaced is Replaced.EMPTY:
            texts.append(
                QCoreApplication.translate("AuditTexts", "The audit log it replaced was empty.")
            )
        elif said.replaced is Replaced.UNREADABLE:
            texts.append(
                QCoreApplication.translate(
                    "AuditTexts", "The audit log it replaced could not be read."
                )
            )
        else:
            texts.append(
                QCoreApplication.translate("AuditTexts", "There was no register here before.")
            )
        if said.kept:
            texts.append(
                QCoreApplication.translate(
                    "AuditTexts", "The replaced register is kept in the backup folder as %1."
                ).replace("%1", said.kept)
            )
        return " ".join(texts)

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


def _quoted(text: str) -> str:
    """Quotation marks as each language writes them: ”…” in Swedish, «…» in Norwegian."""
    return QCoreApplication.translate("AuditTexts", "“%1”").replace("%1", text)
