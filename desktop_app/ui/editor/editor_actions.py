"""The editor's menus, toolbar and keyboard shortcuts, and the submit-for-review flow.

Everything has a keyboard path: Ctrl+PgDown / Ctrl+PgUp walk the pages, Ctrl+1..4
(and F6 to cycle) move between the panes, F8 jumps to the next thing left to do,
Ctrl+Return submits, Ctrl+Z / Ctrl+Shift+Z undo and redo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import LikaError, OpenCommentsError, WorkflowError
from desktop_app.ui.literal_text import literal
from desktop_app.ui.message_boxes import when_clicked
from desktop_app.ui.modules_chooser import ModulesDialog

if TYPE_CHECKING:
    from desktop_app.ui.editor.editor_window import EditorWindow

MAX_LISTED_GAPS = 12


def _keys(
    *keys: QKeySequence.StandardKey | QKeyCombination | Qt.Key | int | str,
) -> list[QKeySequence]:
    return [QKeySequence(key) for key in keys]


class EditorActions(QObject):
    def __init__(self, editor: EditorWindow) -> None:
        super().__init__(editor)
        self.document = editor.document
        self.refusal_box: QMessageBox | None = None
        self.confirm_box: QMessageBox | None = None
        self.modules_dialog: ModulesDialog | None = None
        self._build()

    @property
    def editor(self) -> EditorWindow:
        # Through Qt's parent rather than an attribute: a Python reference cycle would
        # keep the closed window's wrapper alive until the garbage collector runs.
        return self.parent()  # type: ignore[return-value]

    def _action(self, text: str, slot: object, keys: list[QKeySequence] | None = None) -> QAction:
        action = QAction(text, self.editor)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        editor, stack = self.editor, self.document.undo_stack
        ctrl, shift = Qt.Modifier.CTRL, Qt.Modifier.SHIFT
        self.modules = self._action(self.tr("&Modules…"), self.choose_modules)
        self.submit = self._action(
            self.tr("&Submit for review…"),
            self.submit_for_review,
            _keys(ctrl | Qt.Key.Key_Return, ctrl | Qt.Key.Key_Enter),
        )
        self.export = self._action(
            self.tr("Export &PDF…"), editor.export_pdf, _keys(ctrl | Qt.Key.Key_P)
        )
        close = self._action(self.tr("&Close"), editor.close, _keys(QKeySequence.StandardKey.Close))
        menu = editor.menuBar().addMenu(self.tr("&Assessment"))
        for action in (self.modules, self.submit, self.export):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(close)

        self.undo = self._action(self.tr("&Undo"), stack.undo, _keys(QKeySequence.StandardKey.Undo))
        self.redo = self._action(
            self.tr("&Redo"),
            stack.redo,
            _keys(QKeySequence.StandardKey.Redo, ctrl | shift | Qt.Key.Key_Z),
        )
        # The stack announces its own clearing while the window is torn down; by then
        # there is nothing to update.
        self._alive = True
        self.document.destroyed.connect(self._on_document_destroyed)
        stack.indexChanged.connect(self._on_stack_changed)
        stack.cleanChanged.connect(self._on_stack_changed)
        menu = editor.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self.undo)
        menu.addAction(self.redo)

        self.next_page = self._action(
            self.tr("&Next page"), lambda: editor.step_page(1), _keys(ctrl | Qt.Key.Key_PageDown)
        )
        self.previous_page = self._action(
            self.tr("&Previous page"),
            lambda: editor.step_page(-1),
            _keys(ctrl | Qt.Key.Key_PageUp),
        )
        self.next_gap = self._action(
            self.tr("Next &thing left to do"), self.go_to_next_gap, _keys(Qt.Key.Key_F8)
        )
        self.to_navigation = self._action(
            self.tr("Steps and &grounds"),
            lambda: self.focus_pane(0),
            _keys(ctrl | Qt.Key.Key_1),
        )
        self.to_page = self._action(
            self.tr("The p&age"), lambda: self.focus_pane(1), _keys(ctrl | Qt.Key.Key_2)
        )
        self.to_gaps = self._action(
            self.tr("What is &left"), lambda: self.focus_pane(2), _keys(ctrl | Qt.Key.Key_3)
        )
        self.to_guidance = self._action(
            self.tr("G&uidance"),
            lambda: self.focus_pane(3),
            _keys(ctrl | Qt.Key.Key_4, Qt.Key.Key_F1),
        )
        self.cycle = self._action(
            self.tr("Next pane"), lambda: self.cycle_pane(1), _keys(Qt.Key.Key_F6)
        )
        self.cycle_back = self._action(
            self.tr("Previous pane"), lambda: self.cycle_pane(-1), _keys(shift | Qt.Key.Key_F6)
        )
        menu = editor.menuBar().addMenu(self.tr("&Go"))
        for action in (self.next_page, self.previous_page, self.next_gap):
            menu.addAction(action)
        menu.addSeparator()
        for action in (
            self.to_navigation,
            self.to_page,
            self.to_gaps,
            self.to_guidance,
            self.cycle,
            self.cycle_back,
        ):
            menu.addAction(action)

        toolbar = editor.addToolBar(self.tr("Assessment"))
        toolbar.setObjectName("editor-toolbar")
        for action in (self.previous_page, self.next_page, self.undo, self.redo):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.submit)
        toolbar.addAction(self.export)

    def _on_document_destroyed(self) -> None:
        self._alive = False

    def _on_stack_changed(self, *_args: object) -> None:
        if self._alive:
            self.update()

    def update(self) -> None:
        """Enable what can be done now, and name what Undo and Redo would do."""
        stack = self.document.undo_stack
        editable = not self.document.read_only
        self.undo.setEnabled(editable and stack.canUndo())
        self.redo.setEnabled(editable and stack.canRedo())
        self.undo.setText(
            self.tr("&Undo %1").replace("%1", stack.undoText())
            if stack.canUndo()
            else self.tr("&Undo")
        )
        self.redo.setText(
            self.tr("&Redo %1").replace("%1", stack.redoText())
            if stack.canRedo()
            else self.tr("&Redo")
        )
        # The toolbar keeps a short, fixed label (what would be undone is in the tooltip
        # and the Edit menu), so the toolbar does not jump as the text grows.
        for action, short in ((self.undo, self.tr("&Undo")), (self.redo, self.tr("&Redo"))):
            action.setIconText(short.replace("&", ""))
            action.setToolTip(action.text().replace("&", ""))
        self.submit.setEnabled(editable)
        self.modules.setEnabled(editable)

    # Panes

    def _panes(self) -> list[QWidget]:
        editor = self.editor
        return [editor.navigation, editor.stack, editor.gaps, editor.guidance]

    def focus_pane(self, index: int) -> None:
        editor = self.editor
        if index == 1:
            editor.focus_page()
        elif index == 2:
            gaps = editor.gaps.list
            if gaps.isVisible():
                gaps.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if not gaps.currentIndex().isValid() and gaps.model().rowCount():
                    gaps.setCurrentIndex(gaps.model().index(0, 0))
            else:
                editor.statusBar().showMessage(self.tr("Nothing required is missing."), 4000)
        elif index == 3:
            editor.guidance.browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            editor.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cycle_pane(self, step: int) -> None:
        focus = self.editor.focusWidget()
        panes = self._panes()
        current = next(
            (i for i, pane in enumerate(panes) if focus is not None and pane.isAncestorOf(focus)),
            next((i for i, pane in enumerate(panes) if pane is focus), -1),
        )
        target = (current + step) % len(panes)
        if target == 2 and not self.editor.gaps.list.isVisible():
            target = (target + step) % len(panes)
        self.focus_pane(target)

    def go_to_next_gap(self) -> None:
        gaps = self.document.gaps
        if not gaps:
            self.editor.statusBar().showMessage(self.tr("Nothing required is missing."), 4000)
            return
        self.editor.go_to_field(gaps[0].path)

    # Modules

    def choose_modules(self) -> None:
        dialog = ModulesDialog(self.editor.context, self.document.assessment.modules, self.editor)
        dialog.accepted.connect(lambda: self.document.edit_modules(dialog.chooser.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        self.modules_dialog = dialog
        dialog.open()

    # Submitting for review

    def submit_for_review(self) -> None:
        """Ask first when complete; when something is missing, the service refuses and
        the user sees what is missing."""
        if self.document.read_only:
            return
        if self.document.gaps or self.editor.review_comments.open_counts():
            self._submit()  # refused: say why at once rather than ask first
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Submit for review"),
            self.tr(
                "Submit the assessment for review? While it is in review you can read it "
                "but not change it."
            ),
            QMessageBox.StandardButton.NoButton,
            self.editor,
        )
        submit = box.addButton(self.tr("&Submit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(submit)
        box.buttonClicked.connect(when_clicked(submit, self._submit))
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    def _submit(self) -> None:
        try:
            submitted = self.document.submit_for_review()
        except OpenCommentsError as error:
            self._show_comments_refusal(str(error), error.count)
            return
        except WorkflowError as error:
            if self.document.gaps:
                self._show_refusal()
            else:
                QMessageBox.warning(self.editor, self.tr("Not submitted"), literal(str(error)))
            return
        except LikaError as error:
            QMessageBox.warning(self.editor, self.tr("Not submitted"), literal(str(error)))
            return
        if submitted:
            self.editor.statusBar().showMessage(
                self.tr("Submitted for review. The assessment is now read-only."), 8000
            )

    def missing_items(self) -> list[str]:
        model = self.editor.gaps.model
        return [model.data(model.index(row, 0)) for row in range(model.rowCount())]

    def _show_refusal(self) -> None:
        items = self.missing_items()
        listed = [f"• {item}" for item in items[:MAX_LISTED_GAPS]]
        if len(items) > MAX_LISTED_GAPS:
            listed.append(self.tr("… and %n more", "", len(items) - MAX_LISTED_GAPS))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not ready for review"),
            self.tr(
                "The assessment cannot be submitted for review yet: %n required item(s) missing.",
                "",
                len(items),
            ),
            QMessageBox.StandardButton.NoButton,
            self.editor,
        )
        box.setInformativeText("\n".join(listed))
        show = box.addButton(self.tr("&Show what is left"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(show)
        box.buttonClicked.connect(when_clicked(show, lambda: self.focus_pane(2)))
        box.finished.connect(box.deleteLater)
        self.refusal_box = box
        box.open()

    def _show_comments_refusal(self, reason: str, count: int) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not ready for review"),
            self.tr(
                "The assessment cannot be submitted again yet: %n review comment(s) are not "
                "marked as addressed. Pages with comments are marked ✉ in the list of steps.",
                "",
                count,
            )
            if count
            else reason,
            QMessageBox.StandardButton.Close,
            self.editor,
        )
        box.finished.connect(box.deleteLater)
        self.refusal_box = box
        box.open()
