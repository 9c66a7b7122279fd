"""Word (.docx) drafts of administrative documents in the Decree 30/2020 layout.

Offices finish many drafts in Word (the tờ trình, the báo cáo thành tích, the
biên bản, the year-end summary): ``AdministrativeDocx`` writes the same
layout as the PDFs (``templates/pdf/base.html``), from the same rules
(``phongquang_portal.core.documents``): Times New Roman, A4 with Decree 30's
margins, the header of the issuing body and the national motto side by side
with real rules under them (paragraph borders: 1/3 to 1/2 of the body's name,
the whole motto), the place-and-date line in italics, the title and its
summary with a rule under it, the body, tables as wide as the text with their
header row repeated on each page and never split, the signature block bottom
right kept on one page with the last lines of text, "Nơi nhận" bottom left,
page numbers top centre from page 2.
"""

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from . import documents

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

# The page as the PDFs have it: A4, margins top and bottom 20 mm, left 30, right 15.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGINS_CM = {"top": 2.0, "bottom": 2.0, "left": 3.0, "right": 1.5}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]
HEADER_WIDTHS_CM = (
    documents.ISSUER_COLUMN_MM / 10,
    documents.NATION_COLUMN_MM / 10,
)
SIGNATURE_WIDTHS_CM = (8.0, TEXT_WIDTH_CM - 8.0)
HALF_WIDTHS_CM = (TEXT_WIDTH_CM / 2, TEXT_WIDTH_CM / 2)
RULE_SIZE = 6  # eighths of a point: a 0.75 pt line
TITLE_SIZE = 14
SIGNATURE_SIZE = 14
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MOTTO_SIZE = 13


# The order WordprocessingML requires of the properties this module sets (Word
# refuses a file whose properties come in another order).
PARAGRAPH_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]
TABLE_ORDER = [
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
]
ROW_ORDER = [
    "w:cnfStyle",
    "w:divId",
    "w:gridBefore",
    "w:gridAfter",
    "w:wBefore",
    "w:wAfter",
    "w:cantSplit",
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
]


def _put(parent, tag, order, **attributes):
    """Set (replace) the child ``tag`` of ``parent`` where ``order`` puts it."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    later = {qn(t) for t in order[order.index(tag) + 1 :]}
    for index, child in enumerate(parent):
        if child.tag in later:
            parent.insert(index, element)
            break
    else:
        parent.append(element)
    return element


def _no_borders(table):
    borders = _put(table._tbl.tblPr, "w:tblBorders", TABLE_ORDER)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)


def _table_property(table, tag, **attributes):
    """Set (replace) one property of ``table`` (``w:tblW``, ``w:tblLayout``…)."""
    return _put(table._tbl.tblPr, tag, TABLE_ORDER, **attributes)


def _twips(cm):
    return round(cm / 2.54 * 1440)


def _widths(table, widths_cm):
    """Column widths that Word and LibreOffice both honour (grid, cells and table),
    the table fixed at their sum and not indented past the margin."""
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    table.autofit = False
    _table_property(table, "w:tblW", w=_twips(sum(widths_cm)), type="dxa")
    _table_property(table, "w:tblLayout", type="fixed")
    _table_property(table, "w:tblInd", w=0, type="dxa")


def _zero_cell_margins(table):
    margins = _table_property(table, "w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)


def _row_property(row, tag):
    _put(row._tr.get_or_add_trPr(), tag, ROW_ORDER)


def _paragraph_border(paragraph, edges=("bottom",)):
    """A real rule: the paragraph's own border (not typed dashes)."""
    borders = _put(paragraph._p.get_or_add_pPr(), "w:pBdr", PARAGRAPH_ORDER)
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(RULE_SIZE))
        element.set(qn("w:space"), "1")
        element.set(qn("w:color"), "000000")
        borders.append(element)


