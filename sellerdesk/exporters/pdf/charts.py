"""Report charts as reportlab drawings, legible when printed in black and white.

Bars: grey levels far apart, black outlines, the second series hatched, value
labels when they fit. Lines: black/grey with dash patterns and different
markers; a day without data breaks the line instead of dropping to zero.
Phase bands are shaded stripes behind the line, labelled at the top. Pie:
grey wedges with white borders and a legend listing each share. The legend is
drawn by hand so a line's swatch shows its dash and marker.
"""

from __future__ import annotations

import math
import re

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String, UserNode
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from sellerdesk.domain.report_doc import Chart, ChartKind, Kind
from sellerdesk.exporters.pdf.formats import compact, format_value
from sellerdesk.exporters.pdf.styles import (BAND_FILLS, FRAME_W, INK, LINE_STYLES, RULE_GREY, SERIES_FILLS,
                                             SERIES_HATCHED, TEXT_GREY, WHITE)

AXIS_SIZE = 7
LABEL_SIZE = 6.5
LEGEND_H = 14
GRID = colors.Color(0.85, 0.85, 0.85)
_ISO_DAY = re.compile(r"^\d{4}-(\d{2}-\d{2})$")


def has_numbers(chart: Chart) -> bool:
    return any(v is not None for s in chart.series for v in s.values) and bool(chart.categories)


def draw_chart(chart: Chart, font: str, lang: str, width: float = FRAME_W) -> Drawing:
    """The chart as a Drawing as wide as the text frame."""
    if chart.kind == ChartKind.PIE:
        return _pie(chart, font, lang, width)
    if chart.kind == ChartKind.HBAR:
        return _hbar(chart, font, lang, width)
    if chart.kind == ChartKind.LINE:
        return _line(chart, font, lang, width)
    return _bar(chart, font, lang, width)


# --- helpers ---------------------------------------------------------------------------------

def shorten(text: str, font: str, size: float, width: float) -> str:
    """The text cut with … so it fits in width points."""
    if stringWidth(text, font, size) <= width:
        return text
    ell = stringWidth("…", font, size)
    out, used = [], 0.0
    for ch in text:
        w = stringWidth(ch, font, size)
        if used + w + ell > width:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"


def _day_label(text: str) -> str:
    m = _ISO_DAY.match(text)
    return m.group(1) if m else text


def _axis_style(axis, font: str) -> None:
    axis.labels.fontName = font
    axis.labels.fontSize = AXIS_SIZE
    axis.labels.fillColor = TEXT_GREY
    axis.strokeColor = RULE_GREY
    axis.strokeWidth = 0.5


def _value_axis(axis, chart: Chart, font: str, lang: str, values: list[float]) -> None:
    _axis_style(axis, font)
    axis.labelTextFormat = lambda v: compact(v, chart.unit, lang)
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.4
    axis.visibleTicks = False
    if values and min(values) >= 0:
        axis.valueMin = 0
    if values and max(values) <= 0 and min(values) == 0:
        axis.valueMax = 1  # an all-zero series still gets an axis
    if chart.unit is Kind.INT and values and 0 < max(values) < 10:
        axis.valueStep = 1  # counts: reportlab would put ticks at 0.5 and label 0, 0, 1, 1, 2...


def _hatch(x: float, y: float, w: float, h: float, gap: float = 3.0) -> list[Line]:
    """45° lines clipped to the rectangle (reportlab has no pattern fills)."""
    lines = []
    if w <= 0 or h <= 0:
        return lines
    c = -h
    while c < w:
        # the line x - x0 = (y - y0) + c, clipped to the box
        x1, y1 = max(c, 0.0), max(-c, 0.0)
        x2 = min(w, h + c)
        y2 = x2 - c
        if x2 > x1:
            lines.append(Line(x + x1, y + y1, x + x2, y + y2, strokeColor=INK, strokeWidth=0.35))
        c += gap
    return lines


