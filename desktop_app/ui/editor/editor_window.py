"""The editor window: a navigation pane of steps and grounds beside the current page.

Pages are built when first shown; every edit is saved by the document shortly after
typing stops, and pending edits are written when the window closes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_app.domain.completeness import ItemState, ground_state, step_state
from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.conclusion_page import ConclusionPage
from desktop_app.ui.editor.decision_page import DecisionPage
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.ground_page import GroundPage
from desktop_app.ui.editor.measures_page import MeasuresPage
from desktop_app.ui.editor.widgets import scrolling, wrapped_label

STATE_MARKS = {ItemState.DONE: "✓", ItemState.MISSING: "!", ItemState.NOT_RELEVANT: "–"}
PageKey = tuple[str, str]


class EditorWindow(QMainWindow):
    closed = Signal(int)
    assessmentSaved = Signal(int)

    def __init__(
        self, context: UiContext, assessment: Assessment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = AssessmentDocument(context.service, assessment, self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._pages: dict[PageKey, QWidget] = {}
        self._containers: dict[PageKey, QWidget] = {}
        self._items: dict[PageKey, QTreeWidgetItem] = {}
        self._labels: dict[PageKey, str] = {}

        self.navigation = QTreeWidget()
        self.navigation.setHeaderHidden(True)
        self.navigation.setAccessibleName(self.tr("Steps and grounds"))
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        self.setCentralWidget(splitter)
        self._build_navigation()
        self._build_actions()

        self.document.gapsChanged.connect(self._update_states)
        self.document.saved.connect(self._on_saved)
        self.document.saveFailed.connect(self._on_save_failed)
        self.navigation.currentItemChanged.connect(self._on_navigate)
        self.navigation.setCurrentItem(self._items[("step", "decision")])
        self._update_title()
        self._update_states()
        self.resize(1100, 780)
        if self.document.read_only:
            self.statusBar().showMessage(self.tr("Approved: read only"))

    def _build_navigation(self) -> None:
        for step in self.context.content.steps:
            item = self._item(("step", step.key), self.context.local(step.title))
            self.navigation.addTopLevelItem(item)
            if step.key == "grounds":
                for checklist in self.document.checklists:
                    for ground in checklist.grounds:
                        label = ground.label(self.context.language)
                        item.addChild(self._item(("ground", ground.key), label))
                item.setExpanded(True)

    def _item(self, key: PageKey, label: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label])
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        self._items[key] = item
        self._labels[key] = label
        return item

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Assessment"))
        self.export_action = QAction(self.tr("Export &PDF…"), self)
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P))
        self.export_action.triggered.connect(self.export_pdf)
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(close)
        toolbar = self.addToolBar(self.tr("Assessment"))
        toolbar.setObjectName("editor-toolbar")
        toolbar.addAction(self.export_action)

    # Pages

    def page(self, key: PageKey) -> QWidget:
        """The page for a step or ground, built on first use."""
        if key not in self._pages:
            kind, name = key
            context, document = self.context, self.document
            if kind == "ground":
                ground = next(g for c in document.checklists for g in c.grounds if g.key == name)
                page: QWidget = GroundPage(context, document, ground)
            elif name == "decision":
                page = DecisionPage(context, document)
            elif name == "measures":
                page = MeasuresPage(context, document)
            elif name == "conclusion":
                page = ConclusionPage(context, document)
            else:
                page = self._grounds_overview()
            if name != "measures":  # the measures page handles read-only itself
                page.setEnabled(not document.read_only)
            container = page if name == "measures" else scrolling(page)
            self._pages[key] = page
            self._containers[key] = container
            self.stack.addWidget(container)
        return self._pages[key]

    def _grounds_overview(self) -> QWidget:
        step = self.context.content.step("grounds")
        return wrapped_label(self.context.local(step.guidance))

    def show_page(self, key: PageKey) -> QWidget:
        self.navigation.setCurrentItem(self._items[key])
        return self.page(key)

    def _on_navigate(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(0, Qt.ItemDataRole.UserRole)
        self.page(key)
        self.stack.setCurrentWidget(self._containers[key])

    def _update_states(self) -> None:
        gaps = self.document.gaps
        assessment = self.document.assessment
        for (kind, name), item in self._items.items():
            state = (
                ground_state(assessment, name, gaps) if kind == "ground" else step_state(name, gaps)
            )
            item.setText(0, f"{STATE_MARKS[state]} {self._labels[(kind, name)]}")
            item.setToolTip(0, self.context.term(f"state.{state.value}"))
            item.setData(
                0,
                Qt.ItemDataRole.AccessibleDescriptionRole,
                self.context.term(f"state.{state.value}"),
            )

    # Saving and export

    def _update_title(self) -> None:
        title = self.document.assessment.decision.title or self.tr("Untitled assessment")
        self.setWindowTitle(f"{title} – Lika")

    def _on_saved(self) -> None:
        self._update_title()
        self.statusBar().showMessage(self.tr("All changes saved"), 4000)
        if self.document.assessment.id is not None:
            self.assessmentSaved.emit(self.document.assessment.id)

    def _on_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Not saved"))
        QMessageBox.warning(self, self.tr("Changes not saved"), message)

    def export_pdf(self) -> None:
        if not self.document.save_now():
            return
        assessment = self.document.assessment
        suggested = (assessment.decision.case_number or f"lika-{assessment.id}").replace("/", "-")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), f"{suggested}.pdf", self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return
        self.write_pdf(Path(name))

    def write_pdf(self, out: Path) -> bool:
        service = self.context.service
        assessment = self.document.assessment
        try:
            render_summary(
                SummaryInput(
                    assessment=assessment,
                    checklists=self.document.checklists,
                    vocabulary=self.context.content.vocabulary,
                    history=service.repository.status_history(assessment.id or 0),
                    generated=date.today(),
                    language=assessment.language,
                ),
                out,
            )
        except LikaError as error:
            QMessageBox.warning(self, self.tr("PDF not written"), str(error))
            return False
        self.statusBar().showMessage(self.tr("PDF written to %1").replace("%1", str(out)), 8000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.document.save_now():
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr("The last changes could not be saved. Close anyway and lose them?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.document.assessment.id is not None:
            self.closed.emit(self.document.assessment.id)
        event.accept()
