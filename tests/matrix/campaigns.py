"""The campaigns app's URLs and its admin: who gets what.

The objects come from the seeded commune: the 2026 campaign (under way), its
current reporting period, and the own head's (thon1's) hamlet report in it
(not started in the demo: thon1 opens it here, as a draft) with one evidence
file attached; the 9th hamlet's extension of the period's due date.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from .harness import Row

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b" " * 200


def period(world):
    from campaigns.selectors import current_period

    return current_period(world.campaign)


def own_report(world):
    """thon1's hamlet's report in the current period, reopened, with one attachment."""
    cached = getattr(world, "_campaigns_report", None)
    if cached is not None:
        return cached
    from campaigns.enums import REPORT_EDITABLE_STATES
    from campaigns.services import report_attachment_add, report_reopen, report_start

    report = report_start(
        unit=world.hamlet, period=period(world), actor=world.user("own_head")
    )
    if report.state not in REPORT_EDITABLE_STATES:
        report_reopen(
            report=report, actor=world.user("office"), reason="Bảng quyền: sửa lại."
        )
    if not report.attachments.exists():
        report_attachment_add(
            report=report,
            actor=world.user("own_head"),
            file=SimpleUploadedFile("bien-ban.pdf", io.BytesIO(PDF_BYTES).read()),
        )
    world._campaigns_report = report
    return report


def extension(world):
    """The office's extension of the current period for one unit (demo: a hamlet)."""
    return period(world).extensions.order_by("pk").first()


def attachment(world):
    return own_report(world).attachments.order_by("pk").first()


def goal(world):
    return world.campaign.goals.order_by("position").first()


def indicator(world):
    """An indicator of the 2026 campaign with values already reported."""
    return world.campaign.indicators.filter(values__isnull=False).distinct().first()


def review_item(world):
    """An item of the 2026 copy's review list still to check."""
    return world.campaign.review_items.filter(done=False).order_by("pk").first()


def cited_document(world):
    """A legal document the campaign cites (its deletion is protected)."""
    return world.campaign.citations.order_by("position").first().document


def _admin(model, *, changelist, add, change, delete, history, obj=None):
    """The five admin URLs of one model (GET, POST answers per URL)."""
    name = f"admin:campaigns_{model}"
    args = (lambda w: [obj(w).pk]) if obj else (lambda w: [])
    return {
        f"{name}_changelist": Row(*changelist),
        f"{name}_add": Row(*add),
        f"{name}_change": Row(*change, args=args),
        f"{name}_delete": Row(*delete, args=args),
        f"{name}_history": Row(*history, args=args),
    }


# Admin answers: non-staff (anonymous, unit heads, council) go to the admin
# login; the chairman is staff without a campaigns permission: 403.
#                     anon own other office council chair sysadm
READ = ("L L L 200 L 403 200", "L L L 200 L 403 200")
OFFICE_FORM = ("L L L 200 L 403 403", "L L L 200 L 403 403")
EDIT = ("L L L 200 L 403 200", "L L L 200 L 403 403")
NOBODY = ("L L L 403 L 403 403", "L L L 403 L 403 403")

