"""Load the yearly plan's campaigns part (``plan/2025/campaigns.toml``) into the database."""

from decimal import Decimal

from django.db import transaction

from phongquang_portal.core.activity import log_action
from phongquang_portal.core.permissions import SYSTEM
from phongquang_portal.core.plandata import plan_part

from ..enums import GOAL_POSITIONS, CampaignStatus
from ..models import Campaign, Goal, Indicator, PriorityField, ReportingPeriod
from ..signals import plan_loaded
from .legal import legal_documents_load, plan_citations_load, year_shifted_name

PLAN_YEAR = 2025


def plan_data(year=PLAN_YEAR):
    """The campaigns part of the plan of ``year``, as the TOML file holds it."""
    return plan_part("campaigns", year)


def shift_year(day, years=1):
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _number(value):
    return None if value is None else Decimal(str(value))


@transaction.atomic
def plan_load(*, actor=SYSTEM):
    """Load the 2025 plan: legal documents, campaign and its citations, goals a–h,
    h's priority fields, periods, indicators.

    Idempotent: existing rows are left as they are, so edits made by the
    office survive a second run. The plan is in force once issued, so its
    campaign is loaded under way. Then ``plan_loaded`` lets the other apps
    load their parts.
    """
    data = plan_data()
    fields = dict(data["campaign"])
    citations = fields.pop("citations", [])
    documents = legal_documents_load(data.get("legal_documents", []))
    campaign, created = Campaign.objects.get_or_create(
        name=fields.pop("name"),
        year=fields.pop("year"),
        defaults={**fields, "status": CampaignStatus.ACTIVE},
    )
    plan_citations_load(campaign=campaign, rows=citations, documents=documents)
    for goal_data in data["goals"]:
        code = goal_data["code"]
        goal, _created = Goal.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={
                "position": GOAL_POSITIONS[code],
                "title": goal_data["title"],
                "text": goal_data["text"],
            },
        )
        for position, field in enumerate(goal_data.get("priority_fields", []), 1):
            PriorityField.objects.get_or_create(
                goal=goal,
                name=field["name"],
                defaults={"position": position, "text": field["text"]},
            )
    reporting_plan_load(campaign=campaign, data=data)
    if created:
        log_action(campaign, "campaigns.campaign.loaded", actor=actor)
    plan_loaded.send(sender=Campaign, campaign=campaign)
    return campaign


@transaction.atomic
def reporting_plan_load(*, campaign, data=None):
    """Seed the plan's reporting periods and indicators on ``campaign``. Idempotent.

    Dates move by the years between the plan and the campaign, and with them
    a period name's closing "năm <year>" (``year_shifted_name``).
    """
    data = data or plan_data()
    shift = campaign.year - PLAN_YEAR
    unit_kinds = data["reporting"]["unit_kinds"]
    for period in data["periods"]:
        ReportingPeriod.objects.get_or_create(
            campaign=campaign,
            name=year_shifted_name(
                period["name"], day=period["due_on"], source_year=PLAN_YEAR, years=shift
            ),
            defaults={
                "position": period["position"],
                "opens_on": shift_year(period["opens_on"], shift),
                "due_on": shift_year(period["due_on"], shift),
                "unit_kinds": list(unit_kinds),
            },
        )
    goals = {goal.code: goal for goal in campaign.goals.all()}
    fields = {
        field.name: field
        for field in PriorityField.objects.filter(goal__campaign=campaign)
    }
    existing = set(campaign.indicators.values_list("code", flat=True))
    Indicator.objects.bulk_create(
        Indicator(
            campaign=campaign,
            goal=goals[row["goal"]],
            code=row["code"],
            name=row["name"],
            unit_of_measure=row["unit_of_measure"],
            value_type=row["value_type"],
            min_value=_number(row.get("min_value", 0)),
            max_value=_number(row.get("max_value")),
            aggregation=row["aggregation"],
            unit_kinds=list(row["unit_kinds"]),
            target=_number(row.get("target")),
            position=position,
            priority_field=fields.get(row.get("priority_field", "")),
        )
        for position, row in enumerate(data["indicators"], start=1)
        if row["code"] not in existing and row["goal"] in goals
    )
