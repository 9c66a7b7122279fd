"""The summary's charts as PNG images drawn with Pillow (for the PDF and the DOCX).

Each chart stands beside the table it draws, so the numbers are also there
for a reader who cannot see the picture. Texts use the bundled Liberation
Serif (full Vietnamese coverage), drawn at twice the printed size for a sharp
print.
"""

import base64
import io
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

SCALE = 2
WIDTH = 760 * SCALE
COLOURS = {
    "on_time": (46, 125, 50),
    "late": (239, 108, 0),
    "in_progress": (158, 158, 158),
    "not_started": (198, 40, 40),
    "bar": (179, 38, 30),
    "target": (33, 33, 33),
    "collectives": (179, 38, 30),
    "individuals": (21, 101, 192),
    "households": (46, 125, 50),
    "grid": (224, 224, 224),
    "text": (0, 0, 0),
}


@lru_cache(maxsize=8)
def _font(size, bold=False):
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    path = settings.BASE_DIR / "static" / "fonts" / name
    return ImageFont.truetype(str(path), size * SCALE)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _fit(draw, text, font, width):
    """``text`` shortened with "…" to fit ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _legend(draw, items, top, left):
    font = _font(15)
    x = left
    for label, colour in items:
        draw.rectangle([x, top, x + 14 * SCALE, top + 14 * SCALE], fill=colour)
        x += 20 * SCALE
        draw.text((x, top - 2 * SCALE), label, font=font, fill=COLOURS["text"])
        x += int(draw.textlength(label, font=font)) + 24 * SCALE


def _canvas(rows, row_height, title):
    height = (70 + rows * row_height + 60) * SCALE
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20 * SCALE, 14 * SCALE), title, font=_font(19, bold=True), fill="black")
    return image, draw


def participation_chart(rows):
    """Stacked bars per kind of unit: on time, late, in progress, not started."""
    image, draw = _canvas(len(rows), 46, _("Reports of the units"))
    font = _font(16)
    label_width = 190 * SCALE
    left, right = label_width + 30 * SCALE, WIDTH - 30 * SCALE
    scale_max = max([row.expected for row in rows] + [1])
    top = 60 * SCALE
    parts = ("on_time", "late", "in_progress", "not_started")
    for row in rows:
        draw.text(
            (20 * SCALE, top + 8 * SCALE),
            _fit(draw, row.label, font, label_width),
            font=font,
            fill="black",
        )
        x = left
        for part in parts:
            count = getattr(row, part)
            if not count:
                continue
            width = (right - left) * count / scale_max
            draw.rectangle([x, top, x + width, top + 30 * SCALE], fill=COLOURS[part])
            if width > 28 * SCALE:
                draw.text(
                    (x + 6 * SCALE, top + 6 * SCALE),
                    str(count),
                    font=font,
                    fill="white",
                )
            x += width
        top += 46 * SCALE
    _legend(
        draw,
        [
            (_("on time"), COLOURS["on_time"]),
            (_("late"), COLOURS["late"]),
            (_("not handed in"), COLOURS["in_progress"]),
            (_("not started"), COLOURS["not_started"]),
        ],
        top + 14 * SCALE,
        20 * SCALE,
    )
    return _png(image)


def progress_chart(summaries):
    """Horizontal bars: percent of the commune's target reached, per indicator."""
    rows = [s for s in summaries if s.progress is not None]
    image, draw = _canvas(max(len(rows), 1), 34, _("Results against the targets"))
    font = _font(15)
    label_width = 330 * SCALE
    left, right = label_width + 30 * SCALE, WIDTH - 70 * SCALE
    ceiling = 150
    top = 60 * SCALE
    hundred = left + (right - left) * 100 / ceiling
    for row in rows:
        label = f"{row.indicator.goal.code}) {row.indicator.name}"
        draw.text(
            (20 * SCALE, top + 4 * SCALE),
            _fit(draw, label, font, label_width),
            font=font,
            fill="black",
        )
        percent = float(row.progress)
        width = (right - left) * min(percent, ceiling) / ceiling
        draw.rectangle([left, top, left + width, top + 22 * SCALE], fill=COLOURS["bar"])
        text = f"{percent:.1f}".replace(".", ",") + " %"
        draw.text(
            (left + width + 6 * SCALE, top + 2 * SCALE), text, font=font, fill="black"
        )
        top += 34 * SCALE
    if not rows:
        draw.text((20 * SCALE, top), _("No indicator with a target yet."), font=font)
        top += 34 * SCALE
    draw.line([hundred, 56 * SCALE, hundred, top], fill=COLOURS["target"], width=SCALE)
    draw.text(
        (hundred - 20 * SCALE, top + 4 * SCALE),
        _("target 100 %"),
        font=_font(14),
        fill="black",
    )
    return _png(image)


def awards_chart(rows):
    """Grouped bars per award form: collectives, individuals, households."""
    groups = [row for row in rows if row.total] or rows
    image, draw = _canvas(max(len(groups), 1), 80, _("Awards given"))
    font = _font(16)
    label_width = 230 * SCALE
    left, right = label_width + 30 * SCALE, WIDTH - 60 * SCALE
    scale_max = max(
        [max(r.collectives, r.individuals, r.households) for r in groups] + [1]
    )
    top = 60 * SCALE
    for row in groups:
        draw.text(
            (20 * SCALE, top + 22 * SCALE),
            _fit(draw, row.kind.name, font, label_width),
            font=font,
            fill="black",
        )
        y = top
        for part in ("collectives", "individuals", "households"):
            count = getattr(row, part)
            width = (right - left) * count / scale_max
            draw.rectangle([left, y, left + width, y + 20 * SCALE], fill=COLOURS[part])
            draw.text(
                (left + width + 6 * SCALE, y), str(count), font=font, fill="black"
            )
            y += 22 * SCALE
        top += 80 * SCALE
    _legend(
        draw,
        [
            (_("collectives"), COLOURS["collectives"]),
            (_("individuals"), COLOURS["individuals"]),
            (_("households"), COLOURS["households"]),
        ],
        top + 6 * SCALE,
        20 * SCALE,
    )
    return _png(image)


def summary_charts(data):
    """{name: PNG bytes} of the summary's three charts."""
    return {
        "participation": participation_chart(data.participation),
        "progress": progress_chart(data.aggregate.summaries),
        "awards": awards_chart(data.awards),
    }


def data_uri(png):
    """An <img src> for a PDF or a page (the CSP allows data: images)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
