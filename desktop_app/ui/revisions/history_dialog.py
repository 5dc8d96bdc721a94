"""The history of one assessment from the audit log: every save, status change,
comment and import, with who and when, and whether the log is intact.

The log is hash-chained; the line at the top says whether the whole chain verifies,
so a reader knows whether the history can be trusted. Checking the chain reads the whole
log (seconds on a register of 100,000 assessments), so given a runner it is done on a
worker thread with a connection of its own while the history is already shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.domain.audit import AuditEntry, ChainReport
from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.widgets import text_box, wrapped_label
from desktop_app.ui.field_names import FieldNames
from desktop_app.ui.literal_text import literal
from desktop_app.ui.register.paged_model import Runner
from desktop_app.ui.revisions.history_model import (
    ACTION,
    WHAT,
    WHEN,
    WHO,
    HistoryLine,
    HistoryModel,
)
from desktop_app.ui.screen_fit import fit_to_screen


class HistoryDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        assessment: Assessment,
        entries: Sequence[AuditEntry],
        chain: ChainReport | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        title = assessment.decision.title or self.tr("Untitled assessment")
        self.setWindowTitle(
            self.tr("History – %1, revision %2")
            .replace("%1", title)
            .replace("%2", str(assessment.revision))
        )
        self.model = HistoryModel(FieldNames.for_assessments(context, [assessment]), entries)

        self.chain = wrapped_label("")
        self.chain.setAccessibleName(self.tr("Whether the audit log is intact"))
        self.chain.setStyleSheet("border: 1px solid palette(mid); padding: 6px;")
        self.chain.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.chain_ok: bool | None = None
        self.set_chain(chain)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("History"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (WHEN, WHO, ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.details = text_box(self.tr("The selected entry in full"), 6)
        self.details.setReadOnly(True)
        details_label = QLabel(self.tr("The selected &entry in full:"))
        details_label.setBuddy(self.details)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(details_label)
        lower_layout.addWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)

        self.empty = wrapped_label(self.tr("Nothing has been recorded for this assessment yet."))
        self.empty.setVisible(self.model.rowCount() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 600)
        if self.model.rowCount():
            self.table.selectRow(self.model.rowCount() - 1)  # the newest
            self.table.scrollToBottom()

    def set_chain(self, chain: ChainReport | None) -> None:
        """Show whether the log verifies; None while it is being checked."""
        self.chain_ok = None if chain is None else chain.ok
        self.chain.setText(
            self.tr("Checking that the audit log is intact…")
            if chain is None
            else self.chain_text(chain)
        )

    def chain_failed(self, error: BaseException) -> None:
        if not isinstance(error, LikaError):
            raise error
        self.chain_ok = None
        self.chain.setText(
            self.tr("The audit log could not be checked: %1").replace("%1", str(error))
        )

    def chain_text(self, chain: ChainReport) -> str:
        if chain.ok:
            return self.tr(
                "✓ The audit log is intact: all %n entries check out, none was changed or removed.",
                "",
                chain.checked,
            )
        return (
            self.tr(
                "⚠ The audit log has been changed outside Lika: the history from entry %1 "
                "on cannot be trusted."
            ).replace("%1", str(chain.first_broken_id or ""))
            + f" ({chain.problem})"
        )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.details.setPlainText(
            self.entry_text(self.model.line_at(rows[0].row())) if rows else ""
        )

    def entry_text(self, line: HistoryLine) -> str:
        """The whole entry the line belongs to, every changed field on its own line."""
        model, entry = self.model, line.entry
        head = [model.text(line, column, full=True) for column in (WHEN, WHO, ACTION)]
        body = [model.change_text(change) for change in entry.changes] or [
            model.summary_text(entry)
        ]
        return "\n".join([" · ".join(head), *[text for text in body if text]])


def open_history(
    parent: QWidget, context: UiContext, assessment_id: int, runner: Runner | None = None
) -> HistoryDialog | None:
    """Show the history of ``assessment_id`` and whether the audit log verifies (on
    ``runner``'s worker thread if given, else at once)."""
    try:
        service = context.service  # opens the register for writing if nothing has yet
        assessment = service.get(assessment_id)
        entries = service.review.history(assessment_id)
        chain = service.review.verify_audit() if runner is None else None
    except LikaError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("HistoryDialog", "The history cannot be shown"),
            literal(str(error)),
        )
        return None
    dialog = HistoryDialog(context, assessment, entries, chain, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    if runner is not None:
        check = service.review.audit_check()

        def shown(report: ChainReport) -> None:
            if isValid(dialog):  # not closed meanwhile
                dialog.set_chain(report)

        def failed(error: BaseException) -> None:
            if isValid(dialog):
                dialog.chain_failed(error)

        runner.run(lambda _progress: check(), shown, failed)
    return dialog
