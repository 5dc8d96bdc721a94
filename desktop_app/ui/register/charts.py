"""Horizontal bar charts drawn with QPainter, readable without colour.

Each kind of bar segment has its own fill pattern as well as its own colour, every bar
carries its number as text, and the widget's accessible description repeats the
figures in words, so the chart works in black and white and with a screen reader.
The overview also shows the same numbers in a table beside each chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class SegmentKind:
    """How one kind of segment looks: a name for the legend, a colour and a pattern."""

    name: str
    color: QColor
    pattern: Qt.BrushStyle


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]  # one per segment kind

    @property
    def total(self) -> int:
        return sum(self.values)


# Distinct in grey scale too: fills run from dark to light, with different patterns.
PALETTE = (
    (QColor("#8c1d18"), Qt.BrushStyle.SolidPattern),
    (QColor("#c2571a"), Qt.BrushStyle.BDiagPattern),
    (QColor("#1f6f43"), Qt.BrushStyle.Dense3Pattern),
    (QColor("#4a6fa5"), Qt.BrushStyle.CrossPattern),
    (QColor("#7a7a7a"), Qt.BrushStyle.Dense6Pattern),
    (QColor("#b0a040"), Qt.BrushStyle.HorPattern),
)


SINGLE = (QColor("#3d5a80"), Qt.BrushStyle.SolidPattern)  # plain counts: no alarm colour


def segment_kinds(names: list[str]) -> list[SegmentKind]:
    if len(names) == 1:
        return [SegmentKind(names[0], *SINGLE)]
    return [SegmentKind(name, *PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)]


class BarChart(QWidget):
    """One horizontal bar per row, stacked by segment kind, with a legend on top."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.kinds: list[SegmentKind] = []
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so it can be read out

    def set_data(self, kinds: list[SegmentKind], bars: list[Bar]) -> None:
        self.kinds, self.bars = kinds, bars
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart in words, e.g. "Age: 12 (Negative 5, Positive 7)"."""
        parts = []
        for bar in self.bars:
            detail = ", ".join(
                f"{kind.name} {value}"
                for kind, value in zip(self.kinds, bar.values, strict=True)
                if value
            )
            stacked = len(self.kinds) > 1 and detail
            parts.append(f"{bar.label}: {bar.total}" + (f" ({detail})" if stacked else ""))
        return "; ".join(parts)

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.6)

    def _legend_height(self) -> int:
        return self._row_height() if len(self.kinds) > 1 else 0

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 1)
        return QSize(
            40 * self.fontMetrics().averageCharWidth(),
            self._legend_height() + rows * self._row_height() + self._row_height() // 2,
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(20 * self.fontMetrics().averageCharWidth(), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        text_pen = QPen(palette.color(QPalette.ColorRole.WindowText))
        metrics = self.fontMetrics()
        row = self._row_height()
        y = 0
        if len(self.kinds) > 1:
            x: float = 0
            box = metrics.height()
            for kind in self.kinds:
                self._fill(painter, QRectF(x, y + (row - box) / 2, box, box), kind, text_pen)
                x += box + metrics.averageCharWidth()
                painter.setPen(text_pen)
                painter.drawText(QRectF(x, y, self.width() - x, row),
                                 Qt.AlignmentFlag.AlignVCenter, kind.name)  # fmt: skip
                x += metrics.horizontalAdvance(kind.name) + 3 * metrics.averageCharWidth()
            y += row
        if not self.bars:
            painter.setPen(text_pen)
            painter.drawText(QRectF(0, y, self.width(), row), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("Nothing to show for this period."))  # fmt: skip
            return
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self.bars) + metrics.averageCharWidth(),
            self.width() // 3,
        )
        number_width = metrics.horizontalAdvance("00000") + metrics.averageCharWidth()
        scale_width = max(self.width() - label_width - number_width, 10)
        biggest = max((b.total for b in self.bars), default=0) or 1
        for bar in self.bars:
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(0, y, label_width - metrics.averageCharWidth() / 2, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width),
            )
            x = label_width
            for kind, value in zip(self.kinds, bar.values, strict=True):
                if not value:
                    continue
                width = scale_width * value / biggest
                self._fill(painter, QRectF(x, y + row * 0.15, width, row * 0.7), kind, text_pen)
                x += width
            painter.setPen(text_pen)
            painter.drawText(QRectF(x + metrics.averageCharWidth() / 2, y, number_width, row),
                             Qt.AlignmentFlag.AlignVCenter, str(bar.total))  # fmt: skip
            y += row
        painter.end()

    @staticmethod
    def _fill(painter: QPainter, rect: QRectF, kind: SegmentKind, outline: QPen) -> None:
        light = QColor(kind.color).lighter(175)
        painter.fillRect(rect, light)
        painter.fillRect(rect, QBrush(kind.color, kind.pattern))
        painter.setPen(outline)
        painter.drawRect(rect)
