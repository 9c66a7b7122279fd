"""Small helpers shared by every Excel export."""

from openpyxl.styles import Alignment, Font

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


def write_row(ws, row, values, *, bold=False):
    """Write one row of values starting at column 1."""
    cells = [write_cell(ws, row, col, value) for col, value in enumerate(values, 1)]
    if bold:
        for cell in cells:
            cell.font = HEADER_FONT
    return cells


def set_print_layout(ws, *, landscape=False, header_rows=1):
    """A4, fit to width, repeat and freeze the header rows."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_rows}"
    ws.freeze_panes = ws.cell(row=header_rows + 1, column=1)


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
