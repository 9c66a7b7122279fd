"""The province's statistics on emulation and awards, in the layout of the forms of
Thông tư 18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng Bộ Nội vụ quy định chế độ báo
cáo thống kê ngành Nội vụ (which replaces Thông tư 02/2023/TT-BNV):

- biểu 0601.N/BNV-TĐKT  Số phong trào thi đua;
- biểu 0602.N/BNV-TĐKT  Số lượng khen thưởng cấp Nhà nước;
- biểu 0603.N/BNV-TĐKT  Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung
  ương và tỉnh, thành phố trực thuộc Trung ương;

and a supplementary table, which is not one of the circular's forms: the commune's
own awards by form (Giấy khen of the commune chairman, ad-hoc awards), laid out like
0603, which the province also asks for.

The forms are yearly (".N"); the reporting period runs from 1 December of the year
before to 30 November of the reporting year (Thông tư 18/2025/TT-BNV), by the day
each award decision was signed; the report reaches the province on 15 December.

What the portal's data can say: awards are the decided nominations (a signed
decision); the recipient groups are the nominee's type (collective, household,
individual; an individual whose register entry is an official, "cán bộ",
counts among the leaders); the method of each award form is ``AWARD_METHODS``
(the campaign's own certificates are thematic, "chuyên đề"; ad-hoc awards are
"đột xuất"; the portal has no yearly, "thường xuyên", award form). Rows the
commune has nothing for stay 0.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from awards.enums import AwardKindCode, NominationState
from awards.models import Nomination
from campaigns.models import Campaign
from phongquang_portal.core.excel import write_cell
from units.enums import PersonKind

CIRCULAR = (
    "Ban hành kèm theo Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng "
    "Bộ Nội vụ"
)
# The first and the day after the last day of the reporting period (1/12 to 30/11).
PERIOD_START = (12, 1)
SUPPLEMENTARY = "Bảng tổng hợp bổ sung (không phải biểu mẫu)"
SUPPLEMENTARY_SHEET = "Bảng tổng hợp bổ sung"
RECEIVER = "Sở Nội vụ tỉnh Thái Nguyên"
REPORT_DAY = (12, 15)

# thường xuyên, chuyên đề, đột xuất (the methods the forms count).
REGULAR, THEMATIC, AD_HOC = "regular", "thematic", "ad_hoc"
AWARD_METHODS = {
    AwardKindCode.GIAY_KHEN_XA: THEMATIC,
    AwardKindCode.BANG_KHEN_TINH: THEMATIC,
    AwardKindCode.DOT_XUAT: AD_HOC,
}
# The award forms of each level: the province's (0603) and the commune's own.
PROVINCIAL_KINDS = frozenset({AwardKindCode.BANG_KHEN_TINH})
COMMUNE_KINDS = frozenset({AwardKindCode.GIAY_KHEN_XA, AwardKindCode.DOT_XUAT})


def report_day(year):
    return datetime.date(year, *REPORT_DAY)


def statistics_period(year):
    """(first day, last day) the year's figures cover: 01/12 of year−1 to 30/11."""
    return (
        datetime.date(year - 1, *PERIOD_START),
        datetime.date(year, *PERIOD_START) - datetime.timedelta(days=1),
    )


@dataclass
class Award:
    """One award given: its form, the recipient group and the method."""

    kind_code: str
    kind_name: str
    group: str  # collective, household, individual
    leader: bool
    method: str


@dataclass
class Statistics:
    year: int
    period: tuple
    campaigns: list
    awards: list
    kinds: list = field(default_factory=list)  # (code, name) of the forms given

    @property
    def report_day(self):
        return report_day(self.year)


def year_statistics(year):
    """The figures of ``year`` for the four sheets."""
    start, end = statistics_period(year)
    awards = []
    kinds = {}
    for nomination in (
        Nomination.objects.filter(
            state=NominationState.DECIDED,
            decision__signed_on__gte=start,
            decision__signed_on__lte=end,
        )
        .select_related("award_kind", "nominee_person")
        .order_by("award_kind__position", "pk")
    ):
        kind = nomination.award_kind
        kinds.setdefault(kind.code, kind.name)
        if nomination.nominee_unit_id:
            group, leader = "collective", False
        elif nomination.nominee_household_id:
            group, leader = "household", False
        else:
            group = "individual"
            leader = nomination.nominee_person.kind == PersonKind.OFFICIAL
        awards.append(
            Award(
                kind_code=kind.code,
                kind_name=kind.name,
                group=group,
                leader=leader,
                method=AWARD_METHODS.get(kind.code, THEMATIC),
            )
        )
    campaigns = list(Campaign.objects.filter(year=year).order_by("pk"))
    return Statistics(
        year=year,
        period=(start, end),
        campaigns=campaigns,
        awards=awards,
        kinds=list(kinds.items()),
    )


