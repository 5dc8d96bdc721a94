"""Statistics tables and evidence in the editor: typed figures check themselves, files
are attached or refused, opened read-only, and everything can be undone and is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.evidence import EvidenceKind
from desktop_app.domain.model import Language, Status
from desktop_app.domain.statistics import SEX_ROWS, FigureUnit
from desktop_app.ui.editor.evidence_editor import EvidenceSection
from desktop_app.ui.editor.statistics_editor import (
    SUM_ROW,
    TOTAL_ROW,
    StatisticsSection,
    parse_figure,
)
from tests.helpers import complete_assessment
from tests.ui.editor_helpers import open_editor, stored

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _type_figure(editor_widget, row: int, text: str) -> None:
    model = editor_widget.model
    assert model.setData(model.index(row, 0), text)


def test_figures_typed_in_the_grid_add_up_and_are_stored(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    section: StatisticsSection = page.statistics
    assert section.empty.isVisible()
    qtbot.mouseClick(section.add, Qt.MouseButton.LeftButton)
    (table_editor,) = section.editors.values()
    table_editor.label.setText("Elever per 15 september")
    table_editor.label.editingFinished.emit()
    _type_figure(table_editor, SEX_ROWS.index("girls"), "31")
    _type_figure(table_editor, SEX_ROWS.index("boys"), "32")
    _type_figure(table_editor, TOTAL_ROW, "64")
    model = table_editor.model
    assert model.data(model.index(SUM_ROW, 0)) == "63"
    assert "63" in table_editor.check.text() and "64" in table_editor.check.text()
    _type_figure(table_editor, SEX_ROWS.index("boys"), "33")
    table_editor.source.setText("Skolsystemet")
    table_editor.source.editingFinished.emit()
    table_editor.year.setValue(2026)
    table_editor.year.editingFinished.emit()
    assert table_editor.check.text().startswith("✓")
    assert editor.document.save_now()
    (table,) = stored(context, editor).statistics
    assert (table.label, table.girls, table.boys, table.total) == (
        "Elever per 15 september",
        31,
        33,
        64,
    )
    assert (table.source, table.year, table.target) == ("Skolsystemet", 2026, "")


def test_a_ground_has_its_own_tables_and_undo_removes_one(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("ground", "sex"))
    section: StatisticsSection = page.statistics
    qtbot.mouseClick(section.add, Qt.MouseButton.LeftButton)
    (table_editor,) = section.editors.values()
    table_editor.unit.setCurrentIndex(table_editor.unit.findData(FigureUnit.PERCENT))
    table_editor.unit.activated.emit(table_editor.unit.currentIndex())
    _type_figure(table_editor, 0, "48,5")
    assert editor.document.assessment.statistics[0].target == "sex"
    assert editor.document.assessment.statistics[0].women == 48.5
    assert "48,5" in table_editor.check.text()  # the percentages do not add up to 100 yet
    for _ in range(3):
        editor.document.undo_stack.undo()
    assert editor.document.assessment.statistics == []
    assert section.editors == {}


def test_a_figure_that_is_no_number_is_not_taken() -> None:
    assert parse_figure(" 1 234,5 ") == 1234.5
    assert parse_figure("") is None
    assert parse_figure("många") is False


def test_attach_refuse_open_and_remove_evidence(qtbot, context, tmp_path, monkeypatch) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("ground", "age"))
    section: EvidenceSection = page.evidence_files
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    opened: list[QUrl] = []
    monkeypatch.setattr(
        "desktop_app.ui.editor.evidence_editor.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    program = tmp_path / "underlag.pdf"
    program.write_bytes(b"MZ\x90\x00" + PDF)
    assert section.attach_file(program) is None
    assert warnings == ["underlag.pdf: program och filer med makron kan inte bifogas."]
    good = tmp_path / "enkät.pdf"
    good.write_bytes(PDF)
    item = section.attach_file(good)
    assert item is not None and section.list.count() == 1
    assert not section.add_reference_text(EvidenceKind.LINK, "javascript:alert(1)", "")
    assert section.add_reference_text(EvidenceKind.RECORD, "KS 2026/12-3", "Protokoll")
    assert section.list.count() == 2
    section.list.setCurrentRow(0)
    section.open_selected()
    (url,) = opened
    assert url.toLocalFile().endswith("enkät.pdf")
    section.list.setCurrentRow(1)
    assert not section.open.isEnabled()  # a case number is not something to open
    section.remove_selected()
    assert editor.document.save_now()
    (kept,) = stored(context, editor).evidence
    assert (kept.title, kept.target, kept.sha256) == ("enkät.pdf", "age", item.sha256)


def test_a_reviewer_can_open_evidence_of_an_assessment_in_review(
    qtbot, context, content, tmp_path, monkeypatch
) -> None:
    service = context.service
    assessment = complete_assessment(content)
    service.repository.create(assessment)
    source = tmp_path / "statistik.csv"
    source.write_text("kön;antal\nkvinnor;3\n", encoding="utf-8")
    assessment.evidence.append(service.evidence.attach_file(assessment, source))
    service.save(assessment)
    service.change_status(assessment, Status.IN_REVIEW)
    opened: list[QUrl] = []
    monkeypatch.setattr(
        "desktop_app.ui.editor.evidence_editor.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    editor = open_editor(qtbot, context, service.repository.get(assessment.id))
    section: EvidenceSection = editor.show_page(("step", "decision")).evidence
    assert editor.document.read_only
    section.list.setCurrentRow(0)
    assert section.open.isEnabled() and not section.attach.isEnabled()
    assert not section.remove.isEnabled()
    section.open_selected()
    assert opened and opened[0].toLocalFile().endswith("statistik.csv")


def test_the_review_view_shows_figures_and_opens_evidence(
    qtbot, context, content, tmp_path, monkeypatch
) -> None:
    from desktop_app.domain.evidence import link_evidence
    from desktop_app.domain.statistics import StatisticsTable
    from desktop_app.ui.review.review_window import ReviewWindow

    service = context.service
    assessment = complete_assessment(content)
    service.repository.create(assessment)
    source = tmp_path / "enkät.pdf"
    source.write_bytes(PDF)
    attached = service.evidence.attach_file(assessment, source, "age")
    assessment.evidence += [
        attached,
        link_evidence(EvidenceKind.RECORD, "KS 2026/12-3", "Samrådsprotokoll"),
    ]
    assessment.statistics.append(
        StatisticsTable(target="age", label="Besökare 75+", women=120, men=80, total=210)
    )
    service.save(assessment)
    service.change_status(assessment, Status.IN_REVIEW)
    opened: list[QUrl] = []
    monkeypatch.setattr(
        "desktop_app.ui.editor.evidence_editor.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    review = ReviewWindow(context, service.repository.get(assessment.id))
    qtbot.addWidget(review)
    shown = review.browser.toPlainText()
    assert "Besökare 75+" in shown and "Samrådsprotokoll: KS 2026/12-3" in shown
    assert "Siffrorna blir tillsammans 200, men totalen är 210." in shown
    assert attached.sha256 in shown
    review._on_link(QUrl(f"evidence:{attached.uid}"))
    assert opened[0].toLocalFile().endswith("enkät.pdf")


def test_a_table_that_does_not_check_is_in_what_is_left_and_leads_to_it(qtbot, context) -> None:
    from desktop_app.domain.statistics import StatisticsTable

    editor = open_editor(qtbot, context)
    table = StatisticsTable(target="age", label="Besökare", women=12, source="Enkät", year=2026)
    editor.document.edit_items("statistics", [table], "test")
    model = editor.gaps.model
    rows = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    remark = next(r for r in rows if "bara det ena könet" in r)
    assert remark.startswith("Ålder: ")
    row = rows.index(remark)
    assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
    gap = model.gap(row)
    assert gap.warning and gap.path == ("statistics", table.uid)
    widget = editor.go_to_field(gap.path)
    page = editor.page(("ground", "age"))
    assert widget is page.statistics.editors[table.uid].grid
    # Men: 0 makes the table check, and the remark goes.
    editor.document.edit_items("statistics", [table.with_figure("men", 0)], "test")
    rows = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert not any("bara det ena könet" in r for r in rows)


def test_the_review_view_counts_the_tables_that_do_not_check(qtbot, qapp, context, content) -> None:
    from desktop_app.domain.statistics import StatisticsTable
    from desktop_app.ui.review.review_window import ReviewWindow
    from desktop_app.ui.translations import install_translators

    install_translators(qapp, Language.SV)  # the fixture removes them after the test

    service = context.service
    assessment = complete_assessment(content)
    assessment.statistics = [
        StatisticsTable(label="Besökare", women=120, total=210, source="Enkät", year=2026),
        StatisticsTable(target="age", label="Elever", girls=3, boys=4, source="x", year=2026),
    ]
    service.repository.create(assessment)
    service.change_status(assessment, Status.IN_REVIEW)
    review = ReviewWindow(context, service.repository.get(assessment.id))
    qtbot.addWidget(review)
    shown = review.browser.toPlainText()
    assert "1 statistiktabell stämmer inte eller är ofullständig" in shown
    assert "Män: inget värde, fast tabellen har det andra könet." in shown


def test_a_link_or_file_that_came_in_another_way_is_not_handed_to_the_system(
    qtbot, context, monkeypatch
) -> None:
    """What is in the register already (an older import, a script) is checked again
    when opened: only a web address, only a file of a kind that can be attached."""
    from desktop_app.domain.evidence import Evidence, file_evidence
    from desktop_app.ui.editor.evidence_editor import open_evidence

    service = context.service
    csv = "kön;antal\nkvinnor;3\n".encode()
    service.repository.store_evidence_file(csv)
    attached = file_evidence("data.csv", csv)
    opened: list[QUrl] = []
    warned: list[str] = []
    monkeypatch.setattr(
        "desktop_app.ui.editor.evidence_editor.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    parent = open_editor(qtbot, context)
    for item in (
        Evidence(kind=EvidenceKind.LINK, reference="file:///C:/Windows/System32/calc.exe"),
        Evidence(**{**attached.__dict__, "title": "Bilaga.hta"}),
    ):
        assert not open_evidence(parent, context, service.evidence, item)
    assert opened == []
    assert "http" in warned[0] and "Bilaga.hta" in warned[1]
    assert open_evidence(parent, context, service.evidence, attached)
    assert opened[0].toLocalFile().endswith("data.csv")
