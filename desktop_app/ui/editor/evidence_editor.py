"""Evidence on the decision page and each ground page: attached files, web links and
references to the records system.

Files are checked and stored by ``EvidenceService`` (refusals are explained in the
window's language) and opened with the system's viewer from a read-only copy. Opening
works in a read-only assessment too, so a reviewer can read the evidence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.evidence_service import EvidenceService
from desktop_app.domain.errors import LikaError
from desktop_app.domain.evidence import (
    ALLOWED_EXTENSIONS,
    AttachmentRefusedError,
    Evidence,
    EvidenceKind,
    RefusalReason,
)
from desktop_app.domain.statistics_text import refusal_text, size_text
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import NAVIGATION, wrapped_label
from desktop_app.ui.flow_layout import TightFlowLayout
from desktop_app.ui.literal_text import literal

UID_ROLE = Qt.ItemDataRole.UserRole


def describe(context: UiContext, item: Evidence) -> str:
    """One line for a list: kind, name or label, and what identifies it."""
    kind = context.label(item.kind)
    if item.is_file:
        return f"{kind}: {item.title} ({size_text(item.size, context.language)})"
    label = f"{item.title} – " if item.title else ""
    return f"{kind}: {label}{item.reference}"


def open_evidence(parent: QWidget, context: UiContext, service: EvidenceService,
                  item: Evidence) -> bool:  # fmt: skip
    """Open a file (from a read-only copy) or a web link with the system; False if it
    could not be opened (the user was told why). Only a file of a kind that can be
    attached, and only an http or https address, is handed to the system."""
    if item.kind is EvidenceKind.RECORD:
        return False
    title = QCoreApplication.translate("EvidenceSection", "Cannot open")
    try:
        if item.is_file:
            url = QUrl.fromLocalFile(str(service.open_copy(item)))
        else:
            url = QUrl(service.web_address(item), QUrl.ParsingMode.StrictMode)
            if not url.isValid() or url.scheme().lower() not in ("http", "https"):
                raise AttachmentRefusedError(
                    RefusalReason.BAD_LINK, item.reference, "not a web address"
                )
    except AttachmentRefusedError as error:
        text = refusal_text(context.content.vocabulary, error, context.language)
        QMessageBox.warning(parent, title, literal(text))
        return False
    except LikaError as error:
        QMessageBox.warning(parent, title, literal(str(error)))
        return False
    return QDesktopServices.openUrl(url)


class ReferenceDialog(QDialog):
    """Asks for a web address or a case number, and an optional label."""

    def __init__(self, context: UiContext, kind: EvidenceKind, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(context.label(kind))
        form = QFormLayout(self)
        self.reference = QLineEdit()
        self.reference.setAccessibleName(context.term("evidence.reference"))
        form.addRow(context.term("evidence.reference"), self.reference)
        self.title = QLineEdit()
        self.title.setAccessibleName(context.term("evidence.name"))
        form.addRow(context.term("evidence.name"), self.title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class EvidenceSection(QGroupBox):
    """The evidence of one target: the decision (``""``) or a ground's key."""

    def __init__(self, context: UiContext, document: AssessmentDocument, target: str = "") -> None:
        super().__init__(context.term("evidence.heading"))
        self.context = context
        self.document = document
        self.target = target
        self.service: EvidenceService = document.service.evidence
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self.tr("PDF, Office and OpenDocument files, images and CSV, up to 10 MB each."),
                muted=True,
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(context.term("evidence.heading"))
        self.list.setProperty(NAVIGATION, True)  # a reviewer selects and opens too
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 8)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list)
        row = TightFlowLayout()  # the buttons wrap at large text sizes
        self.attach = QPushButton(self.tr("Attach file…"))
        self.attach.clicked.connect(self.choose_file)
        self.link = QPushButton(self.tr("Add link…"))
        self.link.clicked.connect(lambda: self.add_reference(EvidenceKind.LINK))
        self.record = QPushButton(self.tr("Add case reference…"))
        self.record.clicked.connect(lambda: self.add_reference(EvidenceKind.RECORD))
        self.open = QPushButton(self.tr("Open"))
        self.open.setProperty(NAVIGATION, True)  # opening changes nothing
        self.open.clicked.connect(self.open_selected)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self.remove_selected)
        for button in (self.attach, self.link, self.record, self.open, self.remove):
            row.addWidget(button)
        layout.addLayout(row)
        document.itemsChanged.connect(self._on_items_changed)
        self.refresh()

    def items(self) -> list[Evidence]:
        return [e for e in self.document.assessment.evidence if e.target == self.target]

    def selected(self) -> Evidence | None:
        current = self.list.currentItem()
        if current is None:
            return None
        uid = current.data(UID_ROLE)
        return next((e for e in self.items() if e.uid == uid), None)

    def refresh(self) -> None:
        selected = self.selected()
        self.list.clear()
        for item in self.items():
            row = QListWidgetItem(describe(self.context, item))
            row.setData(UID_ROLE, item.uid)
            tip = [item.note] if item.note else []
            if item.is_file:
                tip += [item.media_type, f"SHA-256 {item.sha256}"]
            row.setToolTip("\n".join(tip))
            self.list.addItem(row)
            if selected is not None and item.uid == selected.uid:
                self.list.setCurrentItem(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        editable = not self.document.read_only
        for button in (self.attach, self.link, self.record):
            button.setEnabled(editable)
        self.remove.setEnabled(editable and item is not None)
        self.open.setEnabled(item is not None and item.kind is not EvidenceKind.RECORD)

    def _on_items_changed(self, kind: str) -> None:
        if kind == "evidence":
            self.refresh()

    def _add(self, item: Evidence, text: str) -> None:
        self.document.edit_items("evidence", [*self.document.assessment.evidence, item], text)
        self.list.setCurrentRow(self.list.count() - 1)

    def choose_file(self) -> None:
        patterns = " ".join(f"*.{ext}" for ext in ALLOWED_EXTENSIONS)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach file"), "", self.tr("Evidence (%1)").replace("%1", patterns)
        )
        if name:
            self.attach_file(Path(name))

    def attach_file(self, path: Path) -> Evidence | None:
        """Check and store the file, then add it; a refusal is explained."""
        try:
            item = self.service.attach_file(self.document.assessment, path, self.target)
        except AttachmentRefusedError as error:
            text = refusal_text(self.context.content.vocabulary, error, self.context.language)
            QMessageBox.warning(self, self.tr("File not attached"), text)
            return None
        except LikaError as error:
            QMessageBox.warning(self, self.tr("File not attached"), literal(str(error)))
            return None
        self._add(item, self.tr("Attach file"))
        return item

    def add_reference(self, kind: EvidenceKind) -> None:
        dialog = ReferenceDialog(self.context, kind, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_reference_text(kind, dialog.reference.text(), dialog.title.text())

    def add_reference_text(self, kind: EvidenceKind, reference: str, title: str) -> bool:
        try:
            item = self.service.reference(kind, reference, title, self.target)
        except AttachmentRefusedError as error:
            text = refusal_text(self.context.content.vocabulary, error, self.context.language)
            QMessageBox.warning(self, self.context.label(kind), text)
            return False
        self._add(item, self.context.label(kind))
        return True

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            open_evidence(self, self.context, self.service, item)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None or self.document.read_only:
            return
        remaining = [e for e in self.document.assessment.evidence if e.uid != item.uid]
        self.document.edit_items("evidence", remaining, self.tr("Remove evidence"))
