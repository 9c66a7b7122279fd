"""Row sources for the printed results: the Excel summary and one unit's PDF sheet.

The Excel summary is written in openpyxl's write-only mode, row by row, so a
commune-wide export of thousands of units stays small in memory. Totals,
ranks and bands come from the same database ranking as the ranking page.
"""

from collections import defaultdict

from django.db import connection
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from phongquang_portal.core.documents import TEXT_WIDTH_MM, signature_lines
from phongquang_portal.core.excel import FORMULA_PREFIXES, HEADER_FONT, set_print_layout
from phongquang_portal.core.excel import write_only_cell as _cell
from phongquang_portal.core.names import user_display_name
from units.enums import UnitKind
from units.selectors import council_chair

from .enums import RANKED_STATES, CriterionKind
from .models import ScoreEntry
from .selectors import (
    bands_for,
    criteria_for,
    entry_council_summary,
    from_cents,
    kind_maxima,
    ranking_queryset,
    sheet_totals,
    submitted_member_ids,
)

EXPORT_TITLE = "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA"
# The score sheet's signatures (documents are Vietnamese: data).
COUNCIL = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
SIGN_HINT = "(Ký, ghi rõ họ tên)"
SIGNATURE_PT = 12
TITLE_FONT = Font(bold=True, size=14)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER_ROWS = 4
CRITERION_WIDTH = 12
TITLE_CHARS = 120
SMALL_FONT = Font(size=9)
POINTS_FORMAT = "0.00"


def _number(value):
    """Numbers stay numbers in Excel: ints when whole, else floats rounded to 0.01."""
    if value is None:
        return None
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


class _Points:
    """A number of points to write with the "0.00" format."""

    __slots__ = ("number",)

    def __init__(self, value):
        self.number = _number(value)


class _StyledCell(Cell):
    """A write-only cell whose style id is looked up once, not at every write."""

    __slots__ = ("_style_id",)

    def freeze_style(self):
        self._style_id = super().style_id

    @property
    def style_id(self):
        return self._style_id

    def __repr__(self):
        # openpyxl formats the repr of each cell handed to a row, then drops it.
        return "<points>"


class _PointsRows:
    """Rows whose points share one styled cell: openpyxl writes each cell as soon
    as the row's generator yields it, so one "0.00" cell serves every point
    (a styled cell per point doubles the time of a 5,000-row export)."""

    def __init__(self, ws):
        # As openpyxl's WriteOnlyCell(); the row writer sets row and column.
        self.cell = _StyledCell(worksheet=ws, row=1, column=1, value=0)
        self.cell.number_format = POINTS_FORMAT
        self.cell.freeze_style()

    def row(self, values):
        for value in values:
            if not isinstance(value, _Points):
                yield value
            elif value.number is None:
                yield None
            else:
                self.cell.value = value.number
                yield self.cell


