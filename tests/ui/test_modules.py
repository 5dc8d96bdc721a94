"""Optional modules per assessment: chosen at creation or later, their perspectives
appear as grounds everywhere (navigation, screening, completeness, PDF)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.domain.model import Language, Relevance
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text
from tests.ui.editor_helpers import open_editor, stored


def test_switching_a_module_on_adds_its_perspectives_and_off_keeps_the_answers(
    qtbot, context, content, tmp_path
) -> None:
    assessment = context.service.repository.create(complete_assessment(content))
    editor = open_editor(qtbot, context, assessment)
    assert editor.document.gaps == []
    assert not editor.navigation.has(("ground", "child_rights"))

    editor.commands.modules.trigger()
    dialog = editor.commands.modules_dialog
    assert set(dialog.chooser.boxes) == {"children", "minorities", "gender_equality"}
    dialog.chooser.boxes["children"].setChecked(True)
    dialog.accept()

    assert editor.document.save_now()  # (autosaved like any edit; now, to read it back)
    assert stored(context, editor).modules == {"children": "1.0"}
    # A new ground in the navigation, the screening page, the measures and the gaps.
    assert editor.navigation.has(("ground", "child_rights"))
    screening = editor.show_page(("step", "grounds"))
    assert "child_rights" in screening.reasons
    assert "child_rights" in editor.show_page(("step", "measures")).ground_boxes
    assert [g.ground_key for g in editor.document.gaps] == ["child_rights"]
    # Fill it in on its own page.
    page = editor.show_page(("ground", "child_rights"))
    page.relevance.button(1).click()
    page.justification.setPlainText("Barn använder inte filialerna på kvällstid.")
    assert editor.document.gaps == []
    # The PDF lists the perspective with the grounds.
    out = tmp_path / "med-modul.pdf"
    assert editor.pdf_export.export(out) is not None
    qtbot.waitUntil(out.exists, timeout=15000)  # written on a worker thread
    label = content.checklists.get("children").ground("child_rights").label("sv")
    assert label in " ".join(pdf_text(out).split())

    # Off again: the perspective leaves navigation and gaps; what was written is kept.
    editor.commands.modules.trigger()
    dialog = editor.commands.modules_dialog
    assert dialog.chooser.boxes["children"].isChecked()
    dialog.chooser.boxes["children"].setChecked(False)
    dialog.accept()
    assert not editor.navigation.has(("ground", "child_rights"))
    assert editor.document.save_now()
    kept = stored(context, editor)
    assert kept.modules == {}
    assert kept.grounds["child_rights"].relevance is Relevance.NOT_RELEVANT
    assert not editor.document.kept  # switched off by choice: not "no longer in the checklist"

    # Undo switches it back on, with the answers.
    editor.commands.undo.trigger()
    assert editor.navigation.has(("ground", "child_rights"))
    page = editor.show_page(("ground", "child_rights"))
    assert page.justification.toPlainText() == "Barn använder inte filialerna på kvällstid."


def test_a_new_assessment_with_framework_language_title_and_modules(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, object] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewAssessmentDialog)
        seen["default"] = dialog.framework.currentData()
        dialog.title.setText("Ny barnehagestruktur")
        dialog.framework.setCurrentIndex(dialog.framework.findData("no-ldl"))
        dialog.language.setCurrentIndex(dialog.language.findData("nb"))
        dialog.modules.boxes["children"].setChecked(True)
        dialog.modules.boxes["minorities"].setChecked(True)
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.new_action.trigger()
    assert seen["default"] == "se-dl"  # the Swedish framework unless chosen otherwise
    # ... and next time, the law and language chosen last.
    assert context.settings.last_framework == "no-ldl"
    assert context.settings.last_assessment_language is Language.NB
    again = NewAssessmentDialog(context)
    qtbot.addWidget(again)
    assert (again.framework.currentData(), again.language.currentData()) == ("no-ldl", "nb")
    editor = next(iter(window.editors.values()))
    assessment = stored(context, editor)
    assert (assessment.framework_id, assessment.language) == ("no-ldl", Language.NB)
    assert assessment.decision.title == "Ny barnehagestruktur"
    assert assessment.modules == {"children": "1.0", "minorities": "1.0"}
    keys = [key for key in editor.navigation.page_keys() if key[0] == "ground"]
    assert ("ground", "pregnancy") in keys and ("ground", "sami") in keys
    assert keys[-3:] == [("ground", "child_rights"), ("ground", "national_minorities"),
                         ("ground", "sami")]  # fmt: skip


def test_cancelling_the_new_assessment_dialog_creates_nothing(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    window.new_action.trigger()
    assert context.service.repository.count() == 0
    assert window.editors == {}
