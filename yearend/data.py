"""The figures of the year-end summary, read from the portal's data.

One row source feeds the page, the PDF, the DOCX and the charts: results per
goal a–h and per priority field of h (the reports' indicators and the
recognised models), the units' participation and punctuality, the models
recognised and spread, and the awards given by form and by recipient group.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.enums import NominationState
from awards.models import AwardKind, Nomination
from campaigns.enums import REPORT_COUNTED_STATES, ReportState
from campaigns.exports import aggregate_period
from campaigns.models import PriorityField
from campaigns.selectors import board_rows
from exemplars.selectors import models_summary
from units.enums import UnitKind


@dataclass
class ParticipationRow:
    """One kind of unit: how many had to report, how many did, how many on time."""

    label: str
    expected: int = 0
    on_time: int = 0
    late: int = 0
    in_progress: int = 0  # a draft or a returned report, not handed in
    not_started: int = 0
    extended: int = 0

    @property
    def submitted(self):
        return self.on_time + self.late

    @property
    def share(self):
        """Percent of the expected units that handed their report in."""
        if not self.expected:
            return None
        return (Decimal(self.submitted) * 100 / self.expected).quantize(Decimal("0.1"))


@dataclass
class AwardRow:
    """One award form: collectives, individuals and households awarded."""

    kind: object
    collectives: int = 0
    individuals: int = 0
    households: int = 0
    prize_total: int = 0

    @property
    def total(self):
        return self.collectives + self.individuals + self.households


@dataclass
class FieldBlock:
    """A priority field of h: its indicators and its recognised models."""

    field: object
    indicators: list
    models: int = 0
    spread: int = 0


@dataclass
class SummaryData:
    period: object
    aggregate: object
    participation: list
    participation_total: ParticipationRow
    fields: list
    models: dict
    models_by_goal: dict
    awards: list
    awards_total: AwardRow
    generated_at: object = None
    charts: dict = field(default_factory=dict)

    @property
    def campaign(self):
        return self.period.campaign

    @property
    def goals(self):
        """[(goal block of the aggregate, recognised models serving the goal)]."""
        return [
            (block, self.models_by_goal.get(block.goal.pk, 0))
            for block in self.aggregate.goals
        ]


def participation(period, *, now=None):
    """Per kind of unit: expected, on time, late, in progress, not started."""
    rows = {}
    for row in board_rows(period, now=now):
        line = rows.setdefault(row.unit.kind, ParticipationRow(label=""))
        line.expected += 1
        if row.extension is not None:
            line.extended += 1
        report = row.report
        if report is not None and report.state in REPORT_COUNTED_STATES:
            if row.days_late:
                line.late += 1
            else:
                line.on_time += 1
        elif report is not None and report.state in (
            ReportState.DRAFT,
            ReportState.RETURNED,
        ):
            line.in_progress += 1
        else:
            line.not_started += 1
    labels = dict(UnitKind.choices)
    ordered = []
    for kind in UnitKind.values:
        if kind in rows:
            rows[kind].label = str(labels[kind])
            ordered.append(rows[kind])
    total = ParticipationRow(label=_("All units"))
    for line in ordered:
        for name in (
            "expected",
            "on_time",
            "late",
            "in_progress",
            "not_started",
            "extended",
        ):
            setattr(total, name, getattr(total, name) + getattr(line, name))
    return ordered, total


def awards_given(campaign):
    """Per award form of the campaign: who was awarded by decision, and the prize."""
    rows = {
        kind.pk: AwardRow(kind=kind)
        for kind in AwardKind.objects.filter(campaign=campaign).order_by(
            "position", "pk"
        )
    }
    for kind_id, unit_id, person_id, household_id, prize in Nomination.objects.filter(
        campaign=campaign, state=NominationState.DECIDED
    ).values_list(
        "award_kind_id",
        "nominee_unit_id",
        "nominee_person_id",
        "nominee_household_id",
        "prize_amount",
    ):
        row = rows.get(kind_id)
        if row is None:
            continue
        if unit_id:
            row.collectives += 1
        elif person_id:
            row.individuals += 1
        elif household_id:
            row.households += 1
        row.prize_total += prize or 0
    total = AwardRow(kind=None)
    for row in rows.values():
        total.collectives += row.collectives
        total.individuals += row.individuals
        total.households += row.households
        total.prize_total += row.prize_total
    return list(rows.values()), total


def summary_data(period, *, now=None, charts=True):
    """Everything the summary prints for ``period`` (the round it reports on)."""
    now = now or timezone.now()
    aggregate = aggregate_period(period)
    rows, total = participation(period, now=now)
    models = models_summary(period.campaign, until=timezone.localdate(now))
    summaries = {s.indicator.pk: s for s in aggregate.summaries}
    fields = []
    for priority_field in PriorityField.objects.filter(
        goal__campaign=period.campaign
    ).order_by("position"):
        fields.append(
            FieldBlock(
                field=priority_field,
                indicators=[
                    summary
                    for summary in summaries.values()
                    if summary.indicator.priority_field_id == priority_field.pk
                ],
                models=models["by_field"].get(priority_field.pk, 0),
                spread=sum(
                    1
                    for model in models["models"]
                    if model.spread_count
                    and any(
                        f.pk == priority_field.pk for f in model.priority_fields.all()
                    )
                ),
            )
        )
    award_rows, awards_total = awards_given(period.campaign)
    data = SummaryData(
        period=period,
        aggregate=aggregate,
        participation=rows,
        participation_total=total,
        fields=fields,
        models=models,
        models_by_goal=models["by_goal"],
        awards=award_rows,
        awards_total=awards_total,
        generated_at=timezone.localtime(now),
    )
    if charts:
        from .charts import summary_charts

        data.charts = summary_charts(data)
    return data


@dataclass
class IssueConcerns:
    """What issuing the summary now would leave out: the chairman confirms it."""

    due_on: object
    early: bool
    outstanding: list  # names of the units whose report is not accepted

    @property
    def messages(self):
        messages = []
        if self.early:
            messages.append(
                _("The reports are due on %(date)s: the summary is issued before then.")
                % {"date": self.due_on.strftime("%d/%m/%Y")}
            )
        if self.outstanding:
            count = len(self.outstanding)
            messages.append(
                ngettext(
                    "%(count)s unit has no accepted report yet: %(units)s.",
                    "%(count)s units have no accepted report yet: %(units)s.",
                    count,
                )
                % {"count": count, "units": ", ".join(self.outstanding)}
            )
        return messages


def issue_concerns(period, *, issued_on=None):
    """Whether ``period``'s summary would be issued before the reports' due date, and
    the units whose report is not accepted (not handed in, or not yet checked)."""
    issued_on = issued_on or timezone.localdate()
    outstanding = [
        row.unit.name
        for row in board_rows(period)
        if row.report is None or row.report.state != ReportState.ACCEPTED
    ]
    return IssueConcerns(
        due_on=period.due_on,
        early=issued_on < period.due_on,
        outstanding=outstanding,
    )
