"""Recording the evaluation of a decision (step 4, after its follow-up date)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.followup_service import FollowUpService
from desktop_app.domain.errors import LikaError
from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasuresDone
from desktop_app.domain.model import Assessment, MeasureStatus
from desktop_app.ui.context import UiContext
from desktop_app.ui.date_field import DateField, date_field
from desktop_app.ui.editor.widgets import scrolling
from desktop_app.ui.literal_text import literal
from desktop_app.ui.screen_fit import fit_to_screen
from desktop_app.ui.typography import make_heading

MEASURE_COLUMNS = 4  # description, owner, status, note


class EvaluationDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        followups: FollowUpService,
        assessment: Assessment,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.followups = followups
        self.assessment = assessment
        self.draft = followups.draft(assessment)
        self.saved: Evaluation | None = None
        c = context
        self.setWindowTitle(self.tr("Evaluate the decision"))

        def label(name: str) -> str:
            return c.field(("evaluation", name))

        heading = QLabel(f"{assessment.decision.title} ({assessment.decision.case_number})")
        make_heading(heading)
        heading.setWordWrap(True)
        answered = self.draft.followup_date
        intro = QLabel(
            self.tr("Follow-up date: %1").replace("%1", c.short_date(answered))
            if answered
            else self.tr("No follow-up date was set.")
        )
        today = followups.today()
        self.evaluated_on = date_field(c.language, today, label("evaluated_on"))
        self.evaluator = QLabel(self.draft.evaluator)
        self.what_happened = QPlainTextEdit()
        self.what_happened.setAccessibleName(label("what_happened"))
        self.what_happened.setTabChangesFocus(True)
        lines = self.what_happened.fontMetrics().lineSpacing()
        self.what_happened.setMinimumHeight(4 * lines)
        self.what_happened.setMaximumHeight(10 * lines)
        self.measures = self._measures_table()
        self.impact = QComboBox()
        self.impact.setAccessibleName(label("impact"))
        for value in ImpactAsExpected:
            self.impact.addItem(c.label(value), value)
        self.impact.setCurrentIndex(self.impact.findData(self.draft.impact.value))
        self.impact_note = QLineEdit()
        self.impact_note.setAccessibleName(label("impact_note"))
        self.again = QCheckBox(label("next_followup"))
        self.next_followup = date_field(
            c.language, today + timedelta(days=365), label("next_followup")
        )
        self.next_followup.setEnabled(False)
        self.again.toggled.connect(self.next_followup.setEnabled)

        form = QFormLayout()
        form.addRow(label("evaluated_on"), self.evaluated_on.row)
        form.addRow(label("evaluator"), self.evaluator)
        form.addRow(label("what_happened"), self.what_happened)
        if self.draft.measures:
            form.addRow(label("measures"), self.measures)
        else:
            form.addRow(label("measures"), QLabel(c.label(MeasuresDone.NO_MEASURES)))
        form.addRow(label("impact"), self.impact)
        form.addRow(label("impact_note"), self.impact_note)
        form.addRow(self.again, self.next_followup.row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # The fields scroll (the buttons stay) when large text meets a small screen.
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(intro)
        history = self._history()
        if history is not None:
            column.addWidget(history)
        column.addLayout(form)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(fields), 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 640)

    def _measures_table(self) -> QTableWidget:
        c = self.context
        table = QTableWidget(len(self.draft.measures), MEASURE_COLUMNS)
        table.setAccessibleName(c.field(("evaluation", "measures")))
        table.setHorizontalHeaderLabels([
            c.field(("measure", "description")), c.field(("measure", "owner")),
            c.field(("measure", "status")), c.field(("evaluation", "note")),
        ])  # fmt: skip
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        owners = {m.uid: m.owner for m in self.assessment.measures}
        for row, result in enumerate(self.draft.measures):
            for column, text in ((0, result.description), (1, owners.get(result.measure_uid, ""))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
            status = QComboBox()
            status.setAccessibleName(self.tr("Status of “%1”").replace("%1", result.description))
            for value in MeasureStatus:
                status.addItem(c.label(value), value)
            status.setCurrentIndex(status.findData(result.status.value))
            table.setCellWidget(row, 2, status)
            table.setItem(row, 3, QTableWidgetItem(result.note))
        return table

    def _history(self) -> QLabel | None:
        earlier = self.followups.evaluations(self.draft.assessment_id)
        if not earlier:
            return None
        c = self.context
        lines = [self.tr("Earlier evaluations:")] + [
            f"• {c.short_date(e.evaluated_on)}, {e.evaluator}: {c.label(e.impact)}; "
            f"{c.label(e.measures_done)}. {e.what_happened}"
            for e in earlier
        ]
        history = QLabel("\n".join(lines))
        history.setWordWrap(True)
        history.setTextFormat(Qt.TextFormat.PlainText)
        return history

    def evaluation(self) -> Evaluation:
        """What the form says, as an evaluation (not yet checked or stored)."""
        results = []
        for row, result in enumerate(self.draft.measures):
            status = self.measures.cellWidget(row, 2)
            assert isinstance(status, QComboBox)
            note = self.measures.item(row, 3)
            results.append(
                replace(
                    result,
                    status=MeasureStatus(status.currentData()),
                    note=note.text() if note else "",
                )
            )
        on = self.evaluated_on.value()
        if on is None:  # ``save`` does not get here with an empty or unreadable field
            raise LikaError(self.tr("Type the date of the evaluation."))
        return replace(
            self.draft,
            evaluated_on=on,
            what_happened=self.what_happened.toPlainText(),
            measures=tuple(results),
            impact=ImpactAsExpected(self.impact.currentData()),
            impact_note=self.impact_note.text(),
            next_followup=self.next_followup.value() if self.again.isChecked() else None,
        )

    def _unreadable(self) -> DateField | None:
        """The first date field whose text is not a date (or is empty where one is
        needed): the evaluation is not saved until it is corrected."""
        fields = [self.evaluated_on] + ([self.next_followup] if self.again.isChecked() else [])
        for field in fields:
            field.commit()
            if field.is_unreadable() or field.value() is None:
                return field
        return None

    def save(self) -> None:
        wrong = self._unreadable()
        if wrong is not None:
            wrong.setFocus()
            QMessageBox.warning(
                self,
                self.tr("The evaluation was not saved"),
                self.tr("“%1” needs a date Lika can read: type it as %2 or %3.")
                .replace("%1", wrong.accessibleName())
                .replace("%2", "2027-03-15")
                .replace("%3", "15.3.2027"),
            )
            return
        try:
            self.saved = self.followups.record(self.evaluation())
        except LikaError as error:
            QMessageBox.warning(self, self.tr("The evaluation was not saved"), literal(str(error)))
            return
        self.accept()