def _expand(group: Group) -> Group:
    """Turn the chart's label widgets into plain shapes now, while the chart (their style's owner) is alive."""
    for i, child in enumerate(group.contents):
        if isinstance(child, UserNode):
            child = child.provideNode()
            group.contents[i] = child
        if isinstance(child, Group):
            _expand(child)
    return group


def _add_hatching(group: Group, fill) -> None:
    """Hatch every bar drawn in the given fill (the chart is drawn first, then walked)."""
    for shape in list(group.contents):
        if isinstance(shape, Group):
            _add_hatching(shape, fill)
        elif isinstance(shape, Rect) and shape.fillColor == fill:
            x, y, w, h = shape.x, shape.y, shape.width, shape.height
            if w < 0:
                x, w = x + w, -w
            if h < 0:
                y, h = y + h, -h
            for line in _hatch(x, y, w, h):
                group.add(line)


def _swatch(kind: str, i: int, x: float, y: float) -> list:
    if kind == "line":
        grey, width, dash, marker = LINE_STYLES[i % len(LINE_STYLES)]
        line = Line(x, y + 4, x + 18, y + 4, strokeColor=grey, strokeWidth=width, strokeDashArray=dash)
        m = makeMarker(marker, x=x + 9, y=y + 4, size=4, fillColor=grey, strokeColor=grey)
        if marker in ("Square", "Diamond"):
            m.fillColor = WHITE
        return [line, m]
    fill = SERIES_FILLS[i % len(SERIES_FILLS)]
    shapes = [Rect(x, y, 10, 8, fillColor=fill, strokeColor=INK, strokeWidth=0.4)]
    if SERIES_HATCHED[i % len(SERIES_HATCHED)] and kind == "bar":
        shapes += _hatch(x, y, 10, 8, gap=2.5)
    return shapes


def _legend(d: Drawing, names: list[str], kind: str, font: str, x: float, y: float, width: float) -> None:
    """One row of swatch + name per series from (x, y), wrapping at width."""
    cx, cy = x, y
    for i, name in enumerate(names):
        sw = 18 if kind == "line" else 10
        text = shorten(name, font, AXIS_SIZE + 0.5, width / 2)
        item_w = sw + 4 + stringWidth(text, font, AXIS_SIZE + 0.5) + 14
        if cx > x and cx + item_w > x + width:
            cx, cy = x, cy - 12
        for shape in _swatch(kind, i, cx, cy):
            d.add(shape)
        d.add(String(cx + sw + 4, cy + 1, text, fontName=font, fontSize=AXIS_SIZE + 0.5, fillColor=INK))
        cx += item_w


def _category_labels(chart: Chart, font: str, slot: float) -> list[str]:
    """Category names that fit their slot: every k-th one when many are too wide (days), else cut with …."""
    names = [_day_label(c) for c in chart.categories]
    widest = max((stringWidth(n, font, AXIS_SIZE) for n in names), default=0)
    step = max(1, math.ceil((widest + 6) / slot)) if slot > 0 else 1
    if step > 1 and len(names) > 8:
        return [n if i % step == 0 else "" for i, n in enumerate(names)]
    return [shorten(n, font, AXIS_SIZE, slot - 2) for n in names]


# --- the four kinds ---------------------------------------------------------------------------

