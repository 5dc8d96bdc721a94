"""The audit history of one assessment as a table: when, who, what was done and what
changed (one line per changed field, old → new).

A save that changed three fields is three lines; the time, the person and the action
are written on its first line only, so the table reads like a log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.domain.audit import AuditAction, AuditChange, AuditEntry
from desktop_app.ui.field_names import FieldNames
from desktop_app.ui.list_table_model import Index, ListTableModel
from desktop_app.ui.revisions.audit_texts import AuditTexts
from desktop_app.ui.revisions.revisions_model import person

WHEN, WHO, ACTION, WHAT = range(4)
EMPTY_VALUE = "–"


@dataclass(frozen=True)
class HistoryLine:
    entry: AuditEntry
    change: AuditChange | None
    first: bool  # the entry's first line: time, person and action are shown on it


def learn_measures(names: FieldNames, entries: Sequence[AuditEntry]) -> None:
    """Name measures that were removed since by the description the log kept."""
    for entry in entries:
        for change in entry.changes:
            if len(change.path) == 2 and change.path[0] == "measure":
                names.measures.setdefault(change.path[1], change.old or change.new)


def lines_of(entries: Sequence[AuditEntry]) -> list[HistoryLine]:
    lines: list[HistoryLine] = []
    for entry in entries:
        if not entry.changes:
            lines.append(HistoryLine(entry, None, True))
        for number, change in enumerate(entry.changes):
            lines.append(HistoryLine(entry, change, number == 0))
    return lines


class HistoryModel(ListTableModel[HistoryLine]):
    def __init__(self, names: FieldNames, entries: Sequence[AuditEntry] = ()) -> None:
        super().__init__()
        self.names = names
        self.context = names.context
        self._summaries = AuditTexts(names)
        self.headers = (
            self.tr("When"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("What changed"),
        )
        self._actions = {
            AuditAction.CREATE: self.tr("Created"),
            AuditAction.SAVE: self.tr("Saved"),
            AuditAction.STATUS: self.tr("Status changed"),
            AuditAction.COMMENT: self.tr("Comment added"),
            AuditAction.ADDRESS: self.tr("Comment addressed"),
            AuditAction.IMPORT: self.tr("Imported"),
            AuditAction.NEW_REVISION: self.tr("New revision"),
            AuditAction.DELETE: self.tr("Deleted"),
            AuditAction.RESTORE: self.tr("Backup restored"),
            AuditAction.SEAL: self.tr("Approval record sealed"),
            AuditAction.REPAIR: self.tr("Protection put back"),
        }
        self.set_entries(entries)

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        learn_measures(self.names, entries)
        self._entries = list(entries)
        self._set_rows(lines_of(entries))

    @property
    def entry_count(self) -> int:
        return len(self._entries)

    def line_at(self, row: int) -> HistoryLine:
        return self.row_at(row)

    # Texts

    def action_name(self, action: AuditAction) -> str:
        return self._actions.get(action, str(action))

    def change_text(self, change: AuditChange) -> str:
        names = self.names
        old = names.value(change.path, change.old) or EMPTY_VALUE
        new = names.value(change.path, change.new) or EMPTY_VALUE
        return f"{names.describe(change.path)}: {old} → {new}"

    def summary_text(self, entry: AuditEntry) -> str:
        """What an entry without field changes did, in the window's language."""
        return self._summaries.summary(entry)

    def text(self, line: HistoryLine, column: int, *, full: bool = False) -> str:
        entry = line.entry
        if column == WHAT:
            return self.change_text(line.change) if line.change else self.summary_text(entry)
        if not (line.first or full):
            return ""
        if column == WHEN:
            return self.context.short_date(entry.at)
        if column == WHO:
            return person(entry.actor, entry.os_user)
        return self.action_name(entry.action)

    # Qt

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(self.text(line, index.column()).split())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            # Every line read out in full: a screen reader does not see the line above.
            return self.text(line, index.column(), full=True)
        return None
