"""The shared in-memory table model: columns follow the headers, a header's tooltip
falls back to its text, and replacing the rows resets the views."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.ui.list_table_model import ListTableModel

TIP = Qt.ItemDataRole.ToolTipRole


def test_counts_headers_and_reset(qtbot) -> None:
    model: ListTableModel[str] = ListTableModel()
    model.headers = ("≠", "What")
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model._set_rows(["a", "b", "c"])
    assert model.rowCount() == 3 and model.rows() == ["a", "b", "c"]
    assert model.row_at(1) == "b"
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children
    assert model.rowCount(QModelIndex()) == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "≠"
    assert model.headerData(0, Qt.Orientation.Horizontal, TIP) == "≠"
    model.header_tips = ("Changed", "What")
    assert model.headerData(0, Qt.Orientation.Horizontal, TIP) == "Changed"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
