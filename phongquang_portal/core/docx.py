"""Word (.docx) drafts of administrative documents in the Decree 30/2020 layout.

Offices finish many drafts in Word (the tờ trình, the báo cáo thành tích, the
biên bản, the year-end summary): ``AdministrativeDocx`` writes the same
layout as the PDFs: Times New Roman, A4 with Decree 30's margins, the header
of the issuing body and the national motto side by side, the place-and-date
line in italics, the title, the body, the signature block bottom right and
"Nơi nhận" bottom left, page numbers top centre from page 2.
"""

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _widths(table, widths_cm):
    """Column widths that Word and LibreOffice both honour (grid and cells)."""
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


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


class AdministrativeDocx:
    """Build one document; ``bytes()`` returns the .docx file."""

    def __init__(self):
        self.document = Document()
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
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

    def header(self, *, body_lines, number_line, place_date, parent_line=None):
        """Issuing body (left) and national motto (right); the place-date line italic."""
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        _widths(table, (6.0, 10.0))
        left, right = table.rows[0].cells
        first = True
        if parent_line:
            self._cell_line(left, parent_line, size=13, first=True)
            first = False
        for line in body_lines:
            self._cell_line(left, line, bold=True, size=13, first=first)
            first = False
        self._cell_line(left, "———", size=9)
        if number_line:
            self._cell_line(left, number_line, size=13)
        self._cell_line(
            right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, first=True
        )
        self._cell_line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
        self._cell_line(right, "———————————", size=9)
        self._cell_line(right, place_date, italic=True, size=14)
        self.document.add_paragraph()

    def title(self, text, *, subtitle_lines=()):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        self._run(paragraph, text.upper(), bold=True, size=14)
        for line in subtitle_lines:
            sub = self.document.add_paragraph()
            sub.alignment = CENTER
            sub.paragraph_format.space_after = Pt(0)
            self._run(sub, line, bold=True, size=14)
        self.document.add_paragraph()

    def heading(self, text, *, center=False):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = CENTER if center else LEFT
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
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].alignment = CENTER
            self._run(cell.paragraphs[0], str(text), bold=True, size=font_size)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                self._run(
                    cell.paragraphs[0],
                    "" if value is None else str(value),
                    size=font_size,
                )
        # A row is never split across pages.
        for row in table.rows:
            properties = row._tr.get_or_add_trPr()
            cant_split = OxmlElement("w:cantSplit")
            properties.append(cant_split)
        if widths_cm:
            _widths(table, widths_cm)
        self.document.add_paragraph()
        return table

    def picture(self, png_bytes, *, width_cm=16.0, caption=""):
        """A chart or photo centred on the page, with an italic caption under it."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.keep_with_next = bool(caption)
        paragraph.add_run().add_picture(io.BytesIO(png_bytes), width=Cm(width_cm))
        if caption:
            line = self.document.add_paragraph()
            line.alignment = CENTER
            self._run(line, caption, italic=True, size=12)
        return paragraph

    def signature(
        self, *, recipients=(), authority_lines=(), signer_name="", blank_lines=4
    ):
        """ "Nơi nhận" bottom left, the signer's block bottom right."""
        table = self.document.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        _widths(table, (7.5, 8.5))
        left, right = table.rows[0].cells
        if recipients:
            first = left.paragraphs[0]
            self._run(first, "Nơi nhận:", bold=True, italic=True, size=12)
            for recipient in recipients:
                line = left.add_paragraph()
                line.paragraph_format.space_after = Pt(0)
                self._run(line, f"- {recipient}", size=11)
        first = True
        for line in authority_lines:
            self._cell_line(right, line, bold=True, size=14, first=first)
            first = False
        for _ in range(blank_lines):
            self._cell_line(right, "", size=14)
        if signer_name:
            self._cell_line(right, signer_name, bold=True, size=14)

    def two_signatures(
        self, *, left_lines, left_name="", right_lines, right_name="", blank_lines=4
    ):
        """Two signature blocks side by side (a confirmation left, the signer right),
        as the báo cáo thành tích has."""
        table = self.document.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        _widths(table, (8.0, 8.0))
        for cell, lines, name in zip(
            table.rows[0].cells,
            (left_lines, right_lines),
            (left_name, right_name),
            strict=True,
        ):
            first = True
            for line in lines:
                self._cell_line(cell, line, bold=True, size=14, first=first)
                first = False
            for _ in range(blank_lines):
                self._cell_line(cell, "", size=14)
            if name:
                self._cell_line(cell, name, bold=True, size=14)

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