# --- The workbook ------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
BOLD = Font(name="Times New Roman", bold=True, size=12)
PLAIN = Font(name="Times New Roman", size=12)
ITALIC = Font(name="Times New Roman", italic=True, size=12)
TITLE = Font(name="Times New Roman", bold=True, size=14)


@dataclass
class Column:
    """A column of figures: its title (and its group title), its letter code."""

    title: str
    code: str
    group: str = ""


@dataclass
class Row:
    label: str
    code: str = ""
    unit: str = ""
    values: list | None = None  # None: a heading row without figures
    bold: bool = False


LABEL_WIDTH, FIGURE_WIDTH = 46, 16
LINE_HEIGHT = 16


def _lines(text, width):
    """How many lines ``text`` takes in a column ``width`` characters wide."""
    if not text:
        return 1
    per_line = max(int(width * 1.15), 1)
    return max(1, -(-len(str(text)) // per_line))


def _cell(ws, row, column, value, *, font=PLAIN, alignment=CENTER, border=True):
    cell = write_cell(ws, row, column, value)
    cell.font = font
    cell.alignment = alignment
    if border:
        cell.border = BOX
    return cell


def _write_form(ws, *, form_code, title, stats, unit_note, columns, rows, unit_column):
    """One form: the header block, the two-level column titles, the rows, the foot.

    ``form_code`` None: the supplementary table, which is no form of the circular
    (no form number, no circular, no receiving day).
    """
    label_columns = 3 if unit_column else 2
    last = label_columns + 1 + len(columns)
    ws.sheet_view.showGridLines = False
    half = max(last // 2, 2)
    official = form_code is not None
    _cell(
        ws,
        1,
        1,
        f"Biểu số: {form_code}" if official else SUPPLEMENTARY,
        font=BOLD,
        alignment=LEFT,
        border=False,
    )
    if official:
        _cell(ws, 2, 1, CIRCULAR, font=ITALIC, alignment=LEFT, border=False)
        _cell(
            ws,
            3,
            1,
            "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo "
            f"({stats.report_day:%d/%m/%Y})",
            alignment=LEFT,
            border=False,
        )
    _cell(
        ws,
        1,
        half + 1,
        f"Đơn vị báo cáo: Ủy ban nhân dân xã {settings.COMMUNE_NAME}",
        font=BOLD,
        alignment=LEFT,
        border=False,
    )
    _cell(
        ws,
        2,
        half + 1,
        f"Đơn vị nhận báo cáo: {RECEIVER}",
        alignment=LEFT,
        border=False,
    )
    for row_number in (1, 2, 3):
        ws.merge_cells(
            start_row=row_number, start_column=1, end_row=row_number, end_column=half
        )
    for row_number in (1, 2):
        ws.merge_cells(
            start_row=row_number,
            start_column=half + 1,
            end_row=row_number,
            end_column=last,
        )
    _cell(ws, 5, 1, title, font=TITLE, border=False)
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=last)
    ws.row_dimensions[5].height = 36
    start, end = stats.period
    _cell(
        ws,
        6,
        1,
        f"Năm {stats.year} (số liệu từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})",
        font=ITALIC,
        border=False,
    )
    ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=last)
    if unit_note:
        _cell(
            ws,
            7,
            last,
            f"Đơn vị tính: {unit_note}",
            font=ITALIC,
            alignment=Alignment(horizontal="right"),
            border=False,
        )
    # Column titles: row 8 groups, row 9 titles, row 10 letters and numbers.
    top, sub, letters = 8, 9, 10
    fixed = [("", "A"), ("Mã số", "B")] + (
        [("Đơn vị tính", "C")] if unit_column else []
    )
    fixed.append(("Tổng số", "1"))
    for index, (text, letter) in enumerate(fixed, start=1):
        _cell(ws, top, index, text, font=BOLD)
        _cell(ws, sub, index, None, font=BOLD)
        ws.merge_cells(start_row=top, start_column=index, end_row=sub, end_column=index)
        _cell(ws, letters, index, letter, font=BOLD)
    column_number = len(fixed) + 1
    index = 0
    while index < len(columns):
        group = columns[index].group
        span = 1
        while (
            group
            and index + span < len(columns)
            and columns[index + span].group == group
        ):
            span += 1
        if group:
            _cell(ws, top, column_number, group, font=BOLD)
            for offset in range(1, span):
                _cell(ws, top, column_number + offset, None, font=BOLD)
            if span > 1:
                ws.merge_cells(
                    start_row=top,
                    start_column=column_number,
                    end_row=top,
                    end_column=column_number + span - 1,
                )
            for offset in range(span):
                column = columns[index + offset]
                _cell(ws, sub, column_number + offset, column.title, font=BOLD)
                _cell(ws, letters, column_number + offset, column.code, font=BOLD)
        else:
            column = columns[index]
            _cell(ws, top, column_number, column.title, font=BOLD)
            _cell(ws, sub, column_number, None, font=BOLD)
            ws.merge_cells(
                start_row=top,
                start_column=column_number,
                end_row=sub,
                end_column=column_number,
            )
            _cell(ws, letters, column_number, column.code, font=BOLD)
        column_number += span
        index += span
    groups = [c.group for c in columns if c.group]
    titles = [c.title for c in columns]
    ws.row_dimensions[top].height = LINE_HEIGHT * max(
        [_lines(g, FIGURE_WIDTH * 3) for g in groups] + [2]
    )
    ws.row_dimensions[sub].height = LINE_HEIGHT * max(
        [_lines(t, FIGURE_WIDTH) for t in titles] + [2]
    )
    # Rows.
    row_number = letters + 1
    for row in rows:
        font = BOLD if row.bold else PLAIN
        _cell(ws, row_number, 1, row.label, font=font, alignment=LEFT)
        lines = _lines(row.label, LABEL_WIDTH)
        if unit_column:
            lines = max(lines, _lines(row.unit, 10))
        ws.row_dimensions[row_number].height = LINE_HEIGHT * lines + 2
        _cell(ws, row_number, 2, row.code, font=font)
        if unit_column:
            _cell(ws, row_number, 3, row.unit, font=font)
        values = row.values
        total_column = len(fixed)
        if values is None:
            for column in range(total_column, last + 1):
                _cell(ws, row_number, column, None, font=font)
        else:
            _cell(ws, row_number, total_column, sum(values), font=font)
            for offset, value in enumerate(values, start=1):
                cell = _cell(ws, row_number, total_column + offset, value, font=font)
                cell.number_format = "#,##0"
        row_number += 1
    # The foot: place and date, who made the form, who signs it.
    row_number += 1
    _cell(
        ws,
        row_number,
        half + 1,
        f"{settings.COMMUNE_NAME}, ngày … tháng … năm …",
        font=ITALIC,
        border=False,
    )
    ws.merge_cells(
        start_row=row_number, start_column=half + 1, end_row=row_number, end_column=last
    )
    for offset, (left, right, font) in enumerate(
        (
            (
                "Người lập biểu" if official else "Người lập bảng",
                "TM. ỦY BAN NHÂN DÂN",
                BOLD,
            ),
            ("(Ký, họ tên)", "(Ký, họ tên, đóng dấu)", ITALIC),
        ),
        start=1,
    ):
        _cell(ws, row_number + offset, 1, left, font=font, border=False)
        ws.merge_cells(
            start_row=row_number + offset,
            start_column=1,
            end_row=row_number + offset,
            end_column=half,
        )
        _cell(ws, row_number + offset, half + 1, right, font=font, border=False)
        ws.merge_cells(
            start_row=row_number + offset,
            start_column=half + 1,
            end_row=row_number + offset,
            end_column=last,
        )
    # Widths and the page.
    ws.column_dimensions["A"].width = LABEL_WIDTH
    ws.column_dimensions["B"].width = 7
    if unit_column:
        ws.column_dimensions["C"].width = 10
    for column in range(label_columns + 1, last + 1):
        ws.column_dimensions[get_column_letter(column)].width = FIGURE_WIDTH
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    # One form, one landscape page, as the circular prints it.
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{letters}"


def sheet_0601(ws, stats):
    """Số phong trào thi đua: the commune's campaigns of the year."""
    # A commune campaign is launched by the commune (an "agency" in column 4),
    # runs one year and is thematic (chuyên đề).
    campaigns = stats.campaigns

    def values(selected):
        return [0, 0, len(selected)]

    def length(campaign):
        days = (campaign.ends_on - campaign.starts_on).days + 1
        if days < 360:
            return "under_one"
        if days <= 370:
            return "one"
        years = days / 365
        return "one_three" if years < 3 else "three_five" if years < 5 else "five"

    by_length = {}
    for campaign in campaigns:
        by_length.setdefault(length(campaign), []).append(campaign)
    rows = [
        Row("Tổng số", "01", values=values(campaigns), bold=True),
        Row("1. Chia theo phạm vi tổ chức thi đua", bold=True),
        Row("- Toàn quốc", "02", values=[0, 0, 0]),
        Row("- Bộ, ban, ngành đoàn thể, địa phương", "03", values=[0, 0, 0]),
        Row(
            "- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức",
            "04",
            values=[0, 0, 0],
        ),
        Row("- Cơ quan, tổ chức, đơn vị", "05", values=values(campaigns)),
        Row("2. Chia theo thời hạn thi đua", bold=True),
        Row("- Dưới 1 năm", "06", values=values(by_length.get("under_one", []))),
        Row("- 1 năm", "07", values=values(by_length.get("one", []))),
        Row(
            "- Từ 1 năm đến dưới 3 năm",
            "08",
            values=values(by_length.get("one_three", [])),
        ),
        Row(
            "- Từ 3 năm đến dưới 5 năm",
            "09",
            values=values(by_length.get("three_five", [])),
        ),
        Row("- Từ 5 năm trở lên", "10", values=values(by_length.get("five", []))),
        Row("3. Chia theo phương thức tổ chức phong trào thi đua", bold=True),
        Row("- Thi đua theo chuyên đề", "11", values=values(campaigns)),
        Row("- Thi đua thường xuyên hàng năm", "12", values=[0, 0, 0]),
    ]
    columns = [
        Column(
            "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)",
            "2",
            "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua",
        ),
        Column(
            "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
            "3",
            "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua",
        ),
        Column(
            "Cơ quan, tổ chức, đơn vị",
            "4",
            "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua",
        ),
    ]
    _write_form(
        ws,
        form_code="0601.N/BNV-TĐKT",
        title="SỐ PHONG TRÀO THI ĐUA",
        stats=stats,
        unit_note="Phong trào",
        columns=columns,
        rows=rows,
        unit_column=False,
    )


def _award_rows(awards, column_match):
    """The rows "by recipient group" and "by method", for one set of columns.

    ``column_match``: one predicate per column, choosing the awards it counts.
    """

    def values(**match):
        chosen = [a for a in awards if _matches(a, match)]
        return [sum(1 for a in chosen if predicate(a)) for predicate in column_match]

    return [
        Row("Tổng số", "01", values=values(), bold=True),
        Row("1. Chia theo đối tượng khen thưởng", bold=True),
        Row("- Tập thể", "02", "Tập thể", values=values(group="collective")),
        Row(
            "Trong đó: Doanh nghiệp",
            "03",
            "Doanh nghiệp",
            values=[0] * len(column_match),
        ),
        Row("- Hộ gia đình", "04", "Hộ", values=values(group="household")),
        Row("- Cá nhân", "05", "Người", values=values(group="individual")),
        Row(
            "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
            "06",
            "Người",
            values=[0] * len(column_match),
        ),
        Row(
            "+ Lãnh đạo cấp vụ, sở, ngành và tương đương",
            "07",
            "Người",
            values=[0] * len(column_match),
        ),
        Row("+ Doanh nhân", "08", "Người", values=[0] * len(column_match)),
        Row(
            "+ Các cấp lãnh đạo khác từ phó phòng trở lên",
            "09",
            "Người",
            values=values(group="individual", leader=True),
        ),
        Row(
            "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ "
            "chiến đấu (công nhân, nông dân, …)",
            "10",
            "Người",
            values=values(group="individual", leader=False),
        ),
        Row("2. Chia theo phương thức khen thưởng", bold=True),
        Row("- Thường xuyên", "11", values=values(method=REGULAR)),
        Row("- Chuyên đề", "12", values=values(method=THEMATIC)),
        Row("- Đột xuất", "13", values=values(method=AD_HOC)),
        Row("- Đối ngoại", "14", values=[0] * len(column_match)),
        Row("- Cống hiến", "15", values=[0] * len(column_match)),
        Row("- Niên hạn", "16", values=[0] * len(column_match)),
        Row("- Kháng chiến", "17", values=[0] * len(column_match)),
    ]


def _matches(award, match):
    return all(getattr(award, key) == value for key, value in match.items())


def sheet_0602(ws, stats):
    """Số lượng khen thưởng cấp Nhà nước: the commune's decisions award none."""
    columns = [
        Column("Tập thể", "2", "Huân chương các loại"),
        Column("Cá nhân", "3", "Huân chương các loại"),
        Column("Cá nhân", "4", "Huy chương các loại"),
        Column("Giải thưởng Hồ Chí Minh", "5"),
        Column("Giải thưởng Nhà nước", "6"),
        Column("Tập thể", "7", "Danh hiệu vinh dự nhà nước"),
        Column("Cá nhân", "8", "Danh hiệu vinh dự nhà nước"),
        Column("Cờ thi đua của Chính phủ", "9"),
        Column("Tập thể", "10", "Bằng khen của Thủ tướng Chính phủ"),
        Column("Cá nhân", "11", "Bằng khen của Thủ tướng Chính phủ"),
        Column("Chiến sĩ thi đua toàn quốc", "12"),
    ]
    nothing = [lambda award: False] * len(columns)
    rows = _award_rows([], nothing)
    rows[1:1] = [
        Row("1. Chia theo đơn vị trình khen thưởng", bold=True),
        Row("- Bộ, ban, ngành, đoàn thể Trung ương", "", "Bộ, ngành", values=[0] * 11),
        Row("- Tỉnh, thành phố trực thuộc Trung ương", "", "Tỉnh", values=[0] * 11),
    ]
    # Renumber the headings and codes after the inserted part.
    number = 1
    for row in rows:
        if row.values is None and row.label[:2] in ("1.", "2.", "3."):
            row.label = f"{number}.{row.label[2:]}"
            number += 1
    for code, row in enumerate((r for r in rows if r.values is not None), start=1):
        row.code = f"{code:02d}"
    _write_form(
        ws,
        form_code="0602.N/BNV-TĐKT",
        title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
        stats=stats,
        unit_note="",
        columns=columns,
        rows=rows,
        unit_column=True,
    )


def sheet_0603(ws, stats):
    """The provincial awards (Bằng khen của Chủ tịch UBND tỉnh) of the commune's people."""
    provincial = [a for a in stats.awards if a.kind_code in PROVINCIAL_KINDS]
    columns = [
        Column("Bằng khen", "2", "Chia ra"),
        Column("Chiến sĩ thi đua cấp bộ, cấp tỉnh", "3", "Chia ra"),
        Column(
            "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố "
            "trực thuộc Trung ương",
            "4",
            "Chia ra",
        ),
        Column(
            "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, "
            "tỉnh, thành phố trực thuộc Trung ương",
            "5",
            "Chia ra",
        ),
    ]
    predicates = [
        lambda award: award.kind_code == AwardKindCode.BANG_KHEN_TINH,
        lambda award: False,
        lambda award: False,
        lambda award: False,
    ]
    _write_form(
        ws,
        form_code="0603.N/BNV-TĐKT",
        title=(
            "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
            "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
        ),
        stats=stats,
        unit_note="",
        columns=columns,
        rows=_award_rows(provincial, predicates),
        unit_column=True,
    )


def _kind_is(code):
    return lambda award: award.kind_code == code


def sheet_by_form(ws, stats):
    """The supplementary table (no form of the circular): every award form the
    commune gave in the year, laid out like 0603."""
    kinds = stats.kinds or [
        (AwardKindCode.GIAY_KHEN_XA.value, str(AwardKindCode.GIAY_KHEN_XA.label))
    ]
    columns = [
        Column(name, str(index), "Chia theo hình thức khen thưởng")
        for index, (_code, name) in enumerate(kinds, start=2)
    ]
    predicates = [_kind_is(code) for code, _name in kinds]
    _write_form(
        ws,
        form_code=None,
        title=f"SỐ LƯỢNG KHEN THƯỞNG THEO HÌNH THỨC CỦA XÃ {settings.COMMUNE_NAME.upper()}",
        stats=stats,
        unit_note="",
        columns=columns,
        rows=_award_rows(stats.awards, predicates),
        unit_column=True,
    )


def statistics_workbook(year):
    """The year's statistics: the forms 0601, 0602, 0603 and the supplementary table
    of the awards by form."""
    stats = year_statistics(year)
    wb = Workbook()
    sheets = (
        ("0601", sheet_0601),
        ("0602", sheet_0602),
        ("0603", sheet_0603),
        (SUPPLEMENTARY_SHEET, sheet_by_form),
    )
    for index, (title, write) in enumerate(sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = title
        write(ws, stats)
    return wb


def statistics_table(year):
    """The figures for the page: per award form, per group and per method."""
    stats = year_statistics(year)
    groups = ("collective", "individual", "household")
    methods = (REGULAR, THEMATIC, AD_HOC)
    rows = []
    for code, name in stats.kinds:
        mine = [a for a in stats.awards if a.kind_code == code]
        rows.append(
            {
                "name": name,
                "groups": [sum(1 for a in mine if a.group == g) for g in groups],
                "methods": [sum(1 for a in mine if a.method == m) for m in methods],
                "total": len(mine),
            }
        )
    return stats, rows
