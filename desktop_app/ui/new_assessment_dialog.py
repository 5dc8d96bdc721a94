"""The "new assessment" dialog: the law to assess against, the language of the
assessment (its PDF and memo text), a working title, the type of decision (which ticks
the modules it suggests) and optional modules.

The Swedish Discrimination Act is preselected; everything can be changed later except
the framework, so it is chosen here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.defaults import DEFAULT_FRAMEWORK
from desktop_app.domain.language import framework_language
from desktop_app.domain.model import Language
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.widgets import wrapped_label
from desktop_app.ui.modules_chooser import ModulesChooser


@dataclass(frozen=True)
class NewAssessmentChoice:
    framework_id: str
    language: Language
    title: str = ""
    modules: list[str] = field(default_factory=list)
    decision_type: str = ""


class NewAssessmentDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New assessment"))
        library = context.content.checklists
        layout = QVBoxLayout(self)
        # The fields scroll (the buttons stay) when large text meets a small screen.
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus starts on the title
        layout.addWidget(scroll)
        form = QFormLayout()
        inner.addLayout(form)

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title of the decision"))
        self.title.setPlaceholderText(self.tr("Can be filled in later"))
        form.addRow(self.tr("&Title of the decision:"), self.title)

        self.framework = QComboBox()
        self.framework.setAccessibleName(self.tr("Law"))
        # The Swedish law first and by default; afterwards, the law chosen last time.
        for framework in sorted(library.frameworks(), key=lambda f: f.id != DEFAULT_FRAMEWORK):
            self.framework.addItem(context.local(framework.name), framework.id)
            index = self.framework.count() - 1
            self.framework.setItemData(
                index, context.local(framework.law), Qt.ItemDataRole.ToolTipRole
            )
        form.addRow(self.tr("&Law to assess against:"), self.framework)
        self.law = wrapped_label("", muted=True)
        form.addRow("", self.law)
        descriptions = {f.id: context.local(f.law) for f in library.frameworks()}
        # The law chosen last time, else the organisation's default (defaults.ini).
        last = context.settings.default_framework
        if self.framework.findData(last) != -1:
            self.framework.setCurrentIndex(self.framework.findData(last))
        self.framework.currentIndexChanged.connect(
            lambda _i: self.law.setText(descriptions.get(self.framework.currentData(), ""))
        )
        self.law.setText(descriptions.get(self.framework.currentData(), ""))

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the assessment"))
        for language in Language:
            self.language.addItem(context.label(language), language.value)
        language = context.settings.last_assessment_language or context.language
        self.language.setCurrentIndex(self.language.findData(language.value))
        form.addRow(self.tr("Lan&guage of the assessment:"), self.language)
        # Choosing a law suggests its country's language (the Norwegian law: Bokmål).
        self.framework.currentIndexChanged.connect(lambda _i: self._suggest_language())
        form.addRow(
            "",
            wrapped_label(
                self.tr("The PDF and the text for the decision memo are written in this language."),
                muted=True,
            ),
        )

        self.decision_type = QComboBox()
        self.decision_type.setAccessibleName(self.tr("Type of decision"))
        self.decision_type.addItem(self.tr("Not chosen"), "")
        for decision_type in library.decision_types.values():
            self.decision_type.addItem(context.local(decision_type.name), decision_type.key)
            self.decision_type.setItemData(
                self.decision_type.count() - 1,
                context.local(decision_type.description),
                Qt.ItemDataRole.ToolTipRole,
            )
        form.addRow(self.tr("T&ype of decision:"), self.decision_type)
        self.type_note = wrapped_label(
            self.tr("Adds questions for this kind of decision and suggests modules."), muted=True
        )
        form.addRow("", self.type_note)
        self._types = library.decision_types
        self._context = context
        self.decision_type.currentIndexChanged.connect(lambda _i: self._type_chosen())

        modules = QGroupBox(self.tr("Optional modules"))
        modules_layout = QVBoxLayout(modules)
        self.modules = ModulesChooser(context, library.modules())
        modules_layout.addWidget(self.modules)
        inner.addWidget(modules)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        create = buttons.button(QDialogButtonBox.StandardButton.Ok)
        create.setText(self.tr("&Create"))
        create.setDefault(True)  # Return creates, from any field
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        # Room for the fields and a vertical scroll bar: the fields never scroll sideways.
        scroll.setMinimumWidth(
            fields.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )

    def _type_chosen(self) -> None:
        """Tick the modules the type suggests (the user may untick them) and say what the
        type is about."""
        chosen = self._types.get(self.decision_type.currentData() or "")
        if chosen is None:
            self.type_note.setText(
                self.tr("Adds questions for this kind of decision and suggests modules.")
            )
            return
        self.type_note.setText(self._context.local(chosen.description))
        for module_id in chosen.modules:
            box = self.modules.boxes.get(module_id)
            if box is not None:
                box.setChecked(True)

    def _suggest_language(self) -> None:
        language = framework_language(str(self.framework.currentData()))
        if language is not None:
            self.language.setCurrentIndex(self.language.findData(language.value))

    def choice(self) -> NewAssessmentChoice:
        return NewAssessmentChoice(
            framework_id=self.framework.currentData(),
            language=Language(self.language.currentData()),
            title=self.title.text().strip(),
            modules=self.modules.chosen(),
            decision_type=self.decision_type.currentData() or "",
        )


def ask_new_assessment(parent: QWidget, context: UiContext) -> NewAssessmentChoice | None:
    """Show the dialog; the user's choice (remembered for next time), or None."""
    dialog = NewAssessmentDialog(context, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
    finally:
        dialog.deleteLater()
    context.settings.last_framework = choice.framework_id
    context.settings.last_assessment_language = choice.language
    return choice
