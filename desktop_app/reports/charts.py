"""Charts for the portfolio report, drawn with reportlab.graphics.

They must read on a black-and-white printout: each impact has its own grey and a
symbol in the legend, segments are outlined, and the numbers are also in a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.domain.model import Direction
from desktop_app.reports.fonts import REGULAR

# Darkest for what most needs attention.
IMPACT_FILLS: dict[Direction | None, colors.Color] = {
    Direction.NEGATIVE: colors.Color(0.1, 0.1, 0.1),
    Direction.MIXED: colors.Color(0.42, 0.42, 0.42),
    Direction.POSITIVE: colors.Color(0.78, 0.78, 0.78),
    Direction.NEUTRAL: colors.white,
    Direction.UNKNOWN: colors.Color(0.93, 0.93, 0.93),
    None: colors.Color(0.93, 0.93, 0.93),
}


def impact_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Direction | None, Sequence[int]]],
    width: float,
) -> Drawing:
    """A horizontal stacked bar per category; ``series`` are (legend name, impact,
    one value per category), drawn in that order from the axis outwards."""
    bar = 11.0
    label_width = min(150.0, width * 0.34)
    rows = 1 if len(series) <= 3 else 2
    legend_height = 15.0 * rows + 6
    plot_height = max(bar * 1.6 * len(categories), 30.0)
    height = plot_height + legend_height + 30
    # The drawing's own font too, or renderPDF selects Helvetica (not embedded).
    # Its own initial font too, or renderPDF selects Helvetica (never embedded).
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=7.5)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = legend_height + 22
    chart.width = width - label_width - 10
    chart.height = plot_height
    # Categories run bottom-up in reportlab; reverse so the first is on top.
    chart.data = [list(reversed(values)) for _, _, values in series]
    names = [_fit(name, label_width - 8) for name in categories]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.visibleTicks = False
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    top = max((sum(col) for col in zip(*chart.data, strict=True)), default=0)
    chart.valueAxis.valueMax = max(top, 1)
    chart.valueAxis.valueStep = _step(max(top, 1))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barWidth = bar
    chart.groupSpacing = bar * 0.6
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.5
    for index, (_, impact, _) in enumerate(series):
        chart.bars[index].fillColor = IMPACT_FILLS[impact]
    drawing.add(chart)

    legend = Legend()
    legend.x = label_width
    legend.y = legend_height - 2
    legend.alignment = "right"
    legend.fontName = REGULAR
    legend.fontSize = 7.5
    legend.columnMaximum = rows
    legend.deltay = 14
    legend.deltax = 110
    legend.dx = 8
    legend.dy = 8
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.5
    legend.colorNamePairs = [(IMPACT_FILLS[impact], name) for name, impact, _ in series]
    drawing.add(legend)
    return drawing


def _fit(text: str, width: float) -> str:
    """``text`` shortened with an ellipsis to ``width`` points at the label size."""
    if stringWidth(text, REGULAR, 7.5) <= width:
        return text
    while text and stringWidth(text + "…", REGULAR, 7.5) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 8:
            return step
    return max(1, top // 8)
