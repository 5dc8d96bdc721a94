"""The portfolio report from the main window: choose a period, a unit, a language and
PDF or CSV, then the report is written on a worker with a progress dialog.

The worker opens its own connection to the register (a connection cannot cross
threads) and builds the report with the same use case as ``lika report``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import registers
from desktop_app.app.reporting import portfolio_input, write_portfolio
from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Language
from desktop_app.domain.portfolio import Period
from desktop_app.progress import Progress
from desktop_app.register_location import Location, ServerUrl
from desktop_app.ui.context import UiContext
from desktop_app.ui.date_field import date_field, period_of
from desktop_app.ui.report_task import Opener, ReportTask, Runner, open_in_viewer, shared_runner


class ReportDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
        opener: Opener = open_in_viewer,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner: Runner = runner or shared_runner()
        self.opener = opener
        self.task: ReportTask | None = None
        today = today or date.today()
        self.setWindowTitle(self.tr("Portfolio report"))

        language = context.language
        self.start = date_field(language, date(today.year, 1, 1), self.tr("From"))
        self.end = date_field(language, date(today.year, 12, 31), self.tr("To"))
        # What is wrong with the period, if anything: the report waits until it is right.
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Department or unit"))
        self.unit.addItem(self.tr("All departments and units"), "")
        for unit in context.service.units():
            self.unit.addItem(unit, unit)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the report"))
        for language in Language:
            self.language.addItem(context.label(language), language.value)
        self.language.setCurrentIndex(list(Language).index(context.language))

        self.as_pdf = QRadioButton(self.tr("&PDF, to read and print"))
        self.as_csv = QRadioButton(self.tr("&CSV, one row per assessment and ground"))
        self.as_pdf.setChecked(True)
        formats = QVBoxLayout()
        formats.addWidget(self.as_pdf)
        formats.addWidget(self.as_csv)

        self.open_when_done = QCheckBox(self.tr("&Open the report when it is written"))

        form = QFormLayout()
        # One row each, the full width: what a field says about its date has room to wrap.
        form.addRow(self.tr("&Period (decision date) from:"), self.start.row)
        form.addRow(self.tr("Period &to:"), self.end.row)
        form.addRow("", self.problem)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Format:"), formats)
        form.addRow("", self.open_when_done)
        for field, buddy in ((self.start.row, self.start), (self.end.row, self.end),
                             (self.unit, self.unit), (self.language, self.language)):  # fmt: skip
            label = form.labelForField(field)
            assert isinstance(label, QLabel)
            label.setBuddy(buddy)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("&Create report…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.check_period())
            edit.editingFinished.connect(self.check_period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def period(self) -> Period:
        """The chosen period; ``InputError`` saying what is wrong with it."""
        return period_of(self.start, self.end)

    def check_period(self) -> bool:
        """Whether the period can be used; if not, say why and hold the report back."""
        try:
            self.period()
        except InputError as error:
            # A field that cannot read its text says so itself, just above.
            unreadable = self.start.is_unreadable() or self.end.is_unreadable()
            self.problem.setText("⚠ " + str(error))
            self.problem.setVisible(not unreadable)
            self.create_button.setEnabled(False)
            return False
        self.problem.hide()
        self.create_button.setEnabled(True)
        return True

    def suffix(self) -> str:
        return ".csv" if self.as_csv.isChecked() else ".pdf"

    def suggested_name(self) -> str:
        p = self.period()
        return f"lika-{p.start.isoformat()}-{p.end.isoformat()}{self.suffix()}"

    def choose_file(self) -> None:
        for edit in (self.start, self.end):
            edit.commit()
        if not self.check_period():
            return
        kind = (
            self.tr("CSV files (*.csv)")
            if self.as_csv.isChecked()
            else self.tr("PDF documents (*.pdf)")
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the portfolio report"), self.suggested_name(), kind
        )
        if name:
            self.write(Path(name))

    def write(self, out: Path) -> ReportTask:
        """Write the report to ``out`` (the format's suffix is added if missing)."""
        if out.suffix.lower() != self.suffix():
            out = out.with_name(out.name + self.suffix())
        period = self.period()
        unit = self.unit.currentData() or None
        language = Language(self.language.currentData())
        url = self.context.server_url  # a server register by its full URL, not a file
        where: Location = ServerUrl(url) if url else Path(self.context.service.register_path)
        content = self.context.content
        label = self.tr("Writing the portfolio report…")

        def work(progress: Progress) -> None:
            progress.start(0, label)
            # This thread's own connection, to the register that is there (never a new one).
            repository = registers.open_store(where, create=False)
            try:
                data = portfolio_input(repository, content, period, unit=unit, language=language)
            finally:
                repository.close()
            write_portfolio(data, out, progress)

        # The task belongs to the main window: the dialog closes when the report is done.
        task = ReportTask(
            self.parentWidget() or self,
            self.runner,
            title=self.tr("Portfolio report"),
            cancellable=True,
            opener=self.opener,
        )
        task.finished.connect(lambda _path: self.accept())
        self.task = task
        task.start(work, out, open_when_done=self.open_when_done.isChecked())
        return task
