"""The open assessment, as seen by the editor's widgets.

Widgets change values through ``set_value(path, value)``; the document applies the
edit with the domain's rules, tells every widget bound to that path (so undo and
other views stay in step) and saves after a short pause in typing, so no save button
is needed and at most the last moment of typing is at risk.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.domain import edits
from desktop_app.domain.completeness import Gap
from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment, Measure
from desktop_app.service import AssessmentService

SAVE_DELAY_MS = 700


class AssessmentDocument(QObject):
    valueChanged = Signal(tuple)
    measuresChanged = Signal()
    gapsChanged = Signal()
    saved = Signal()
    saveFailed = Signal(str)

    def __init__(
        self, service: AssessmentService, assessment: Assessment, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.assessment = assessment
        self.checklists = service.checklists_for(assessment)
        self._gaps = service.gaps(assessment)
        self._dirty = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def read_only(self) -> bool:
        return self.assessment.is_locked

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def gaps(self) -> list[Gap]:
        return self._gaps

    def value(self, path: edits.FieldPath) -> Any:
        return edits.get_value(self.assessment, path)

    def set_value(self, path: edits.FieldPath, value: Any) -> None:
        if self.read_only or edits.get_value(self.assessment, path) == value:
            return
        edits.set_value(self.assessment, path, value)
        self.valueChanged.emit(path)
        self._changed()

    def add_measure(self, measure: Measure, index: int | None = None) -> None:
        edits.add_measure(self.assessment, measure, index)
        self.measuresChanged.emit()
        self._changed()

    def remove_measure(self, uid: str) -> tuple[int, Measure]:
        removed = edits.remove_measure(self.assessment, uid)
        self.measuresChanged.emit()
        self._changed()
        return removed

    def _changed(self) -> None:
        self._dirty = True
        self._gaps = self.service.gaps(self.assessment)
        self.gapsChanged.emit()
        self._timer.start()

    def save_now(self) -> bool:
        """Write pending edits now (also called when the window closes)."""
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            self.service.save(self.assessment)
        except LikaError as error:
            self.saveFailed.emit(str(error))
            return False
        self._dirty = False
        self.saved.emit()
        return True
