"""One row source for the decision: its PDF, the certificates and the Excel list."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from phongquang_portal.core.excel import set_print_layout, write_row
from phongquang_portal.core.pdf import render_pdf

from .enums import Category, NomineeType
from .selectors import decision_awardees

DEFAULT_CITATION = (
    "Đã có thành tích xuất sắc trong phong trào thi đua “%(campaign)s” năm %(year)s"
)


@dataclass
class AwardeeRow:
    position: int
    name: str
    category: str
    category_label: str
    nominee_type: str
    description: str
    unit_name: str
    prize_amount: int
    golden_book_number: str
    citation: str


def citation_for(nomination):
    return nomination.citation or DEFAULT_CITATION % {
        "campaign": nomination.campaign.name,
        "year": nomination.campaign.year,
    }


def awardee_rows(decision):
    """The awardees of ``decision`` in order, with what every document prints."""
    rows = []
    for n in decision_awardees(decision):
        if n.nominee_type == NomineeType.PERSON:
            unit_name = n.nominee_person.unit.name if n.nominee_person.unit else ""
        elif n.nominee_type == NomineeType.HOUSEHOLD:
            unit_name = n.nominee_household.hamlet.name
        else:
            unit_name = n.nominee_unit.parent.name if n.nominee_unit.parent_id else ""
        rows.append(
            AwardeeRow(
                position=n.decision_position or len(rows) + 1,
                name=n.nominee_name,
                category=n.category,
                category_label=n.get_category_display(),
                nominee_type=n.nominee_type,
                description=n.nominee_description,
                unit_name=unit_name,
                prize_amount=n.prize_amount or 0,
                golden_book_number=n.golden_book_number,
                citation=citation_for(n),
            )
        )
    return rows


def decision_context(decision, rows=None):
    rows = rows if rows is not None else awardee_rows(decision)
    collectives = [r for r in rows if r.category == Category.COLLECTIVE]
    individuals = [r for r in rows if r.category != Category.COLLECTIVE]
    return {
        "decision": decision,
        "campaign": decision.campaign,
        "kind": decision.award_kind,
        "rows": rows,
        "collectives": collectives,
        "individuals": individuals,
        "total": sum(r.prize_amount for r in rows),
        "base_salary": getattr(settings, "BASE_SALARY_VND", 2_340_000),
        "commune": settings.COMMUNE_NAME,
    }


def decision_pdf(decision):
    return render_pdf("awards/pdf/decision.html", decision_context(decision))


def certificates_pdf(decision, rows=None):
    context = decision_context(decision, rows)
    return render_pdf("awards/pdf/certificates.html", context)


def certificates_blank_pdf(decision, *, dx_mm=0, dy_mm=0):
    context = decision_context(decision)
    # Positions in mm on an A4 landscape blank, shifted by the printer's offsets.
    base = {
        "main_x": (30, "x"),
        "ref_x": (40, "x"),
        "date_x": (160, "x"),
        "name_y": (100, "y"),
        "where_y": (112, "y"),
        "citation_y": (122, "y"),
        "foot_y": (165, "y"),
        "signer_y": (195, "y"),
    }
    shift = {"x": dx_mm, "y": dy_mm}
    context["pos"] = {
        key: f"{value + shift[axis]:.1f}" for key, (value, axis) in base.items()
    }
    return render_pdf("awards/pdf/certificates_blank.html", context)


def decision_workbook(decision):
    """The list of awardees with their prize money and the total."""
    rows = awardee_rows(decision)
    wb = Workbook()
    ws = wb.active
    ws.title = _("Awardees")[:31]
    write_row(
        ws,
        1,
        [
            _("No."),
            _("Name"),
            _("Category"),
            _("Position, address or unit"),
            _("Golden book number"),
            _("Prize money (VND)"),
        ],
        bold=True,
    )
    for index, row in enumerate(rows, start=2):
        write_row(
            ws,
            index,
            [
                row.position,
                row.name,
                str(row.category_label),
                row.description or row.unit_name,
                row.golden_book_number,
                row.prize_amount,
            ],
        )
        ws.cell(row=index, column=6).number_format = "#,##0"
    total_row = len(rows) + 2
    write_row(
        ws,
        total_row,
        ["", pgettext("prize money", "Total"), "", "", "", None],
        bold=True,
    )
    total = ws.cell(row=total_row, column=6)
    total.value = sum(r.prize_amount for r in rows)
    total.number_format = "#,##0"
    for column, width in zip("ABCDEF", (6, 38, 12, 40, 16, 18), strict=True):
        ws.column_dimensions[column].width = width
    set_print_layout(ws, landscape=False)
    return wb


def _unit_signer(unit):
    """The head of ``unit`` and their title, for the signature block of drafts."""
    from phongquang_portal.core.names import user_display_name
    from units.enums import Role
    from units.models import Membership

    membership = (
        Membership.objects.filter(role=Role.UNIT_HEAD, unit=unit)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        return "THỦ TRƯỞNG ĐƠN VỊ", ""
    title = (membership.title or "Thủ trưởng đơn vị").upper()
    return title, user_display_name(membership.user)


def to_trinh_pdf(nomination):
    """Draft tờ trình of the proposing unit for every nomination it makes for that award."""
    from django.utils import timezone

    from .enums import NominationState
    from .selectors import nomination_queryset

    unit = nomination.proposing_unit
    nominations = list(
        nomination_queryset()
        .filter(
            campaign=nomination.campaign,
            award_kind=nomination.award_kind,
            proposing_unit=unit,
        )
        .exclude(state=NominationState.REJECTED)
        .order_by("pk")
    )
    # Collectives first, then individuals.
    nominations.sort(key=lambda n: (n.category != Category.COLLECTIVE, n.pk))
    title, name = _unit_signer(unit)
    return render_pdf(
        "awards/pdf/to_trinh.html",
        {
            "unit": unit,
            "campaign": nomination.campaign,
            "kind": nomination.award_kind,
            "nominations": nominations,
            "collectives": [
                n for n in nominations if n.category == Category.COLLECTIVE
            ],
            "individuals": [
                n for n in nominations if n.category != Category.COLLECTIVE
            ],
            "signer_title": title,
            "signer_name": name,
            "today": timezone.localdate(),
        },
    )


def report_pdf(nomination):
    """Draft báo cáo thành tích of the nominee, in the official three parts."""
    from django.utils import timezone

    _title, name = _unit_signer(nomination.proposing_unit)
    achievements = [
        line.strip() for line in nomination.achievements.splitlines() if line.strip()
    ]
    return render_pdf(
        "awards/pdf/report.html",
        {
            "nomination": nomination,
            "nominee": nomination.nominee,
            "type": nomination.nominee_type,
            "unit": nomination.proposing_unit,
            "campaign": nomination.campaign,
            "goals": list(nomination.goals.all()),
            "achievements": achievements,
            "prior_awards": list(nomination.prior_awards.all()),
            "cited_models": cited_models_of(nomination),
            "signer_name": name,
            "today": timezone.localdate(),
        },
    )


def cited_models_of(nomination):
    """The exemplary models the report cites, with how far each has spread."""
    from django.db.models import Count

    return list(
        nomination.cited_models.select_related("unit")
        .annotate(spread_count=Count("spreads"))
        .order_by("recognised_on", "name")
    )