def _bar(chart: Chart, font: str, lang: str, width: float) -> Drawing:
    height = 62 * mm
    d = Drawing(width, height, initialFontName=font)  # no unembedded Helvetica
    n_series = max(1, len(chart.series))
    values = [v for s in chart.series for v in s.values if v is not None]
    bc = VerticalBarChart()
    bc.x, bc.y = 44, 24
    bc.width, bc.height = width - bc.x - 6, height - bc.y - LEGEND_H - 12
    bc.data = [[v if v is not None else 0 for v in s.values] for s in chart.series]
    bc.categoryAxis.categoryNames = _category_labels(chart, font, bc.width / max(1, len(chart.categories)))
    _axis_style(bc.categoryAxis, font)
    bc.categoryAxis.labels.dy = -2
    _value_axis(bc.valueAxis, chart, font, lang, values)
    bc.groupSpacing = 8 if len(chart.categories) < 12 else 3
    bc.barSpacing = 1
    for i in range(n_series):
        bc.bars[i].fillColor = SERIES_FILLS[i % len(SERIES_FILLS)]
        bc.bars[i].strokeColor = INK
        bc.bars[i].strokeWidth = 0.4
    slot = bc.width / max(1, len(chart.categories)) / n_series
    if slot >= 18:  # value labels only where they do not collide
        bc.barLabelFormat = lambda v: compact(v, chart.unit, lang)
        bc.barLabels.fontName = font
        bc.barLabels.fontSize = LABEL_SIZE
        bc.barLabels.nudge = 5
        bc.barLabels.boxAnchor = "s"
    group = _expand(bc.draw())
    for i in range(n_series):
        if SERIES_HATCHED[i % len(SERIES_HATCHED)]:
            _add_hatching(group, SERIES_FILLS[i % len(SERIES_FILLS)])
    d.add(group)
    _legend(d, [s.name for s in chart.series], "bar", font, bc.x, height - LEGEND_H + 2, bc.width)
    return d


def _hbar(chart: Chart, font: str, lang: str, width: float) -> Drawing:
    n_cat, n_series = len(chart.categories), max(1, len(chart.series))
    row = n_series * 10 + 7
    height = max(28 * mm, n_cat * row + 28 + LEGEND_H)
    d = Drawing(width, height, initialFontName=font)  # no unembedded Helvetica
    values = [v for s in chart.series for v in s.values if v is not None]
    natural = max((stringWidth(c, font, AXIS_SIZE) for c in chart.categories), default=0)
    label_w = min(natural, width * 0.42) + 8
    bc = HorizontalBarChart()
    bc.x, bc.y = label_w, 16
    bc.width = width - label_w - 40  # room for the longest value label at the right
    bc.height = height - bc.y - LEGEND_H - 8
    # reportlab draws the first category at the bottom; a ranking reads from the top.
    bc.data = [[v if v is not None else 0 for v in reversed(s.values)] for s in chart.series]
    bc.categoryAxis.categoryNames = [shorten(c, font, AXIS_SIZE, label_w - 8) for c in reversed(chart.categories)]
    _axis_style(bc.categoryAxis, font)
    bc.categoryAxis.labels.boxAnchor = "e"
    bc.categoryAxis.labels.dx = -4
    bc.categoryAxis.visibleTicks = False
    _value_axis(bc.valueAxis, chart, font, lang, values)
    bc.groupSpacing = 5
    bc.barSpacing = 1
    for i in range(n_series):
        bc.bars[i].fillColor = SERIES_FILLS[i % len(SERIES_FILLS)]
        bc.bars[i].strokeColor = INK
        bc.bars[i].strokeWidth = 0.4
    bc.barLabelFormat = lambda v: compact(v, chart.unit, lang)
    bc.barLabels.fontName = font
    bc.barLabels.fontSize = LABEL_SIZE
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 3
    group = _expand(bc.draw())
    for i in range(n_series):
        if SERIES_HATCHED[i % len(SERIES_HATCHED)]:
            _add_hatching(group, SERIES_FILLS[i % len(SERIES_FILLS)])
    d.add(group)
    if n_series > 1:
        _legend(d, [s.name for s in chart.series], "bar", font, bc.x, height - LEGEND_H + 2, bc.width)
    return d


