"""The keyboard gaps and smaller items of issue 15."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.domain.model import Language
from desktop_app.ui.editor.widgets import mnemonic_letter
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from desktop_app.ui.review.editor_comments import CommentCard
from tests.helpers import complete_assessment
from tests.ui.keyboard import focused, press
from tests.ui.test_editor import open_editor


def test_ctrl_l_goes_to_the_register_list_with_a_row_chosen(qtbot, context) -> None:
    for _ in range(2):
        context.service.repository.create(complete_assessment(context.content))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 2)
    window.register_view.filters.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.register_view.filters.search)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.register_view.table
    assert [i.row() for i in window.register_view.table.selectionModel().selectedRows()] == [0]


def test_the_norwegian_law_suggests_norwegian(qtbot, context) -> None:
    dialog = NewAssessmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.framework.setCurrentIndex(dialog.framework.findData("no-ldl"))
    assert dialog.choice().language is Language.NB
    dialog.framework.setCurrentIndex(dialog.framework.findData("se-dl"))
    assert dialog.choice().language is Language.SV


def test_a_label_for_check_boxes_leads_to_the_first_box(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "measures"))
    page.add_measure()
    first = next(iter(page.ground_boxes.values()))
    container = first.parentWidget()
    assert container.focusProxy() is first


def test_comment_buttons_have_mnemonics() -> None:
    for text in ("Sho&w the measure", "Mark as a&ddressed…"):
        assert mnemonic_letter(CommentCard.tr(text))


def test_the_navigation_shows_whole_names_and_states_in_a_narrow_pane(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    editor.resize(1000, 700)
    editor.show()
    nav = editor.navigation
    nav.setFixedWidth(170)
    qtbot.waitUntil(lambda: nav.viewport().width() < 170)
    qtbot.wait(50)  # the delayed item layout
    metrics = nav.fontMetrics()
    margin = (
        nav.iconSize().width()
        + 3 * nav.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        + 8
    )
    for key in nav.page_keys():
        item = nav.item(key)
        rect = nav.visualItemRect(item)
        assert rect.right() <= nav.viewport().width(), (key, rect)  # nothing off to the side
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width() - margin, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)
        ).height()
        assert rect.height() >= needed, (item.text(0), rect.height(), needed)
    long_one = nav.visualItemRect(nav.item(("ground", "gender_identity")))
    assert long_one.height() >= 2 * metrics.lineSpacing()  # wrapped, not cut


def test_the_overview_says_how_the_period_counts(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.overview_page)
    view = window.overview_view
    qtbot.waitUntil(lambda: "planned decision date" in view.summary.text(), timeout=5000)


def test_a_mnemonic_scrolls_the_page_to_its_field(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    editor.resize(700, 400)  # little room: the risks are below the fold
    with qtbot.waitActive(editor):
        editor.activateWindow()
    page = editor.show_page(("ground", "age"))
    page.relevance.button(0).click()  # relevant: the risks can be chosen
    area = editor.stack.currentWidget()
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(0)
    first = next(iter(page.risk_boxes.values()))
    first.parentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)  # what Alt+letter does
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0)
    top = first.mapTo(area.viewport(), first.rect().topLeft()).y()
    assert 0 <= top < area.viewport().height()


def test_the_editor_does_not_grow_taller_as_comments_appear(qtbot, context) -> None:
    from desktop_app.domain.model import Status
    from desktop_app.domain.review import CommentTarget

    service = context.service
    a = service.repository.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    said = "Beskriv hur många som kan antas säga upp trygghetslarm och vad det innebär. " * 3
    service.review.add_comment(a, CommentTarget.step("decision"), said)
    for number in range(8):
        service.review.add_comment(a, CommentTarget.ground("age"), f"{number}: {said}")
    service.review.return_for_changes(a, "Åter för komplettering. " + said)
    editor = open_editor(qtbot, context, service.repository.get(a.id))
    editor.resize(700, 380)
    qtbot.wait(20)
    size = editor.size()
    for key in (("step", "decision"), ("ground", "age"), ("ground", "sex"), ("ground", "age")):
        editor.show_page(key)  # none, one or eight comments appear above the page
        qtbot.wait(50)  # the window would grow once its layout has run
        assert editor.size() == size, key
    assert len(editor.review_comments.cards) == 8
    # the comments scroll; the page keeps room of its own
    qtbot.waitUntil(lambda: editor.review_comments.area.verticalScrollBar().maximum() > 0)
    assert editor.stack.height() >= 3 * editor.fontMetrics().lineSpacing()


def test_a_returned_assessments_measures_table_keeps_five_rows(qtbot, context) -> None:
    from desktop_app.domain.model import Status
    from desktop_app.domain.review import CommentTarget

    service = context.service
    a = service.repository.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    service.review.add_comment(a, CommentTarget.step("measures"), "Vem ansvarar? " * 20)
    service.review.return_for_changes(a, "Åter för komplettering. " * 10)
    editor = open_editor(qtbot, context, service.repository.get(a.id))
    editor.resize(700, 380)
    page = editor.show_page(("step", "measures"))
    qtbot.wait(50)
    rows = page.table.verticalHeader().defaultSectionSize()
    assert page.table.height() >= page.table.horizontalHeader().height() + 5 * rows - 2
