"""The editor window: steps and grounds on the left with what is left to do, the page
in the middle, guidance for the focused field on the right.

Pages are built when first shown; every edit is an undoable command and is saved by
the document shortly after typing stops; pending edits are written when the window
closes. Menus, shortcuts and the submit flow live in ``editor_actions``.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.edits import FieldPath
from desktop_app.domain.model import Assessment
from desktop_app.domain.workflow import Lock
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor import editor_actions
from desktop_app.ui.editor.conclusion_page import ConclusionPage
from desktop_app.ui.editor.decision_page import DecisionPage
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.gaps_panel import GapsPanel
from desktop_app.ui.editor.ground_page import GroundPage
from desktop_app.ui.editor.guidance_pane import GuidancePane
from desktop_app.ui.editor.kept_answers import KeptPage
from desktop_app.ui.editor.measures_page import MeasuresPage
from desktop_app.ui.editor.memo_page import MemoPage
from desktop_app.ui.editor.navigation import NavigationTree, PageKey
from desktop_app.ui.editor.pane_actions import PaneActions
from desktop_app.ui.editor.path_names import PathNames
from desktop_app.ui.editor.save_feedback import install_save_feedback
from desktop_app.ui.editor.screening_page import ScreeningPage
from desktop_app.ui.editor.suggestions import Suggestions
from desktop_app.ui.editor.widgets import (
    assign_mnemonics,
    make_read_only,
    mnemonic_letter,
    scrolling,
    wrapped_label,
)
from desktop_app.ui.export_pdf import install_pdf_export
from desktop_app.ui.help_menu import install_help_menu
from desktop_app.ui.literal_text import literal
from desktop_app.ui.review.editor_comments import CommentCard, CommentsBar
from desktop_app.ui.revisions.editor_hooks import for_editor as revision_actions_for
from desktop_app.ui.screen_fit import fit_to_screen

KEPT_PAGE: PageKey = ("extra", "kept")
MEMO_PAGE: PageKey = ("extra", "memo")


class EditorWindow(QMainWindow):
    closed = Signal(int)
    assessmentSaved = Signal(int)

    def __init__(
        self, context: UiContext, assessment: Assessment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = AssessmentDocument(context.service, assessment, self)
        self.document.describe = PathNames(context, self.document).describe
        self.suggestions = Suggestions(context, self.document)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._pages: dict[PageKey, QWidget] = {}
        self._containers: dict[PageKey, QWidget] = {}

        self.navigation = NavigationTree(context)
        legend = wrapped_label(
            self.tr("✓ done   ! something is missing   – not relevant"), muted=True
        )
        nav_box = QWidget()
        nav_layout = QVBoxLayout(nav_box)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.addWidget(self.navigation, 1)
        nav_layout.addWidget(legend)
        self.gaps = GapsPanel(context, self.document)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(nav_box)
        left.addWidget(self.gaps)
        left.setSizes([420, 260])
        self.stack = QStackedWidget()
        # Review comments about the current page, above it (and the return note).
        self.review_comments = CommentsBar(context, self.document)
        page_area = QWidget()
        page_layout = QVBoxLayout(page_area)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.review_comments)
        page_layout.addWidget(self.stack, 1)
        self.guidance = GuidancePane()
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        for index, widget in enumerate((left, page_area, self.guidance)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, 1 if widget is page_area else 0)
        splitter.setSizes([300, 560, 300])
        self.splitter = splitter
        self.banner = wrapped_label("")
        self.banner.setStyleSheet("border: 1px solid palette(mid); padding: 6px;")
        self.banner.setAccessibleName(self.tr("About this assessment"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.pdf_export = install_pdf_export(self, context, self.document)
        self.commands = editor_actions.EditorActions(self)
        self.revision_actions = revision_actions_for(self)
        self.panes = PaneActions(self, context.settings)
        self.help_menu = install_help_menu(self, context.language, context.service.register_path)

        self.document.gapsChanged.connect(self._update_states)
        self.document.saved.connect(self._on_saved)
        self.document.undo_stack.indexChanged.connect(self._unsaved)
        self.document.saveFailed.connect(self._on_save_failed)
        install_save_feedback(self, context, self.document)
        self.document.checklistsChanged.connect(self.rebuild)
        self.document.statusChanged.connect(self._on_status_changed)
        self.document.revealRequested.connect(self.go_to_field)
        self.gaps.gapActivated.connect(lambda gap: self.go_to_field(gap.path))
        self.review_comments.tab_after = self.gaps.list
        self.review_comments.countsChanged.connect(self._update_states)
        self.review_comments.measureRequested.connect(
            lambda uid: self.go_to_field(("measure", uid, "description"))
        )
        self.review_comments.reload()
        self.navigation.currentItemChanged.connect(self._on_navigate)
        self.rebuild()
        self._update_title()
        fit_to_screen(self, 1200, 800)
        self.panes.share_width()
        self.focus_page()  # typing can start at once

    # Pages

    def rebuild(self) -> None:
        """(Re)build navigation and pages, e.g. after modules were switched on or off."""
        current = self.navigation.current_key() or ("step", "decision")
        for container in self._containers.values():
            self.stack.removeWidget(container)
            container.deleteLater()
        self._pages.clear()
        self._containers.clear()
        extra = []
        if self.document.kept:
            extra.append(("grounds", KEPT_PAGE, self.tr("No longer in the checklist")))
        extra.append(("conclusion", MEMO_PAGE, self.tr("Text for the decision memo")))
        with QSignalBlocker(self.navigation):
            self.navigation.build(self.context.content.steps, self.document.checklists, extra)
        if not self.navigation.has(current):
            current = ("step", "grounds")
        self.navigation.setCurrentItem(self.navigation.item(current))
        self._on_navigate(self.navigation.item(current), None)
        self._update_states()
        self._update_banner()
        self.commands.update()

    def page(self, key: PageKey) -> QWidget:
        """The page for a step, ground or extra item, built on first use."""
        if key not in self._pages:
            page = self._make_page(key)
            assign_mnemonics(page, self.reserved_mnemonics())
            if self.document.read_only:
                make_read_only(page)
            container = scrolling(page)
            self._pages[key] = page
            self._containers[key] = container
            self.stack.addWidget(container)
            # A new page joins the end of Tab's chain; guidance goes back to the end, so
            # Tab runs left to right: steps, what is left, the page, guidance.
            last = self.previousInFocusChain()
            if last is not None and last is not self.guidance.browser:
                QWidget.setTabOrder(last, self.guidance.browser)
        return self._pages[key]

    def _make_page(self, key: PageKey) -> QWidget:
        kind, name = key
        context, document = self.context, self.document
        if kind == "ground":
            ground = next(g for c in document.checklists for g in c.grounds if g.key == name)
            return GroundPage(context, document, ground, self.suggestions)
        if key == KEPT_PAGE:
            return KeptPage(context, document)
        if key == MEMO_PAGE:
            return MemoPage(context, document)
        if name == "decision":
            return DecisionPage(context, document)
        if name == "measures":
            return MeasuresPage(context, document)
        if name == "conclusion":
            return ConclusionPage(context, document)
        screening = ScreeningPage(context, document, self.suggestions)
        screening.openGround.connect(self._open_ground)
        return screening

    def reserved_mnemonics(self) -> set[str]:
        """Alt+letters the window itself uses (menus, panes), which pages must not take."""
        letters = {mnemonic_letter(a.text()) for a in self.menuBar().actions()}
        for label in (self.gaps.heading, self.guidance.title):
            letters.add(mnemonic_letter(label.text()))
        letters.update(mnemonic_letter(text) for text in CommentCard.button_texts())
        return {letter for letter in letters if letter}

    def show_page(self, key: PageKey) -> QWidget:
        self.navigation.setCurrentItem(self.navigation.item(key))
        return self.page(key)

    def current_page(self) -> QWidget | None:
        key = self.navigation.current_key()
        return self._pages.get(key) if key is not None else None

    def focus_page(self) -> None:
        """Put focus on the first field of the current page."""
        page = self.current_page()
        if page is None:
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisibleTo(page)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        page.setFocus()

    def _open_ground(self, key: str) -> None:
        self.show_page(("ground", key))
        self.focus_page()

    def _on_navigate(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(0, Qt.ItemDataRole.UserRole)
        page = self.page(key)
        self.stack.setCurrentWidget(self._containers[key])
        self.review_comments.show_for(key)
        self.guidance.show_for(page)

    def step_page(self, offset: int) -> None:
        """Go to the next (+1) or previous (-1) page in the navigation's order."""
        keys = list(self.navigation.page_keys())
        current = self.navigation.current_key()
        index = keys.index(current) if current in keys else 0
        target = index + offset
        if 0 <= target < len(keys):
            self.show_page(keys[target])
            self.focus_page()

    def page_key_for(self, path: FieldPath) -> PageKey | None:
        match path:
            case ("decision", _) | ("assessment", _):
                return ("step", "decision")
            case ("ground", key, _):
                return ("ground", key)
            case ("answer", question_id, _):
                return ("ground", question_id.split(".")[0])
            case ("measure", _, _):
                return ("step", "measures")
            case ("conclusion", _):
                return ("step", "conclusion")
            case ("statistics", uid):
                tables = self.document.assessment.statistics
                target = next((t.target for t in tables if t.uid == uid), None)
                if target is not None:
                    return ("ground", target) if target else ("step", "decision")
        return None

    def go_to_field(self, path: FieldPath) -> QWidget | None:
        """Show the page that holds ``path`` and put focus on its widget."""
        key = self.page_key_for(path)
        if key is None or not self.navigation.has(key):
            return None
        page = self.show_page(key)
        if isinstance(page, MeasuresPage) and path[0] == "measure":
            page.select_measure(path[1])
        if path[0] == "statistics":
            editors = page.statistics.editors if hasattr(page, "statistics") else {}
            widget = editors[path[1]].grid if path[1] in editors else None
        else:
            binder = getattr(page, "binder", None)
            widget = binder.widget_for(path) if binder is not None else None
        if widget is None:
            self.focus_page()
            return None
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        container = self._containers[key]
        if isinstance(container, QScrollArea):
            QTimer.singleShot(0, lambda: container.ensureWidgetVisible(widget))
        return widget

    # States, banner, status

    def _update_states(self) -> None:
        counts = self.review_comments.open_counts()
        self.navigation.set_comment_counts(counts)
        self.gaps.set_open_comments(sum(counts.values()))
        self.navigation.update_states(self.document.assessment, self.document.gaps)

    def _update_banner(self) -> None:
        notes = []
        locked = self.document.lock
        if locked is Lock.IN_REVIEW:
            notes.append(
                self.tr(
                    "In review: this assessment has been submitted and is read-only "
                    "while it is reviewed."
                )
            )
        elif locked is Lock.APPROVED:
            notes.append(self.tr("Approved: this assessment is locked and read-only."))
        framework = self.document.checklists[0]
        made_with = self.document.assessment.framework_version
        if made_with != framework.version:
            notes.append(
                self.tr(
                    "Made with %1 version %2; the current version is %3. Answers to "
                    "questions that are no longer in the checklist are kept and shown as such."
                )
                .replace("%1", self.context.local(framework.name))
                .replace("%2", made_with)
                .replace("%3", framework.version)
            )
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    def _on_status_changed(self) -> None:
        self.rebuild()
        self.statusBar().showMessage(self.context.label(self.document.assessment.status))

    def _update_title(self) -> None:
        title = self.document.assessment.decision.title or self.tr("Untitled assessment")
        self.setWindowTitle(f"{title} – Lika")

    def _on_saved(self) -> None:
        self._update_title()
        # Stays until the next edit, rather than flashing past.
        self.statusBar().showMessage(self.tr("All changes saved"))
        if self.document.assessment.id is not None:
            self.assessmentSaved.emit(self.document.assessment.id)

    def _unsaved(self, _index: int = 0) -> None:
        if self.statusBar().currentMessage() == self.tr("All changes saved"):
            self.statusBar().clearMessage()

    def _on_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Not saved"))
        QMessageBox.warning(self, self.tr("Changes not saved"), literal(message))

    # Export and closing

    def export_pdf(self) -> None:
        self.pdf_export.ask()

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
