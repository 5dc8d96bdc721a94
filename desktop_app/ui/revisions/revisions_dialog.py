"""Every revision of one decision: open any of them (earlier ones are read-only) or
compare two.

The register lists only the newest revision of each decision; this is the way to the
earlier ones. Opening goes through the main window (``openRequested``), so a
revision that is already open in an editor is brought forward rather than opened twice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.widgets import wrapped_label
from desktop_app.ui.literal_text import literal
from desktop_app.ui.revisions.compare_view import CompareDialog, open_comparison
from desktop_app.ui.revisions.revisions_model import RevisionInfo, RevisionsModel
from desktop_app.ui.screen_fit import fit_to_screen


class RevisionsDialog(QDialog):
    openRequested = Signal(int)  # assessment id of the revision to open

    def __init__(
        self,
        context: UiContext,
        assessment: Assessment,
        revisions: list[RevisionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.series_uid = assessment.series_uid
        self.comparison: CompareDialog | None = None
        title = assessment.decision.title or self.tr("Untitled assessment")
        self.setWindowTitle(self.tr("Revisions – %1").replace("%1", title))
        self.model = RevisionsModel(context, revisions)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Revisions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        hint = wrapped_label(
            self.tr(
                "Earlier revisions open read-only. Select two revisions to compare them, "
                "or one to compare it with the revision before it."
            ),
            muted=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("&Open"))
        self.compare_button = QPushButton(self.tr("Co&mpare"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 320)
        row = self.model.row_of(assessment.id) if assessment.id is not None else None
        self.table.selectRow(row if row is not None else self.model.rowCount() - 1)
        self._update_buttons()

    def selected(self) -> list[RevisionInfo]:
        """The selected revisions, oldest first."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.revision_at(row) for row in rows]

    def _previous_of(self, info: RevisionInfo) -> RevisionInfo | None:
        row = self.model.row_of(info.summary.id)
        return self.model.revision_at(row - 1) if row else None

    def _pair(self) -> tuple[RevisionInfo, RevisionInfo] | None:
        chosen = self.selected()
        if len(chosen) == 2:
            return chosen[0], chosen[1]
        if len(chosen) == 1:
            previous = self._previous_of(chosen[0])
            return (previous, chosen[0]) if previous is not None else None
        return None

    def _update_buttons(self, *_args: object) -> None:
        self.open_button.setEnabled(len(self.selected()) == 1)
        self.compare_button.setEnabled(self._pair() is not None)

    def open_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.openRequested.emit(chosen[0].summary.id)

    def compare_selected(self) -> CompareDialog | None:
        pair = self._pair()
        if pair is None:
            return None
        self.comparison = open_comparison(
            self, self.context, pair[0].summary.id, pair[1].summary.id
        )
        return self.comparison


def open_revisions(
    parent: QWidget, context: UiContext, assessment_id: int
) -> RevisionsDialog | None:
    """Show the revisions of the decision ``assessment_id`` belongs to, or say why not."""
    try:
        service = context.service  # opens the register for writing if nothing has yet
        assessment = service.get(assessment_id)
        revisions = [
            RevisionInfo(summary, approval)
            for summary, approval in service.review.revisions_with_approvals(assessment.series_uid)
        ]
    except LikaError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("RevisionsDialog", "The revisions cannot be shown"),
            literal(str(error)),
        )
        return None
    dialog = RevisionsDialog(context, assessment, revisions, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