ROWS = {
    #                        anon own  other office council chair sysadm
    "campaigns:list": Row(
        get="200 200 200 200 200 200 200", post="405 405 405 405 405 405 405"
    ),
    "campaigns:detail": Row(
        get="200 200 200 200 200 200 200",
        post="405 405 405 405 405 405 405",
        args=lambda w: [w.campaign.pk],
    ),
    "campaigns:dashboard": Row(
        get="L 404 404 200 200 200 200",
        post="L 404 404 405 405 405 405",
        args=lambda w: [w.campaign.pk],
    ),
    "campaigns:report_list": Row(
        get="L 200 200 200 200 200 200", post="L 405 405 405 405 405 405"
    ),
    "campaigns:report_start": Row(
        get="L 405 404 405 404 404 404",
        post="L R 404 R 404 404 404",
        args=lambda w: [period(w).pk, w.hamlet.pk],
    ),
    "campaigns:report_detail": Row(
        get="L 200 404 200 200 200 200",
        post="L 405 404 405 405 405 405",
        args=lambda w: [own_report(w).pk],
    ),
    # Readers who may not edit are sent to the report's page.
    "campaigns:report_edit": Row(
        get="L 200 404 200 R R R",
        post="L R 404 R R R R",
        args=lambda w: [own_report(w).pk],
    ),
    "campaigns:attachment_upload": Row(
        get="L 405 404 405 404 404 404",
        post="L R 404 R 404 404 404",
        args=lambda w: [own_report(w).pk],
    ),
    "campaigns:attachment": Row(
        get="L 200 404 200 200 200 200",
        post="L 405 404 405 405 405 405",
        args=lambda w: [own_report(w).pk, attachment(w).pk],
    ),
    "campaigns:attachment_delete": Row(
        get="L 405 404 405 404 404 404",
        post="L R 404 R 404 404 404",
        args=lambda w: [own_report(w).pk, attachment(w).pk],
    ),
    # Reopening is the office's; with an empty body it is refused (no reason).
    "campaigns:report_action": Row(
        get="L 404 404 405 404 404 404",
        post="L 404 404 R 404 404 404",
        args=lambda w: [own_report(w).pk, "reopen"],
    ),
    "campaigns:board": Row(
        get="L 404 404 200 200 200 200",
        post="L 404 404 405 405 405 405",
        args=lambda w: [period(w).pk],
    ),
    "campaigns:remind": Row(
        get="L 404 404 405 404 404 404",
        post="L 404 404 R 404 404 404",
        args=lambda w: [period(w).pk],
    ),
    # The office extends one unit's due date (an empty form is shown again).
    "campaigns:extension": Row(
        get="L 404 404 200 404 404 404",
        post="L 404 404 200 404 404 404",
        args=lambda w: [period(w).pk, w.hamlet.pk],
    ),
    # Withdrawing needs a reason: an empty body is refused, back to the page.
    "campaigns:extension_revoke": Row(
        get="L 404 404 405 404 404 404",
        post="L 404 404 R 404 404 404",
        args=lambda w: [period(w).pk, extension(w).unit_id],
    ),
    "campaigns:aggregate": Row(
        get="L 404 404 200 200 200 200",
        post="L 404 404 405 405 405 405",
        args=lambda w: [period(w).pk],
    ),
    "campaigns:aggregate_xlsx": Row(
        get="L 404 404 200 200 200 200",
        post="L 404 404 405 405 405 405",
        args=lambda w: [period(w).pk],
    ),
    "campaigns:aggregate_pdf": Row(
        get="L 404 404 200 200 200 200",
        post="L 404 404 405 405 405 405",
        args=lambda w: [period(w).pk],
    ),
    # The copy's review list: the office ticks or fixes; the system administrator reads.
    "campaigns:review": Row(
        get="L 404 404 200 404 404 200",
        post="L 404 404 405 404 404 405",
        args=lambda w: [w.campaign.pk],
    ),
    "campaigns:review_item": Row(
        get="L 404 404 405 404 404 404",
        post="L 404 404 R 404 404 404",
        args=lambda w: [review_item(w).pk],
    ),
    # --- The admin -----------------------------------------------------------
    **_admin(
        "campaign",
        obj=lambda w: w.campaign,
        changelist=READ,
        add=OFFICE_FORM,
        change=EDIT,
        delete=NOBODY,
        history=READ,
    ),
    "admin:campaigns_campaign_dates": Row(*OFFICE_FORM, args=lambda w: [w.campaign.pk]),
    "admin:campaigns_campaign_status": Row(
        *OFFICE_FORM, args=lambda w: [w.campaign.pk]
    ),
    "admin:campaigns_campaign_plan": Row(*OFFICE_FORM, args=lambda w: [w.campaign.pk]),
    "admin:campaigns_campaign_citation_add": Row(
        *OFFICE_FORM, args=lambda w: [w.campaign.pk]
    ),
    "admin:campaigns_campaign_citation_remove": Row(
        *OFFICE_FORM, args=lambda w: [w.campaign.pk]
    ),
    "admin:campaigns_campaign_citation_replace": Row(
        *OFFICE_FORM, args=lambda w: [w.campaign.pk]
    ),
    # Legal documents: a cited one cannot be deleted (the page says so: 200).
    **_admin(
        "legaldocument",
        obj=cited_document,
        changelist=READ,
        add=OFFICE_FORM,
        change=EDIT,
        delete=OFFICE_FORM,
        history=READ,
    ),
    # The plan's goal sections a–h: their wording is edited, none added or removed.
    **_admin(
        "goal",
        obj=goal,
        changelist=READ,
        add=NOBODY,
        change=EDIT,
        delete=NOBODY,
        history=READ,
    ),
    **_admin(
        "reportingperiod",
        obj=period,
        changelist=READ,
        add=OFFICE_FORM,
        change=EDIT,
        delete=OFFICE_FORM,
        history=READ,
    ),
    "admin:campaigns_reportingperiod_due": Row(
        *OFFICE_FORM, args=lambda w: [period(w).pk]
    ),
    **_admin(
        "indicator",
        obj=indicator,
        changelist=READ,
        add=OFFICE_FORM,
        change=EDIT,
        delete=OFFICE_FORM,
        history=READ,
    ),
    "admin:campaigns_indicator_rules": Row(
        *OFFICE_FORM, args=lambda w: [indicator(w).pk]
    ),
    # Reports are never added or deleted in the admin; the office reads them
    # there and runs the review action from the list.
    **_admin(
        "report",
        obj=own_report,
        changelist=READ,
        add=NOBODY,
        change=EDIT,
        delete=NOBODY,
        history=READ,
    ),
}