def _line(chart: Chart, font: str, lang: str, width: float) -> Drawing:
    height = 66 * mm
    d = Drawing(width, height, initialFontName=font)  # no unembedded Helvetica
    n = len(chart.categories)
    lp = LinePlot()
    lp.x, lp.y = 44, 22
    lp.width, lp.height = width - lp.x - 8, height - lp.y - LEGEND_H - 28  # room for two rows of phase labels
    # A day without data splits its series into segments that share the series' style.
    rows, owners = [], []
    for si, s in enumerate(chart.series):
        seg: list[tuple[float, float]] = []
        for i, v in enumerate(s.values[:n]):
            if v is None:
                if seg:
                    rows.append(seg)
                    owners.append(si)
                seg = []
            else:
                seg.append((i, v))
        if seg:
            rows.append(seg)
            owners.append(si)
    values = [v for s in chart.series for v in s.values if v is not None]
    lp.data = rows
    for ri, si in enumerate(owners):
        grey, w, dash, marker = LINE_STYLES[si % len(LINE_STYLES)]
        lp.lines[ri].strokeColor = grey
        lp.lines[ri].strokeWidth = w
        lp.lines[ri].strokeDashArray = dash
        sym = makeMarker(marker, size=3.2 if n <= 40 else 2, fillColor=grey, strokeColor=grey)
        if marker in ("Square", "Diamond"):
            sym.fillColor = WHITE
        lp.lines[ri].symbol = sym
    x_axis = lp.xValueAxis
    _axis_style(x_axis, font)
    x_axis.valueMin, x_axis.valueMax = -0.5, max(n - 0.5, 0.5)
    labels = _category_labels(chart, font, lp.width / max(1, n))
    x_axis.valueSteps = [i for i in range(n) if labels[i]] or [0]
    x_axis.labelTextFormat = lambda v: labels[int(round(v))] if 0 <= round(v) < n else ""
    x_axis.visibleGrid = False
    _value_axis(lp.yValueAxis, chart, font, lang, values)
    if values:
        top = max(values)
        lp.yValueAxis.valueMax = top * 1.08 if top > 0 else 1  # room above the peak's marker
    # Bands first, so the lines are drawn over them.
    unit = lp.width / (x_axis.valueMax - x_axis.valueMin)
    _bands(d, chart, lp, unit, font)
    if rows:
        d.add(lp)
        _peak_label(d, chart, lp, unit, font, lang, values)
    _legend(d, [s.name for s in chart.series], "line", font, lp.x, height - LEGEND_H + 2, lp.width)
    return d


def _bands(d: Drawing, chart: Chart, lp: LinePlot, unit: float, font: str) -> None:
    """Shaded stripes for the phases; a label too wide for its stripe goes on a second row above."""
    n = len(chart.categories)
    top = lp.y + lp.height + 12
    taken: list[tuple[float, float]] = []  # second-row labels already placed
    for bi, band in enumerate(chart.bands):
        start, end = max(0, band.start), min(n - 1, band.end)
        if end < start:
            continue
        x0 = lp.x + (start - 0.5 - lp.xValueAxis.valueMin) * unit
        x1 = lp.x + (end + 0.5 - lp.xValueAxis.valueMin) * unit
        d.add(Rect(x0, lp.y, x1 - x0, top - lp.y, fillColor=BAND_FILLS[bi % 2], strokeColor=None))
        d.add(Line(x0, lp.y, x0, top, strokeColor=RULE_GREY, strokeWidth=0.4, strokeDashArray=(1, 1.5)))
        text_w = stringWidth(band.label, font, LABEL_SIZE)
        if text_w <= x1 - x0 - 3:
            d.add(String((x0 + x1) / 2, top - 8.5, band.label, fontName=font, fontSize=LABEL_SIZE,
                         fillColor=INK, textAnchor="middle"))
            continue
        mid = min(max((x0 + x1) / 2, lp.x + text_w / 2), lp.x + lp.width - text_w / 2)
        left, right = mid - text_w / 2 - 2, mid + text_w / 2 + 2
        label = band.label
        if any(a < right and left < b for a, b in taken):  # still colliding: shorten to the stripe
            label = shorten(band.label, font, LABEL_SIZE, max(x1 - x0 - 3, stringWidth("…", font, LABEL_SIZE)))
        taken.append((left, right))
        d.add(Line((x0 + x1) / 2, top, (x0 + x1) / 2, top + 2.5, strokeColor=RULE_GREY, strokeWidth=0.4))
        d.add(String(mid, top + 3.5, label, fontName=font, fontSize=LABEL_SIZE, fillColor=INK,
                     textAnchor="middle"))