def header_heights(criteria):
    """{row: height in points} of the four header rows, from what they hold."""
    longest = max((len(c.title[:TITLE_CHARS]) for c in criteria), default=0)
    # About 1.1 characters of the small font per unit of column width.
    lines = max(1, -(-longest // int(CRITERION_WIDTH * 1.1)))
    return {
        1: 24,  # the title, 14 pt
        2: 18,
        3: min(409, 12 * lines + 6),  # criteria titles, 9 pt, wrapped
        4: 32,  # codes and the tail's two-line headings
    }


def _text(ws, value):
    """Plain text is written as is; text that looks like a formula stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return _cell(ws, value)
    return value


def ranking_export_rows(campaign):
    """Yield (kind, label, criteria, rows) per unit kind, rows being dicts in rank order.

    Three queries for the ranking and one streamed query for the entries,
    whatever the number of units.
    """
    criteria = criteria_for(campaign)
    maxima = kind_maxima(campaign)
    bands = bands_for(campaign)
    ranking = list(ranking_queryset(campaign=campaign, maxima=maxima, bands=bands))
    points = defaultdict(dict)
    # One streamed query; rows go straight from the database cursor (no model or
    # Decimal conversion), since they are written to Excel as plain numbers.
    entries = (
        ScoreEntry.objects.filter(
            sheet__campaign=campaign, sheet__state__in=RANKED_STATES
        )
        .values_list("sheet_id", "criterion_id", "final_points")
        .order_by()
    )
    sql, params = entries.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(10000):
            for sheet_id, criterion_id, final_points in chunk:
                points[sheet_id][criterion_id] = final_points
    by_kind = defaultdict(list)
    for row in ranking:
        by_kind[row["unit__kind"]].append(row)
    for kind, label in UnitKind.choices:
        rows = by_kind.get(kind)
        if not rows:
            continue
        kind_criteria = [c for c in criteria if c.applies_to(kind)]
        yield (
            kind,
            label,
            kind_criteria,
            [
                {
                    "unit": row["unit__name"],
                    "points": [points[row["pk"]].get(c.pk) for c in kind_criteria],
                    "standard": from_cents(row["standard_cents"]),
                    "bonus": from_cents(row["bonus_cents"]),
                    "penalty": from_cents(row["penalty_cents"]),
                    "total": from_cents(row["total_cents"]),
                    "rank": row["rank"],
                    "tied": row["tie_count"] > 1,
                    "band": row["band"],
                }
                for row in rows
            ],
        )


def ranking_workbook(campaign):
    """The “Bảng tổng hợp kết quả chấm điểm thi đua”: one sheet per kind of unit."""
    workbook = Workbook(write_only=True)
    any_sheet = False
    for _kind, label, criteria, rows in ranking_export_rows(campaign):
        any_sheet = True
        ws = workbook.create_sheet(str(label)[:31])
        fixed = ["STT", "Đơn vị"]
        tail = [
            "Điểm chuẩn",
            "Điểm thưởng",
            "Điểm trừ",
            "Tổng điểm (thang 100)",
            "Xếp hạng",
            "Xếp loại",
        ]
        width = len(fixed) + len(criteria) + len(tail)
        widths = [6, 40] + [CRITERION_WIDTH] * len(criteria) + [11, 11, 10, 12, 10, 13]
        for index, value in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = value
        # Rows tall enough for what they hold, so titles never run into the
        # next row in print (LibreOffice and Excel do not grow them on their own
        # in a file written row by row).
        for row, height in header_heights(criteria).items():
            ws.row_dimensions[row].height = height
        set_print_layout(ws, landscape=True, header_rows=HEADER_ROWS, frozen_columns=2)
        ws.append([_cell(ws, EXPORT_TITLE, font=TITLE_FONT)])
        ws.append(
            [_cell(ws, f"Phong trào “{campaign.name}” năm {campaign.year} — {label}")]
        )
        ws.append(
            [
                _cell(ws, ""),
                _cell(ws, "Tiêu chí:"),
                *[
                    _cell(ws, c.title[:TITLE_CHARS], alignment=CENTER, font=SMALL_FONT)
                    for c in criteria
                ],
            ]
        )
        header = (
            fixed
            + [
                f"{c.code} ({'+' if c.kind == CriterionKind.BONUS else '−' if c.kind == CriterionKind.PENALTY else ''}"
                f"{_number(c.max_points)})"
                for c in criteria
            ]
            + tail
        )
        ws.append([_cell(ws, h, font=HEADER_FONT, alignment=CENTER) for h in header])
        writer = _PointsRows(ws)
        points = _Points
        for number, row in enumerate(rows, start=1):
            rank = f"{row['rank']}=" if row["tied"] else row["rank"]
            # Points carry the "0.00" format (two decimals, as on the pages);
            # the rest are plain values, which keep 5,000 rows fast.
            values = [
                number,
                _text(ws, row["unit"]),
                *[points(p) for p in row["points"]],
                points(row["standard"]),
                points(row["bonus"]),
                points(row["penalty"]),
                points(row["total"]),
                rank,
                _text(ws, row["band"]),
            ]
            assert len(values) == width
            ws.append(writer.row(values))
        ws.append([])
        ws.append(
            [
                _cell(ws, ""),
                _cell(
                    ws,
                    "Quy tắc xếp hạng: tổng điểm cao hơn xếp trên; bằng tổng điểm thì điểm "
                    "chuẩn (không tính điểm thưởng) cao hơn xếp trên, rồi điểm trừ ít hơn "
                    "xếp trên; vẫn bằng nhau thì đồng hạng (ghi dấu “=”).",
                ),
            ]
        )
    if not any_sheet:
        ws = workbook.create_sheet("Tổng hợp")
        ws.append([_cell(ws, EXPORT_TITLE, font=TITLE_FONT)])
        ws.append([_cell(ws, _("No reviewed score sheet yet."))])
    return workbook


def sheet_pdf_context(sheet, score=None, *, show_mean=True):
    """Rows and totals for one unit's printable score sheet.

    The council column is the mean of the marks members have submitted
    (blank for a reader who may not see it yet: a member still marking).
    Signed for the council ("TM. HỘI ĐỒNG") by its chair.
    """
    entries = list(sheet.entries.all())
    maximum = kind_maxima(sheet.campaign).get(sheet.unit.kind)
    submitted = submitted_member_ids(sheet)
    rows = []
    for number, entry in enumerate(entries, start=1):
        rows.append(
            {
                "number": number,
                "entry": entry,
                "criterion": entry.criterion,
                "council": entry_council_summary(entry, submitted_ids=submitted)
                if show_mean
                else {},
            }
        )
    self_totals = sheet_totals(sheet, entries, maximum, field="self_points")
    final_totals = sheet_totals(sheet, entries, maximum, field="final_points")
    if score is not None:
        final_totals["total"] = score.total
    chair = council_chair()
    chair_name = user_display_name(chair) if chair else ""
    return {
        "sheet": sheet,
        "rows": rows,
        "self_totals": self_totals,
        "final_totals": final_totals,
        "score": score,
        "chair_name": chair_name,
        "signatures": [
            {"titles": ["ĐẠI DIỆN ĐƠN VỊ"], "hint": SIGN_HINT, "width": 38},
            {
                "titles": [
                    *signature_lines(
                        f"TM. {COUNCIL}",
                        size=SIGNATURE_PT,
                        width_mm=TEXT_WIDTH_MM * 0.62,
                    ),
                    "CHỦ TỊCH",
                ],
                "hint": SIGN_HINT,
                "name": chair_name,
                "width": 62,
            },
        ],
    }
