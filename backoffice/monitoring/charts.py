"""Charts drawn on the server as accessible SVG: no script, no third party.

Each chart has a title and a description for screen readers, every bar a tooltip with its
number, and the page shows the same numbers in a table next to it. Colours are the
Okabe-Ito palette, which people with colour blindness can tell apart; the legend and the
order of the stack say the same without colour.
"""

import math
from itertools import count

from django.utils.html import escape
from django.utils.safestring import mark_safe

COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 44, 40

_ids = count(1)


def nice_maximum(value):
    """A round number at or above `value` for the top of the axis (4, or 1, 2, 5 × 10^n),
    so that the grid lines fall on whole numbers."""
    if value <= 4:
        return 4
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def grid_steps(top_value):
    """Four steps for 4 and 2 × 10^n, five for 1 and 5 × 10^n: whole numbers each."""
    return 4 if str(top_value)[0] in "24" else 5


def _svg(title, description, body, height=HEIGHT):
    chart_id = f"chart-{next(_ids)}"
    # Safe: every text in the chart went through escape(); the rest are numbers.
    return mark_safe(  # noqa: S308  # nosec B308 B703
        f'<svg xmlns="http://www.w3.org/2000/svg" class="monitoring-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="Noto Sans, DejaVu Sans, sans-serif" font-size="12">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>{"".join(body)}</svg>'
    )


def _legend(names):
    parts, x = [], LEFT
    for index, name in enumerate(names):
        parts.append(
            f'<rect x="{x}" y="12" width="12" height="12" fill="{COLOURS[index]}"/>'
            f'<text x="{x + 16}" y="22">{escape(name)}</text>'
        )
        x += 24 + 7 * len(str(name))
    return parts


def _axis(top_value):
    """Horizontal grid lines with their numbers, bottom to top."""
    plot_height, steps = HEIGHT - TOP - BOTTOM, grid_steps(top_value)
    parts = []
    for step in range(steps + 1):
        value = top_value * step // steps
        y = HEIGHT - BOTTOM - plot_height * step / steps
        label = str(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">{label}</text>'
        )
    return parts


def _bar(x, y, width, height, colour, tooltip):
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
            f'fill="{colour}"><title>{escape(tooltip)}</title></rect>')


def stacked_bars(title, description, labels, series):
    """One bar per label, stacked from `series`: [(name, [value per label])]."""
    totals = [sum(values[index] for _name, values in series) for index in range(len(labels))]
    top_value = nice_maximum(max(totals, default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(labels), 1)
    body = [*_legend([name for name, _values in series]), *_axis(top_value)]
    for index, label in enumerate(labels):
        x = LEFT + index * slot + slot * 0.15
        y = HEIGHT - BOTTOM
        for colour, (name, values) in zip(COLOURS, series, strict=False):
            height = plot_height * values[index] / top_value
            if values[index]:
                y -= height
                body.append(_bar(x, y, slot * 0.7, height, colour,
                                 f"{label}, {name}: {values[index]}"))
        body.append(f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                    f'{totals[index]}</text>')
        body.append(f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                    f'text-anchor="middle">{escape(label)}</text>')
    return _svg(title, description, body)


def grouped_bars(title, description, labels, series):
    """Bars side by side per label: [(name, [value per label])], e.g. this year and last."""
    top_value = nice_maximum(max((v for _name, values in series for v in values), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(labels), 1)
    width = slot * 0.8 / max(len(series), 1)
    body = [*_legend([name for name, _values in series]), *_axis(top_value)]
    for index, label in enumerate(labels):
        for position, (colour, (name, values)) in enumerate(zip(COLOURS, series,
                                                                strict=False)):
            height = plot_height * values[index] / top_value
            x = LEFT + index * slot + slot * 0.1 + position * width
            body.append(_bar(x, HEIGHT - BOTTOM - height, width, height, colour,
                             f"{label}, {name}: {values[index]}"))
        body.append(f'<text x="{LEFT + index * slot + slot / 2:.1f}" '
                    f'y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{escape(label)}</text>')
    return _svg(title, description, body)


def ranking(title, description, rows):
    """Horizontal bars, largest first: [(label, value)]."""
    row_height, label_width = 26, 260
    height = TOP + row_height * max(len(rows), 1) + 8
    top_value = nice_maximum(max((value for _label, value in rows), default=0))
    plot_width = WIDTH - label_width - RIGHT - 40
    body = []
    for index, (label, value) in enumerate(rows):
        y = TOP - 24 + index * row_height
        length = plot_width * value / top_value
        text = str(label) if len(str(label)) <= 40 else f"{str(label)[:39]}…"
        body.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">'
                    f'{escape(text)}</text>')
        body.append(_bar(label_width, y + 2, length, row_height - 8, COLOURS[0],
                         f"{label}: {value}"))
        body.append(f'<text x="{label_width + length + 6:.1f}" y="{y + 15}">{value}</text>')
    return _svg(title, description, body, height=height)
