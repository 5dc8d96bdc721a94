"""The main window: the register (list, follow-up, overview) and the way into each
assessment. The tabs live in ``ui/register`` and the assessments' own windows in
``assessment_windows``; this window wires them to the actions and the evaluation dialog.

The window is shown before the register is opened for writing (``ui/app.py``): with the
list's first page from a first look (``show_list``), or saying which register it is
opening; ``attach`` then fills it in. So that it can appear at once, this module imports
a few Qt classes and no domain model; the register's widgets and services are imported
by ``show_list``, ``attach`` and the methods that need them, and ``QMessageBox`` where a
message is shown (setting up its type and enums is about 1 ms). Even PySide6's ``Qt``
namespace is left alone until the first page is on the screen: building its enums takes
about 11 ms (``ui/shortcuts.py``, ``ui/register/table_model.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from desktop_app.domain.errors import LikaError
from desktop_app.ui.literal_text import literal
from desktop_app.ui.opening_page import OpeningPage
from desktop_app.ui.screen_fit import fit_to_screen
from desktop_app.ui.shortcuts import set_shortcut

if TYPE_CHECKING:
    from desktop_app.app.followup_service import FollowUpService
    from desktop_app.app.ports import ReaderFactory, RegisterReader
    from desktop_app.checklists.guide import Content
    from desktop_app.ui.assessment_windows import AssessmentWindows
    from desktop_app.ui.context import ListContext, UiContext
    from desktop_app.ui.data_actions import DataActions
    from desktop_app.ui.editor.editor_window import EditorWindow
    from desktop_app.ui.lazy_page import LazyPage
    from desktop_app.ui.register.evaluation_dialog import EvaluationDialog
    from desktop_app.ui.register.followup_view import FollowUpView
    from desktop_app.ui.register.overview_view import OverviewView
    from desktop_app.ui.register.paged_model import Runner
    from desktop_app.ui.register.register_view import RegisterView
    from desktop_app.ui.review.review_window import ReviewWindow
    from desktop_app.ui.revisions.register_actions import RegisterRevisionActions


class MainWindow(QMainWindow):
    editorOpened = Signal(object)  # an EditorWindow, once it is shown

    def __init__(
        self,
        context: UiContext | None = None,
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        """Without ``context`` the window waits, saying so, until ``attach`` is called."""
        super().__init__(parent)
        self.today = today
        self._runner = runner
        self.listed = False  # the register tab is there (``show_list``)
        self._followups: FollowUpService | None = None
        self.attached = False  # and the service behind it (``attach``)
        fit_to_screen(self, 1200, 700)
        self.setWindowTitle("Lika")
        if context is None:
            self.opening = OpeningPage()
            self.setCentralWidget(self.opening)
        else:
            self.attach(context)

    def show_opening(self, path: Path | str) -> None:
        """Name the register being opened, in the title and in the empty window."""
        from desktop_app.register_location import is_server_url, shown

        if is_server_url(str(path)):
            path = shown(str(path))  # never a password on the screen
        self._show_register_in_title(path)
        self.opening.show_register(path)

    def _show_register_in_title(self, path: Path | str) -> None:
        """The register's name once (Qt adds " — Lika"); its full path is under
        Help → About and, where the platform shows it, as the window's file. A server
        register by its URL (``path`` is then the URL without its password)."""
        from desktop_app.register_location import is_server_url

        if is_server_url(str(path)):
            self.setWindowTitle(str(path))
            return
        self.setWindowTitle(Path(str(path)).name)
        self.setWindowFilePath(str(path))

    def _show_login(self, context: UiContext) -> None:
        """On a server register the login the server authenticated acts (its roles
        decide what it may do): said at the bottom of the window, for as long as it is
        open."""
        from PySide6.QtWidgets import QLabel

        who = context.service.identity.signature
        self.login_label = QLabel(self.tr("Signed in to the server as %1").replace("%1", who))
        self.statusBar().addPermanentWidget(self.login_label)

    def show_list(
        self,
        context: ListContext,
        readers: ReaderFactory,
        runner: Runner | None = None,
        first_reader: RegisterReader | None = None,
    ) -> None:
        """The register tab, its menus and toolbar, with the list's first page (read
        from ``first_reader`` now, or on a worker): what the window shows before the
        service is loaded (``ui/first_list.py``). The actions that need the service
        stay disabled, and the other tabs closed, until ``attach``."""
        from desktop_app.ui.lazy_page import LazyPage
        from desktop_app.ui.register.register_view import RegisterView
        from desktop_app.ui.smoke_hook import report_listed_if_requested
        from desktop_app.ui.tasks import TaskRunner

        assert not self.listed, "a main window shows one register"
        if runner is not None:
            self._runner = runner
        self.runner: Runner = self._runner if self._runner is not None else TaskRunner(self)
        self._readers = readers
        self.list_context = context
        self.register_view: RegisterView = RegisterView(
            context, readers, self.runner, self.today, first_reader=first_reader
        )
        report_listed_if_requested(self.register_view, in_first_paint=not self.isVisible())
        # Follow-up and overview are built when first shown (or asked for).
        self.followup_page: LazyPage[FollowUpView] = LazyPage(self._build_followup_view)
        self.overview_page: LazyPage[OverviewView] = LazyPage(self._build_overview_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register_view, self.tr("&Register"))
        self.tabs.addTab(self.followup_page, self.tr("Follo&w-up"))
        self.tabs.addTab(self.overview_page, self.tr("O&verview"))
        for index in (1, 2):
            self.tabs.setTabEnabled(index, False)
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self.register_view.selectionChanged.connect(self._update_actions)
        self._update_actions()
        self.listed = True

    def attach(self, context: UiContext) -> None:
        """Fill the window with the register, tabs, menus and actions of ``context``
        (after ``show_list``, or doing it first). Nothing here opens ``context``'s
        service: where it is not open yet, the first action that needs it does."""
        from desktop_app.ui.assessment_windows import AssessmentWindows
        from desktop_app.ui.data_actions import install_data_actions
        from desktop_app.ui.menu_actions import install_report_action, install_settings_action
        from desktop_app.ui.restore_watch import RestoreWatch
        from desktop_app.ui.revisions.register_actions import RegisterRevisionActions

        assert not self.attached, "a main window shows one register"
        if not self.listed:
            self.show_list(context, context.service.readers())
        elif context.service_open:
            self._readers = context.service.readers()
        self.context = context
        self.windows: AssessmentWindows = AssessmentWindows(context, self.runner, self)
        self.windows.editorOpened.connect(self.editorOpened)
        self.windows.changed.connect(self.refresh)
        # The open windows by assessment id (the same dictionaries as ``windows``').
        self.editors: dict[int, EditorWindow] = self.windows.editors
        self.reviews: dict[int, ReviewWindow] = self.windows.reviews
        self._show_register_in_title(context.register_path)
        if context.server_url:
            self._show_login(context)
            self._watch_changes(context.server_url)
        self.settings_action = install_settings_action(self, self._file_menu, self.context)
        self._file_menu.insertAction(self._quit_action, self.settings_action)  # before Quit
        # Runs after the (modal) settings dialog closed: a new name counts for
        # evaluations too, not only for new assessments and the review.
        self.settings_action.triggered.connect(self._identity_changed)
        self.report_action = install_report_action(self, self.context)
        self.register_view.activated.connect(self.open_assessment)
        self.register_view.exported.connect(self._exported)
        self.data_actions: DataActions = install_data_actions(self)
        self.revision_actions: RegisterRevisionActions = RegisterRevisionActions(self)
        self.restore_watch = RestoreWatch(self._restore_mark(context), self)
        self.restore_watch.restored.connect(self.restored_elsewhere)
        from desktop_app.ui.help_menu import install_help_menu

        self.help_menu = install_help_menu(self, context.language, context.register_path)
        self.tabs.currentChanged.connect(self._tab_shown)
        for index in (1, 2):
            self.tabs.setTabEnabled(index, True)
        self.attached = True
        self._update_actions()

    def _watch_changes(self, url: str) -> None:
        """A server register tells the window of every change at once (LISTEN/NOTIFY):
        the lists are read again (once for a burst of changes) and an open window of
        that assessment shows it."""
        from PySide6.QtCore import QTimer

        from desktop_app.app import registers
        from desktop_app.ui.change_watch import ChangeWatch

        feed = registers.change_feed(url)
        assert feed is not None, "a server register"
        self.change_watch = ChangeWatch(feed, self)
        self._refresh_soon = QTimer(self, singleShot=True, interval=300)
        self._refresh_soon.timeout.connect(self.refresh)
        self.change_watch.changed.connect(self.changed_elsewhere)
        self.destroyed.connect(self.change_watch.stop)
        self.change_watch.start()

    def changed_elsewhere(self, assessment_id: int) -> None:
        """Someone (maybe this window) committed a change to ``assessment_id``."""
        self._refresh_soon.start()
        editor = self.editors.get(assessment_id)
        if editor is not None:
            editor.document.stored_changed()
        review = self.reviews.get(assessment_id)
        if review is not None:
            try:
                review.reload()
            except LikaError:  # deleted elsewhere
                self.windows.close_for(assessment_id)

    def _build_followup_view(self) -> FollowUpView:
        from desktop_app.ui.register.followup_view import FollowUpView

        view = FollowUpView(self.context, self._readers, self.runner, self.today)
        view.openRequested.connect(self.open_assessment)
        view.evaluateRequested.connect(self.evaluate_assessment)
        return view

    def _build_overview_view(self) -> OverviewView:
        from desktop_app.ui.register.overview_view import OverviewView

        return OverviewView(self.context, self._readers, self.runner, self.today)

    @property
    def followup_view(self) -> FollowUpView:
        return self.followup_page.content()

    @property
    def overview_view(self) -> OverviewView:
        return self.overview_page.content()

    def _build_actions(self) -> None:
        """The register's actions, menus and toolbar; ``attach`` adds the settings and
        the reports, which need the service."""
        self.new_action = QAction(self.tr("&New assessment"), self)
        set_shortcut(self.new_action, QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_assessment)
        self.open_action = QAction(self.tr("&Open"), self)
        set_shortcut(self.open_action, QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_selected)
        self.delete_action = QAction(self.tr("&Delete…"), self)
        set_shortcut(self.delete_action, QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        self.evaluate_action = QAction(self.tr("Record &evaluation…"), self)
        self.evaluate_action.triggered.connect(self._evaluate_selected)
        self.export_action = QAction(self.tr("E&xport view as CSV…"), self)
        self.export_action.triggered.connect(lambda: self.register_view.export_csv())
        self.refresh_action = QAction(self.tr("Re&fresh"), self)
        set_shortcut(self.refresh_action, QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self._quit_action = QAction(self.tr("&Quit"), self)
        set_shortcut(self._quit_action, QKeySequence.StandardKey.Quit)
        self._quit_action.triggered.connect(self.close)
        menu = self._file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self._quit_action)
        register_menu = self.menuBar().addMenu(self.tr("Re&gister"))
        register_menu.addAction(self.evaluate_action)
        register_menu.addAction(self.refresh_action)
        toolbar = self.addToolBar(self.tr("Register"))
        toolbar.setObjectName("register-toolbar")
        for action in (self.new_action, self.open_action, self.delete_action,
                       self.evaluate_action, self.export_action):  # fmt: skip
            toolbar.addAction(action)

    @staticmethod
    def _restore_mark(context: UiContext) -> Callable[[], str]:
        """What ``RestoreWatch`` reads: on a file, through a read-only connection of its
        own, so that watching does not open the register for writing."""
        if context.server_url:
            return lambda: context.service.last_restore()
        from desktop_app.app.registers import last_restore

        path = context.register_path
        return lambda: last_restore(path)

    @property
    def followups(self) -> FollowUpService:
        """Evaluations (step 4), made when first recorded or read."""
        if self._followups is None:
            self._followups = self.context.service.followups(today=self.today)
        return self._followups

    def _identity_changed(self) -> None:
        if self._followups is not None:
            self._followups.identity = self.context.service.identity

    def report_content_errors(self, content: Content | None = None) -> None:
        """Tell the user which checklist files were skipped, one dialog each
        (``content``: the window's, by default)."""
        from PySide6.QtWidgets import QMessageBox

        for error in (content or self.context.content).checklists.errors:
            QMessageBox.warning(self, self.tr("A checklist file was skipped"), literal(str(error)))

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.followup_page:
            self.followup_view.start()
        elif widget is self.overview_page:
            self.overview_view.start()

    def refresh(self) -> None:
        """Read the register again (after changes made elsewhere, e.g. the CLI)."""
        self.register_view.refresh()
        if self.followup_page.built and self.followup_view.started:
            self.followup_view.refresh()
        if self.overview_page.built and self.overview_view.started:
            self.overview_view.refresh()

    def restored_elsewhere(self) -> None:
        """Another program restored a backup into this register: show what is stored
        now in every window; an editor with unsaved changes lets the user choose."""
        from PySide6.QtWidgets import QMessageBox

        for assessment_id, editor in list(self.editors.items()):
            if not editor.document.register_restored():
                self.windows.close_for(assessment_id)
        for assessment_id, review in list(self.reviews.items()):
            try:
                review.reload()
            except LikaError:  # not in the restored register
                self.windows.close_for(assessment_id)
        self.refresh()
        QMessageBox.information(
            self,
            self.tr("Register restored"),
            self.tr(
                "The register was restored from a backup in another window or program. "
                "What is shown now is the restored register; the register as it was is "
                "kept in its backup folder."
            ),
        )

    def _selected_id(self) -> int | None:
        return self.register_view.selected_id()

    def _update_actions(self) -> None:
        if not self.attached:  # only the list is there (``show_list``): nothing to do yet
            waiting = (self.new_action, self.open_action, self.delete_action,
                       self.evaluate_action, self.export_action, self.refresh_action)  # fmt: skip
            for action in waiting:
                action.setEnabled(False)
            return
        from desktop_app.domain.codes import is_deletable
        from desktop_app.domain.evaluation import can_be_evaluated

        selected = self.register_view.table.selectionModel().selectedRows()
        row = self.register_view.model.row_at(selected[0].row()) if selected else None
        self.open_action.setEnabled(row is not None)
        # The domain refuses to delete an approved assessment; do not offer it.
        self.delete_action.setEnabled(row is not None and is_deletable(row.status))
        self.evaluate_action.setEnabled(row is not None and can_be_evaluated(row.status))
        for action in (self.new_action, self.export_action, self.refresh_action):
            action.setEnabled(True)

    def _show_error(self, title: str, error: LikaError) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, literal(str(error)))

    def _exported(self, path: str, count: int) -> None:
        self.statusBar().showMessage(
            self.tr("%n row(s) written to %1", "", count).replace("%1", path), 10000
        )

    def new_assessment(self) -> None:
        from desktop_app.ui.new_assessment_dialog import ask_new_assessment

        try:  # the dialog offers the content's laws: opens the register if not yet
            service = self.context.service
        except LikaError as error:
            self._show_error(self.tr("Could not create an assessment"), error)
            return
        choice = ask_new_assessment(self, self.context)
        if choice is None:
            return
        try:
            assessment = service.new_assessment(
                framework_id=choice.framework_id,
                language=choice.language,
                title=choice.title,
                modules=choice.modules,
                decision_type=choice.decision_type,
            )
        except LikaError as error:
            self._show_error(self.tr("Could not create an assessment"), error)
            return
        self.refresh()
        assert assessment.id is not None
        self.open_assessment(assessment.id)

    def open_selected(self) -> None:
        assessment_id = self._selected_id()
        if assessment_id is not None:
            self.open_assessment(assessment_id)

    def open_assessment(self, assessment_id: int) -> EditorWindow | ReviewWindow | None:
        """Show the assessment in its window (``AssessmentWindows.open``)."""
        return self.windows.open(assessment_id)

    def _evaluate_selected(self) -> None:
        assessment_id = self._selected_id()
        if assessment_id is not None:
            self.evaluate_assessment(assessment_id)

    def evaluate_assessment(self, assessment_id: int) -> EvaluationDialog | None:
        """Open the evaluation dialog of an approved assessment (step 4, follow up)."""
        from PySide6.QtWidgets import QMessageBox

        from desktop_app.domain.evaluation import can_be_evaluated
        from desktop_app.ui.register.evaluation_dialog import EvaluationDialog

        try:
            assessment = self.context.service.get(assessment_id)
        except LikaError as error:
            self._show_error(self.tr("Could not open the assessment"), error)
            return None
        if not can_be_evaluated(assessment.status):
            QMessageBox.information(
                self,
                self.tr("Record evaluation"),
                self.tr(
                    "Only an approved assessment can be evaluated: until then the "
                    "decision has not been taken."
                ),
            )
            return None
        dialog = EvaluationDialog(self.context, self.followups, assessment, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        assessment_id = self._selected_id()
        if assessment_id is None:
            return
        view = self.register_view
        summary = view.model.row_at(view.table.selectionModel().selectedRows()[0].row())
        answer = QMessageBox.question(
            self,
            self.tr("Delete assessment"),
            self.tr("Delete “%1”? This cannot be undone.").replace(
                "%1", summary.title or self.tr("Untitled assessment")
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.windows.close_for(assessment_id)
        try:
            self.context.service.delete(assessment_id)
        except LikaError as error:
            self._show_error(self.tr("Could not delete the assessment"), error)
        self.refresh()
        self._update_actions()

    def export_csv(self, path: Path) -> None:
        """Write the current view of the register to ``path`` (without a file dialog)."""
        self.register_view.export_csv(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:
            event.accept()
            return
        if not self.windows.close_all():
            event.ignore()
            return
        self.runner.wait()
        if hasattr(self, "change_watch"):
            self.change_watch.stop()
            self._refresh_soon.stop()
        event.accept()