def _mark_size(paragraph, points):
    """The size of the paragraph mark: an empty rule paragraph stays thin."""
    run_properties = _put(paragraph._p.get_or_add_pPr(), "w:rPr", PARAGRAPH_ORDER)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(int(points * 2)))
    run_properties.append(size)


def _page_number_field(paragraph):
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    run.font.name = FONT
    run.font.size = Pt(13)


def _keep_with_next(paragraphs):
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.keep_together = True


class AdministrativeDocx:
    """Build one document; ``bytes()`` returns the .docx file."""

    def __init__(self):
        self.document = Document()
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(PAGE_HEIGHT_CM), Cm(PAGE_WIDTH_CM)
        section.top_margin = Cm(MARGINS_CM["top"])
        section.bottom_margin = Cm(MARGINS_CM["bottom"])
        section.left_margin = Cm(MARGINS_CM["left"])
        section.right_margin = Cm(MARGINS_CM["right"])
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = CENTER
        _page_number_field(header)
        style = self.document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(14)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(6)

    # --- pieces ----------------------------------------------------------------

    def _run(self, paragraph, text, *, bold=False, italic=False, size=None):
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.name = FONT
        if size:
            run.font.size = Pt(size)
        return run

    def _cell_line(self, cell, text, *, bold=False, italic=False, size=13, first=False):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        self._run(paragraph, text, bold=bold, italic=italic, size=size)
        return paragraph

    def _rule(self, container, *, length_pt, width_cm, first=False):
        """A centred rule ``length_pt`` long in a container ``width_cm`` wide."""
        paragraph = container.paragraphs[0] if first else container.add_paragraph()
        side = max((width_cm / 2.54 * 72 - length_pt) / 2, 0)
        paragraph.paragraph_format.left_indent = Pt(side)
        paragraph.paragraph_format.right_indent = Pt(side)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.paragraph_format.line_spacing = Pt(2)
        _mark_size(paragraph, 1)
        _paragraph_border(paragraph)
        return paragraph

    def header(self, *, issuer, number_line, place_date):
        """Issuing body (left, each line as ``issuer_lines`` broke it, a rule 40 % of
        its longest line under it) and national motto (right, a rule as long as the
        motto); the place-date line italic. ``issuer``: ``documents.issuer_header``."""
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_borders(table)
        _widths(table, HEADER_WIDTHS_CM)
        _zero_cell_margins(table)
        left, right = table.rows[0].cells
        size = documents.ISSUER_SIZE_PT
        first = True
        for line in issuer["parent"]:
            self._cell_line(left, line, size=size, first=first)
            first = False
        for line in issuer["body"]:
            self._cell_line(left, line, bold=True, size=size, first=first)
            first = False
        longest = max(
            documents.text_width(line, size, bold=True) for line in issuer["body"]
        )
        self._rule(
            left,
            length_pt=longest * documents.SHORT_RULE_RATIO,
            width_cm=HEADER_WIDTHS_CM[0],
        )
        if number_line:
            self._cell_line(left, number_line, size=13)
        self._cell_line(right, NATION, bold=True, size=12, first=True)
        self._cell_line(right, MOTTO, bold=True, size=MOTTO_SIZE)
        self._rule(
            right,
            length_pt=documents.text_width(MOTTO, MOTTO_SIZE, bold=True),
            width_cm=HEADER_WIDTHS_CM[1],
        )
        place = self._cell_line(right, place_date, italic=True, size=13)
        place.paragraph_format.space_before = Pt(6)
        self.document.add_paragraph()

    def draft_mark(self):
        """ "DỰ THẢO" in a box: a draft, not yet a document to sign."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = LEFT
        self._run(paragraph, "DỰ THẢO", bold=True, size=13)
        text = documents.text_width("DỰ THẢO", 13, bold=True)
        paragraph.paragraph_format.right_indent = Emu(Cm(TEXT_WIDTH_CM) - Pt(text + 8))
        _paragraph_border(paragraph, edges=("top", "left", "bottom", "right"))
        return paragraph

    def title(self, text, *, subtitle_lines=()):
        """The type's name, its summary (trích yếu) and a rule 40 % of the summary's
        longest line under it (Decree 30/2020, Annex I, II.5)."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.keep_with_next = True
        self._run(paragraph, text.upper(), bold=True, size=TITLE_SIZE)
        for line in subtitle_lines:
            sub = self.document.add_paragraph()
            sub.alignment = CENTER
            sub.paragraph_format.space_after = Pt(0)
            sub.paragraph_format.keep_with_next = True
            self._run(sub, line, bold=True, size=TITLE_SIZE)
        if subtitle_lines:
            text_width_pt = TEXT_WIDTH_CM / 2.54 * 72
            longest = max(
                min(documents.text_width(line, TITLE_SIZE, bold=True), text_width_pt)
                for line in subtitle_lines
            )
            self._rule(
                self.document,
                length_pt=longest * documents.SHORT_RULE_RATIO,
                width_cm=TEXT_WIDTH_CM,
            ).paragraph_format.space_before = Pt(2)
        self.document.add_paragraph()

    def heading(self, text, *, center=False):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = CENTER if center else LEFT
        paragraph.paragraph_format.keep_with_next = True
        self._run(paragraph, text, bold=True)
        return paragraph

    def paragraph(self, text, *, italic=False, bold=False, indent=True, align=JUSTIFY):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1.0)
        self._run(paragraph, text, italic=italic, bold=bold)
        return paragraph

    def legal_bases(self, lines):
        """ "Căn cứ …" lines in italics, each ending ";" and the last "."."""
        for index, line in enumerate(lines):
            text = line.rstrip(" ;.")
            text += "." if index == len(lines) - 1 else ";"
            self.paragraph(text, italic=True)

    def table(self, header, rows, *, widths_cm=None, font_size=12):
        """A grid as wide as the text (``widths_cm`` scaled to it); the header row
        repeated on each page and kept with the first row; no row split."""
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].alignment = CENTER
            cell.paragraphs[0].paragraph_format.keep_with_next = True
            self._run(cell.paragraphs[0], str(text), bold=True, size=font_size)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                self._run(
                    cell.paragraphs[0],
                    "" if value is None else str(value),
                    size=font_size,
                )
        for row in table.rows:
            _row_property(row, "w:cantSplit")
        _row_property(table.rows[0], "w:tblHeader")
        widths = list(widths_cm or [1.0] * len(header))
        scale = TEXT_WIDTH_CM / sum(widths)
        _widths(table, [round(width * scale, 3) for width in widths])
        self.document.add_paragraph()
        return table

    def picture(self, png_bytes, *, width_cm=16.0, caption=""):
        """A chart or photo centred on the page, with an italic caption under it."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.keep_with_next = bool(caption)
        width = min(width_cm, TEXT_WIDTH_CM)
        paragraph.add_run().add_picture(io.BytesIO(png_bytes), width=Cm(width))
        if caption:
            line = self.document.add_paragraph()
            line.alignment = CENTER
            self._run(line, caption, italic=True, size=12)
        return paragraph

    # --- the end: signatures ----------------------------------------------------

    def keep_with_signature(self, lines=2):
        """Keep the last ``lines`` blocks of text (paragraphs, or a table's last row)
        on the page of the signature that follows: keep-with-next, lines together."""
        body = self.document.element.body
        kept = 0
        for element in reversed(list(body.iterchildren())):
            if element.tag == qn("w:p"):
                paragraph = Paragraph(element, self.document._body)
                _keep_with_next([paragraph])
                kept += bool(paragraph.text.strip())
            elif element.tag == qn("w:tbl"):
                table = Table(element, self.document._body)
                _keep_with_next(
                    p for cell in table.rows[-1].cells for p in cell.paragraphs
                )
                kept += 1
            if kept >= lines:
                break

    def _signature_table(self, widths_cm, rows=1):
        self.keep_with_signature()
        table = self.document.add_table(rows=rows, cols=2)
        _no_borders(table)
        _widths(table, widths_cm)
        for row in table.rows:
            _row_property(row, "w:cantSplit")
        return table

    def _signer(self, cell, titles, name, *, hint="", blank_lines=4):
        first = True
        for line in titles:
            self._cell_line(cell, line, bold=True, size=SIGNATURE_SIZE, first=first)
            first = False
        if hint:
            self._cell_line(cell, hint, italic=True, size=13, first=first)
            first = False
        for _ in range(blank_lines):
            self._cell_line(cell, "", size=SIGNATURE_SIZE, first=first)
            first = False
        if name:
            self._cell_line(cell, name, bold=True, size=SIGNATURE_SIZE)

    def signature(
        self, *, recipients=(), authority_lines=(), signer_name="", blank_lines=4
    ):
        """ "Nơi nhận" bottom left (one recipient a line), the signer's block bottom
        right; both kept with the last lines of text."""
        table = self._signature_table(SIGNATURE_WIDTHS_CM)
        left, right = table.rows[0].cells
        if recipients:
            first = left.paragraphs[0]
            first.paragraph_format.space_after = Pt(0)
            self._run(first, "Nơi nhận:", bold=True, italic=True, size=12)
            for recipient in recipients:
                line = left.add_paragraph()
                line.paragraph_format.space_after = Pt(0)
                self._run(line, f"- {recipient}", size=11)
        self._signer(
            right,
            [
                line
                for title in authority_lines
                for line in documents.signature_lines(
                    title, width_mm=SIGNATURE_WIDTHS_CM[1] * 10, size=SIGNATURE_SIZE
                )
            ],
            signer_name,
            blank_lines=blank_lines,
        )
        _keep_with_next(p for cell in (left, right) for p in cell.paragraphs)
        return table

    def recipients_below(self, recipients):
        """ "Nơi nhận" bottom left under two signatures (one recipient a line)."""
        label = self.document.add_paragraph()
        label.paragraph_format.space_before = Pt(12)
        label.paragraph_format.space_after = Pt(0)
        self._run(label, "Nơi nhận:", bold=True, italic=True, size=12)
        for recipient in recipients:
            line = self.document.add_paragraph()
            line.paragraph_format.space_after = Pt(0)
            line.paragraph_format.first_line_indent = Pt(0)
            self._run(line, f"- {recipient}", size=11)

    def two_signatures(self, left, right, *, blank_lines=4):
        """Two signature blocks side by side (a confirmation and the signer, the
        secretary and the chair): ``left``/``right`` are dicts with "titles" (lines),
        "name" and an optional "hint". The titles share the first row, so their
        first lines sit on one baseline; the names share the second row."""
        table = self._signature_table(HALF_WIDTHS_CM, rows=2)
        for column, block in enumerate((left, right)):
            titles = [
                line
                for title in block["titles"]
                for line in documents.signature_lines(
                    title, width_mm=HALF_WIDTHS_CM[column] * 10, size=SIGNATURE_SIZE
                )
            ]
            self._signer(
                table.rows[0].cells[column],
                titles,
                "",
                hint=block.get("hint", ""),
                blank_lines=0,
            )
            name = table.rows[1].cells[column].paragraphs[0]
            name.alignment = CENTER
            name.paragraph_format.space_before = Pt(14 * blank_lines)
            self._run(name, block.get("name") or "", bold=True, size=SIGNATURE_SIZE)
        _keep_with_next(p for cell in table.rows[0].cells for p in cell.paragraphs)
        return table

    def page_break(self):
        self.document.add_section(WD_SECTION.NEW_PAGE)

    def bytes(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


DOCX_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


def docx_response(content, filename):
    from django.http import HttpResponse

    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
