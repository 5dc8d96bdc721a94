"""The unit filter of the register tabs and the report dialog: units read from the
register on a worker thread, offered after the combo box's first entry ("All units")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox

from desktop_app.app.ports import ReaderFactory
from desktop_app.progress import Progress


def read_units(readers: ReaderFactory) -> Callable[[Progress], list[str]]:
    """Work for a runner: every unit named in the register."""

    def work(_progress: Progress) -> list[str]:
        with readers() as reader:
            return reader.units()

    return work


def fill_units(combo: QComboBox, units: list[str]) -> bool:
    """Offer ``units`` after the first entry, keeping the current choice; False when
    the chosen unit is no longer in the register (the first entry is chosen then)."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for unit in units:
        combo.addItem(unit, unit)
    found = combo.findData(current) if current else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
    return found >= 0
