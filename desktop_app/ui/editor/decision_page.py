"""Step 1: the draft decision, who it affects and what is known."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.model import Language
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.binding import Binder, make_date_edit
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.evidence_editor import EvidenceSection
from desktop_app.ui.editor.statistics_editor import StatisticsSection
from desktop_app.ui.editor.widgets import enum_combo, heading, set_guidance, text_box

LINE_FIELDS = ("title", "case_number", "organisation", "unit", "decision_body", "author")
TEXT_FIELDS = ("description", "affected", "evidence", "evidence_missing")


class DecisionPage(QWidget):
    def __init__(
        self, context: UiContext, document: AssessmentDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.binder = Binder(document, self)
        step = context.content.step("decision")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(context.local(step.title)))
        set_guidance(self, context.local(step.title), context.local(step.guidance))
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, QWidget] = {}

        def add(name: str, widget: QWidget, row: QWidget | None = None) -> None:
            label = context.field(("decision", name))
            widget.setAccessibleName(label)
            form.addRow(label, row or widget)
            self.fields[name] = widget

        for name in LINE_FIELDS[:5]:
            line = QLineEdit()
            add(name, line)
            self.binder.line(line, ("decision", name))
        decision_date = make_date_edit(context.language)
        add("decision_date", decision_date, decision_date.row)
        self.binder.date(decision_date, ("decision", "decision_date"))
        author = QLineEdit()
        add("author", author)
        self.binder.line(author, ("decision", "author"))
        for name in TEXT_FIELDS[:2]:
            box = text_box(context.field(("decision", name)), lines=5)
            add(name, box)
            self.binder.text(box, ("decision", name))
        groups = text_box(context.field(("decision", "affected_groups")), lines=3)
        groups.setPlaceholderText(self.tr("One group per line"))
        add("affected_groups", groups)
        self.binder.lines(groups, ("decision", "affected_groups"))
        for name in TEXT_FIELDS[2:]:
            box = text_box(context.field(("decision", name)))
            add(name, box)
            self.binder.text(box, ("decision", name))
        decision_type = QComboBox()
        decision_type.setAccessibleName(context.field(("assessment", "decision_type")))
        decision_type.addItem(context.term("decision_type.none"), "")
        types = context.content.checklists.decision_types
        for item in types.values():
            decision_type.addItem(context.local(item.name), item.key)
            decision_type.setItemData(
                decision_type.count() - 1,
                context.local(item.description),
                Qt.ItemDataRole.ToolTipRole,
            )
        current = document.assessment.decision_type
        if current and current not in types:  # from an organisation whose types we lack
            decision_type.addItem(current, current)
        form.addRow(context.field(("assessment", "decision_type")), decision_type)
        self.fields["decision_type"] = decision_type
        self.binder.combo(decision_type, ("assessment", "decision_type"))
        language: QComboBox = enum_combo(
            ((lang, context.label(lang)) for lang in Language),
            context.field(("assessment", "language")),
        )
        form.addRow(context.field(("assessment", "language")), language)
        self.fields["language"] = language
        self.binder.combo(language, ("assessment", "language"))
        self.statistics = StatisticsSection(context, document)
        layout.addWidget(self.statistics)
        self.evidence = EvidenceSection(context, document)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
