"""The "what is left" list: every required thing still missing, in the order of the
steps, then the remarks (marked, not required): statistics tables that do not check,
then dates that make no sense. Activating an entry (Enter or
double-click) jumps to the field. Rows are rebuilt when a measure is renamed, so
they never name a measure by what was typed first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QLabel, QListView, QStyle, QVBoxLayout, QWidget

from desktop_app.domain.completeness import Gap
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import wrapped_label
from desktop_app.ui.field_names import numbered_measure

Index = QModelIndex | QPersistentModelIndex
GAP_ROLE = Qt.ItemDataRole.UserRole


class GapsModel(QAbstractListModel):
    def __init__(self, context: UiContext, document: AssessmentDocument) -> None:
        super().__init__()
        self.context = context
        self.document = document
        self._gaps: list[Gap] = []
        self._key: tuple[object, ...] = ()
        self._reset()
        document.gapsChanged.connect(self._reset)
        document.checklistsChanged.connect(self._reset)
        document.measuresChanged.connect(self._reset)
        document.valueChanged.connect(self._reset)

    def _reset(self) -> None:
        rows = [*self.document.gaps, *self.document.warnings]
        names = tuple(m.description for m in self.document.assessment.measures)
        if (rows, names) == self._key:
            return
        self.beginResetModel()
        self._gaps, self._key = rows, (rows, names)
        self.endResetModel()

    def gap(self, row: int) -> Gap:
        return self._gaps[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._gaps)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        gap = self._gaps[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self.where(gap)}: {self.context.term(f'gap.{gap.code}')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.context.term(f"gap.{gap.code}")
        if role == Qt.ItemDataRole.DecorationRole and gap.warning:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == GAP_ROLE:
            return gap
        return None

    def where(self, gap: Gap) -> str:
        """The step, ground or measure a gap belongs to, as the user sees it."""
        if gap.ground_key is not None:
            for checklist in self.document.checklists:
                for ground in checklist.grounds:
                    if ground.key == gap.ground_key:
                        return ground.label(self.context.language)
        if gap.measure_uid is not None:
            measures = self.document.assessment.measures
            for number, measure in enumerate(measures, start=1):
                if measure.uid == gap.measure_uid:
                    return numbered_measure(number, measure.description)
        return self.context.local(self.context.content.step(gap.step).title)


class GapsPanel(QWidget):
    """A heading, the list, and a line that says when nothing is left."""

    gapActivated = Signal(object)

    def __init__(
        self, context: UiContext, document: AssessmentDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.model = GapsModel(context, document)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("What is left"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        # Wrapped rows are measured again when the width changes, or they overlap.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(self._on_activated)
        self.heading = QLabel()
        self.heading.setBuddy(self.list)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.done = wrapped_label("")
        # Not required, but a reader must see that questions were skipped.
        self.questions = wrapped_label("")
        self._open_comments = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.done)
        layout.addWidget(self.questions)
        document.gapsChanged.connect(self._update)
        self._update()

    def set_open_comments(self, count: int) -> None:
        """Review comments not yet marked as addressed: the service refuses a new
        submission while there are any, so the panel must not say it is ready."""
        self._open_comments = count
        self._update()

    def _update(self) -> None:
        count = len(self.document.gaps)
        self.heading.setText(self.tr("What is &left (%n)", "", count))
        if self._open_comments:
            self.done.setText(
                self.tr(
                    "Nothing required is missing, but %n review comment(s) must be marked "
                    "as addressed before the assessment can be submitted again.",
                    "",
                    self._open_comments,
                )
            )
        else:
            self.done.setText(
                self.tr("Nothing required is missing: the assessment can be submitted for review.")
            )
        self.done.setVisible(count == 0 and not self.document.read_only)
        self.list.setVisible(self.model.rowCount() > 0)
        questions = self.document.service.question_count(self.document.assessment)
        self.questions.setText(
            self.tr("%1 of %2 checklist questions not answered")
            .replace("%1", str(questions.unanswered))
            .replace("%2", str(questions.total))
        )
        self.questions.setVisible(questions.unanswered > 0)

    def _on_activated(self, index: QModelIndex) -> None:
        self.gapActivated.emit(self.model.gap(index.row()))
