"""The aggregated report (plan V.1.e): one row source for the page, Excel and PDF."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from phongquang_portal.core.documents import commune_parent, issuer_header
from phongquang_portal.core.excel import WRAP, set_print_layout, write_cell, write_row
from phongquang_portal.core.pdf import render_pdf

from .enums import REPORT_COUNTED_STATES, Aggregation, ReportState
from .models import Goal, Indicator, IndicatorValue, Report, ReportSection


@dataclass
class IndicatorSummary:
    """One indicator added up across the counted reports."""

    indicator: Indicator
    per_unit: dict = field(default_factory=dict)

    @property
    def count(self):
        return len(self.per_unit)

    @property
    def total(self):
        return sum(self.per_unit.values(), Decimal(0)) if self.per_unit else None

    @property
    def average(self):
        if not self.per_unit:
            return None
        return (self.total / len(self.per_unit)).quantize(Decimal("0.01"))

    @property
    def minimum(self):
        return min(self.per_unit.values()) if self.per_unit else None

    @property
    def maximum(self):
        return max(self.per_unit.values()) if self.per_unit else None

    @property
    def result(self):
        """The total or the average, as the indicator says."""
        if self.indicator.aggregation == Aggregation.AVERAGE:
            return self.average
        return self.total

    @property
    def progress(self):
        """Percent of the commune's target reached, or None without a target."""
        target = self.indicator.target
        if not target or self.result is None:
            return None
        return (self.result * 100 / target).quantize(Decimal("0.1"))


@dataclass
class GoalBlock:
    goal: Goal
    indicators: list
    narratives: list  # [(report, text)]


@dataclass
class Aggregate:
    period: object
    reports: list
    goals: list
    expected: int
    accepted_only: bool
    generated_at: object

    @property
    def campaign(self):
        return self.period.campaign

    @property
    def summaries(self):
        return [summary for block in self.goals for summary in block.indicators]


def aggregate_period(period, *, accepted_only=False, expected=None):
    """Add up the period's reports per goal a–h in five queries."""
    states = [ReportState.ACCEPTED] if accepted_only else list(REPORT_COUNTED_STATES)
    reports = list(
        Report.objects.filter(period=period, state__in=states)
        .select_related("unit")
        .order_by("unit__kind", "unit__position", "unit__name")
    )
    report_ids = [r.pk for r in reports]
    by_id = {r.pk: r for r in reports}
    goals = list(
        Goal.objects.filter(campaign_id=period.campaign_id).order_by("position")
    )
    indicators = list(
        Indicator.objects.filter(campaign_id=period.campaign_id).order_by(
            "goal__position", "position", "pk"
        )
    )
    summaries = {i.pk: IndicatorSummary(indicator=i) for i in indicators}
    for report_id, indicator_id, value in IndicatorValue.objects.filter(
        report_id__in=report_ids
    ).values_list("report_id", "indicator_id", "value"):
        if indicator_id in summaries:
            summaries[indicator_id].per_unit[by_id[report_id].unit_id] = value
    narratives = {}
    for report_id, goal_id, text in (
        ReportSection.objects.filter(report_id__in=report_ids)
        .exclude(narrative="")
        .values_list("report_id", "goal_id", "narrative")
    ):
        narratives.setdefault(goal_id, []).append((by_id[report_id], text))
    order = {pk: index for index, pk in enumerate(report_ids)}
    blocks = []
    for goal in goals:
        items = sorted(narratives.get(goal.pk, []), key=lambda pair: order[pair[0].pk])
        blocks.append(
            GoalBlock(
                goal=goal,
                indicators=[
                    summaries[i.pk] for i in indicators if i.goal_id == goal.pk
                ],
                narratives=items,
            )
        )
    return Aggregate(
        period=period,
        reports=reports,
        goals=blocks,
        expected=expected if expected is not None else 0,
        accepted_only=accepted_only,
        generated_at=timezone.localtime(),
    )


