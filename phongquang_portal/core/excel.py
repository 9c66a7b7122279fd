"""Small helpers shared by every Excel export."""

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def write_cell(ws, row, column, value):
    """Write ``value``; text that looks like a formula stays text (no injection)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        # openpyxl turns strings starting with "=" into formulas; force text.
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def write_only_cell(ws, value, *, font=None, alignment=None, number_format=None):
    """A cell for a write-only sheet; text that looks like a formula stays text."""
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    if number_format:
        cell.number_format = number_format
    return cell


def write_row(ws, row, values, *, bold=False):
    """Write one row of values starting at column 1."""
    cells = [write_cell(ws, row, col, value) for col, value in enumerate(values, 1)]
    if bold:
        for cell in cells:
            cell.font = HEADER_FONT
    return cells


def set_print_layout(ws, *, landscape=False, header_rows=1, frozen_columns=0):
    """A4, fit to width, repeat and freeze the header rows (normal or write-only sheets)."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_rows}"
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_rows + 1}"


def xlsx_response(workbook, filename):
    """Return an HttpResponse carrying ``workbook`` as a download."""
    from io import BytesIO

    from django.http import HttpResponse

    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