def _peak_label(d: Drawing, chart: Chart, lp: LinePlot, unit: float, font: str, lang: str,
                values: list[float]) -> None:
    """The first series' highest day, labelled (the number a partner asks about first)."""
    first = [(i, v) for i, v in enumerate(chart.series[0].values) if v is not None] if chart.series else []
    if not first or min(values) < 0 or not lp.yValueAxis.valueMax:
        return
    i, v = max(first, key=lambda p: p[1])
    x = lp.x + (i - lp.xValueAxis.valueMin) * unit
    y = lp.y + v / lp.yValueAxis.valueMax * lp.height
    d.add(String(x + 5, y - 2, compact(v, chart.unit, lang), fontName=font, fontSize=LABEL_SIZE + 0.5,
                 fillColor=INK, textAnchor="start"))


def _pie(chart: Chart, font: str, lang: str, width: float) -> Drawing:
    series = chart.series[0] if chart.series else None
    pairs = [(c, v) for c, v in zip(chart.categories, series.values if series else ()) if v and v > 0]
    total = sum(v for _, v in pairs) or 1
    height = max(52 * mm, len(pairs) * 14 + 24)
    d = Drawing(width, height, initialFontName=font)  # no unembedded Helvetica
    size = min(height - 16, 44 * mm)
    pie = Pie()
    pie.x, pie.y = 10, (height - size) / 2
    pie.width = pie.height = size
    pie.data = [v for _, v in pairs] or [1]
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.strokeColor = WHITE
    pie.slices.strokeWidth = 1.2
    fills = _pie_fills(len(pairs))
    for i, fill in enumerate(fills):
        pie.slices[i].fillColor = fill
    d.add(pie)
    # Shares inside wedges big enough to hold them, white on dark grey.
    cx, cy, r = pie.x + size / 2, pie.y + size / 2, size / 2
    angle = 90.0
    for i, (_, v) in enumerate(pairs):
        sweep = 360.0 * v / total
        if v / total >= 0.07:
            mid = math.radians(angle - sweep / 2)
            dark = fills[i].red < 0.5
            d.add(String(cx + 0.62 * r * math.cos(mid), cy + 0.62 * r * math.sin(mid) - 3,
                         f"{v / total * 100:.0f}%", fontName=font, fontSize=7.5, textAnchor="middle",
                         fillColor=WHITE if dark else INK))
        angle -= sweep
    # The legend: swatch, name, value, share, aligned in columns.
    lx = pie.x + size + 24
    top = height / 2 + len(pairs) * 7
    value_x = lx + min(width * 0.45, 16 + max((stringWidth(c, font, 8) for c, _ in pairs), default=0) + 24)
    for i, (name, v) in enumerate(pairs):
        y = top - i * 14 - 8
        d.add(Rect(lx, y, 10, 8, fillColor=fills[i], strokeColor=INK, strokeWidth=0.4))
        d.add(String(lx + 16, y + 1, shorten(name, font, 8, value_x - lx - 40), fontName=font, fontSize=8))
        d.add(String(value_x + 60, y + 1, format_value(v, chart.unit), fontName=font, fontSize=8,
                     textAnchor="end"))
        d.add(String(value_x + 110, y + 1, f"{v / total * 100:.1f}%", fontName=font, fontSize=8,
                     textAnchor="end", fillColor=TEXT_GREY))
    return d


def _pie_fills(n: int) -> list:
    """Grey levels from dark to light, evenly spread, so neighbouring wedges differ."""
    if n <= 1:
        return [SERIES_FILLS[0]]
    return [colors.Color(g, g, g) for g in (0.18 + 0.72 * i / (n - 1) for i in range(n))]