def _number(value):
    """Excel wants numbers: whole values as int, others as float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _group_thousands(cells):
    """Numbers show their thousands separators ("3.127") in Excel and LibreOffice."""
    for cell in cells:
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
            cell.number_format = (
                "#,##0" if float(cell.value).is_integer() else "#,##0.0#"
            )


def _sheet_title(goal):
    return (_("Section %(code)s") % {"code": goal.code})[:31]


def aggregate_workbook(aggregate):
    """Return an openpyxl Workbook: a summary sheet and one sheet per goal."""
    wb = Workbook()
    ws = wb.active
    ws.title = pgettext("excel sheet", "Summary")[:31]
    period = aggregate.period
    write_cell(
        ws, 1, 1, _("Aggregated report — %(period)s") % {"period": period.name}
    ).font = Font(bold=True, size=13)
    write_cell(
        ws,
        2,
        1,
        _("Campaign “%(campaign)s” %(year)s")
        % {"campaign": period.campaign.name, "year": period.campaign.year},
    )
    write_cell(
        ws,
        3,
        1,
        _(
            "Reports counted: %(counted)s of %(expected)s units; %(scope)s; made %(when)s"
        )
        % {
            "counted": len(aggregate.reports),
            "expected": aggregate.expected,
            "scope": _("accepted only")
            if aggregate.accepted_only
            else _("accepted and submitted"),
            "when": aggregate.generated_at.strftime("%d/%m/%Y %H:%M"),
        },
    )
    # No internal code in a cell: an indicator is numbered within its section.
    header = [
        _("Section"),
        _("No."),
        _("Indicator"),
        _("Unit of measure"),
        _("Aggregation"),
        _("Result"),
        _("Units reporting"),
        _("Lowest"),
        _("Highest"),
        _("Commune target"),
        _("Share of target"),
    ]
    write_row(ws, 5, header, bold=True)
    row = 6
    for block in aggregate.goals:
        for number, summary in enumerate(block.indicators, start=1):
            indicator = summary.indicator
            cells = write_row(
                ws,
                row,
                [
                    block.goal.code,
                    number,
                    indicator.name,
                    indicator.unit_of_measure,
                    str(indicator.get_aggregation_display()),
                    _number(summary.result),
                    summary.count,
                    _number(summary.minimum),
                    _number(summary.maximum),
                    _number(indicator.target),
                    _number(summary.progress),
                ],
            )
            _group_thousands(cells)
            row += 1
    for column, width in zip(
        range(1, 12), (6, 6, 60, 12, 18, 12, 10, 10, 10, 12, 10), strict=True
    ):
        ws.column_dimensions[get_column_letter(column)].width = width
    for cells in ws.iter_rows(min_row=6, max_row=row, min_col=3, max_col=3):
        for cell in cells:
            cell.alignment = WRAP
    set_print_layout(ws, landscape=True, header_rows=5)

    for block in aggregate.goals:
        _goal_sheet(wb.create_sheet(_sheet_title(block.goal)), block, aggregate)
    return wb


def _goal_sheet(ws, block, aggregate):
    goal = block.goal
    write_cell(ws, 1, 1, f"{goal.code}) {goal.title}").font = Font(bold=True, size=12)
    header = [_("Unit"), _("State")] + [
        f"{s.indicator.name} ({s.indicator.unit_of_measure})" for s in block.indicators
    ]
    write_row(ws, 3, header, bold=True)
    for cell in ws[3]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = 4
    for report in aggregate.reports:
        values = [_number(s.per_unit.get(report.unit_id)) for s in block.indicators]
        _group_thousands(
            write_row(
                ws, row, [report.unit.name, str(report.get_state_display()), *values]
            )
        )
        row += 1
    if block.indicators:
        totals = [_number(s.result) for s in block.indicators]
        labels = [str(s.indicator.get_aggregation_display()) for s in block.indicators]
        _group_thousands(
            write_row(
                ws,
                row,
                [_("Result"), " / ".join(sorted(set(labels))), *totals],
                bold=True,
            )
        )
        row += 1
    row += 1
    write_row(ws, row, [_("Unit"), _("Results reported")], bold=True)
    row += 1
    for report, text in block.narratives:
        write_cell(ws, row, 1, report.unit.name)
        write_cell(ws, row, 2, text).alignment = WRAP
        row += 1
    ws.column_dimensions["A"].width = 38
    ws.column_dimensions["B"].width = 70 if not block.indicators else 14
    for column in range(3, 3 + len(block.indicators)):
        ws.column_dimensions[get_column_letter(column)].width = 16
    set_print_layout(ws, landscape=True, header_rows=3)


# The office that writes the aggregated report, under the commune's People's Committee.
AGGREGATE_ISSUER = "Phòng Văn hóa - Xã hội"


def aggregate_pdf(aggregate, *, request=None):
    """Return the aggregated report as PDF bytes (Decree 30/2020 layout, Mẫu 1.4)."""
    return render_pdf(
        "campaigns/pdf/aggregate.html",
        {
            "aggregate": aggregate,
            "issuer": issuer_header(AGGREGATE_ISSUER, parent=commune_parent()),
        },
        request=request,
    )
