"""Read a PDF's text with positions and fonts, to check a layout in tests.

``pdf_lines(pdf_bytes)`` returns the text lines of every page with their
box (in points from the top-left corner), their font size and whether they
are bold or italic (read from the embedded font's name: the documents use
Liberation Serif, whose bold and italic faces say so in their names).
"""

import io
from dataclasses import dataclass

import pdfplumber


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    page_width: float
    page_height: float

    @property
    def centre(self):
        return (self.x0 + self.x1) / 2

    def is_centred(self, *, within=(0.0, None), tolerance=6.0):
        """Centred on the page, or between ``within`` = (left, right) in points."""
        left, right = within
        right = self.page_width if right is None else right
        return abs(self.centre - (left + right) / 2) <= tolerance


def _line_of(chars, page_number, page):
    chars = sorted(chars, key=lambda c: c["x0"])
    text, previous = "", None
    for char in chars:
        if previous is not None and char["x0"] - previous["x1"] > char["size"] * 0.25:
            text += " "
        text += char["text"]
        previous = char
    fonts = [c["fontname"].lower() for c in chars if c["text"].strip()]
    return Line(
        page=page_number,
        text=" ".join(text.split()),
        x0=min(c["x0"] for c in chars),
        x1=max(c["x1"] for c in chars),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=max(c["size"] for c in chars),
        bold=bool(fonts) and all("bold" in f for f in fonts),
        italic=bool(fonts) and all("italic" in f or "oblique" in f for f in fonts),
        page_width=float(page.width),
        page_height=float(page.height),
    )


def pdf_lines(pdf_bytes, *, gap=2.0):
    """Every text line of the PDF, page by page, top to bottom.

    Characters whose tops lie within ``gap`` points, and which are not far
    apart horizontally, make one line (two columns side by side stay two lines).
    """
    result = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows = {}
            for char in page.chars:
                key = round(char["top"] / gap)
                rows.setdefault(key, []).append(char)
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: c["x0"])
                group = [chars[0]]
                for char in chars[1:]:
                    if char["x0"] - group[-1]["x1"] > char["size"] * 3:
                        result.append(_line_of(group, number, page))
                        group = []
                    group.append(char)
                result.append(_line_of(group, number, page))
    return result


def find_line(lines, text, *, page=None):
    """The first line containing ``text`` (on ``page``), or None."""
    for line in lines:
        if text in line.text and (page is None or line.page == page):
            return line
    return None


def page_count(pdf_bytes):
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return len(pdf.pages)
