"""Rows of the awards app: its pages and actions, and its admin screens.

Objects come from the seeded 2026 campaign: thon1's hamlet proposes its own
digital-tech team (a complete draft); thon2's hamlet has a submitted dossier;
thon4's a checked one; others wait for the chairman (voted). The 2026 ad-hoc
decision (No. 88) and the 2026 council meeting (with votes) are decided on.
"""

from .harness import Row


def _nominations(world, **filters):
    from awards.models import Nomination

    return Nomination.objects.filter(campaign=world.campaign, **filters).order_by("pk")


def own_draft(world):
    """thon1's hamlet proposing its digital-tech team: a complete draft."""
    return _nominations(
        world, proposing_unit=world.hamlet, state="draft", nominee_unit__isnull=False
    ).first()


def submitted(world):
    return _nominations(world, state="submitted").first()


def checked(world):
    return _nominations(world, state="checked").first()


def voted(world):
    return _nominations(world, state="voted").first()


def attachment(world):
    return own_draft(world).attachments.order_by("pk").first()


def decision(world):
    from awards.models import Decision

    return Decision.objects.filter(campaign=world.campaign).order_by("pk").first()


def award_kind(world):
    return world.campaign.award_kinds.get(code="giay_khen_xa")


def meeting(world):
    return world.campaign.council_meetings.order_by("pk").first()


def certificate_code(world):
    """The verification code of the first certificate of the 2026 decision."""
    return decision(world).certificates.order_by("pk").first().code


def base_salary(world):
    from awards.models import BaseSalary

    return BaseSalary.objects.order_by("effective_from").first()


def dossier_extension(world):
    from awards.models import DossierExtension

    return (
        DossierExtension.objects.filter(award_kind__campaign=world.campaign)
        .order_by("pk")
        .first()
    )


def preparing_meeting(world):
    """The 2026 council's next meeting, whose attendance is being taken."""
    return world.campaign.council_meetings.get(state="preparing")


def closed_meeting(world):
    """The November 2026 meeting: secret ballots, closed, with its minutes."""
    return world.campaign.council_meetings.filter(state="closed").latest("held_on")


def _pk(fn):
    return lambda world: [fn(world).pk]


ANON_405 = "405 405 405 405 405 405 405"
# Admin screens: strangers, unit heads and the council (not staff) go to the
# admin's login; staff without the permission get 403.

ROWS = {
    #                                 anon own  other office council chair sysadm
    # --- Portal pages -------------------------------------------------------
    "awards:list": Row(get="L 200 200 200 200 200 200", post=ANON_405),
    "awards:create": Row(
        get="L 200 200 200 404 404 404", post="L 200 200 200 404 404 404"
    ),
    "awards:nominee_options": Row(
        get="L 200 404 200 404 404 404",
        post=ANON_405,
        query=lambda w: f"?proposing_unit={w.hamlet.pk}",
    ),
    "awards:queue": Row(get="L 404 404 200 404 404 404", post=ANON_405),
    "awards:council": Row(
        get="L 404 404 200 200 200 200", post="L 404 404 200 200 404 404"
    ),
    "awards:honor": Row(get="200 200 200 200 200 200 200", post=ANON_405),
    # The council's meetings: read by who reads everything; run by its chair
    # (hoidong1) or the office; the minutes once closed.
    "awards:meeting": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(closed_meeting)
    ),
    "awards:meeting_attendance": Row(
        get=ANON_405, post="L 404 404 R R 404 404", args=_pk(preparing_meeting)
    ),
    "awards:meeting_open": Row(
        get=ANON_405, post="L 404 404 R R 404 404", args=_pk(preparing_meeting)
    ),
    "awards:meeting_close": Row(
        get=ANON_405, post="L 404 404 404 404 404 404", args=_pk(preparing_meeting)
    ),
    "awards:meeting_opinion": Row(
        get=ANON_405, post="L 404 404 R R 404 404", args=_pk(preparing_meeting)
    ),
    "awards:meeting_minutes_pdf": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(closed_meeting)
    ),
    "awards:meeting_minutes_docx": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(closed_meeting)
    ),
    "awards:decisions": Row(
        get="L 404 404 200 200 200 200", post="L 404 404 200 404 404 404"
    ),
    "awards:decision_detail": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(decision)
    ),
    "awards:decision_pdf": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(decision)
    ),
    "awards:certificates_pdf": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(decision)
    ),
    "awards:certificates_blank_pdf": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(decision)
    ),
    "awards:decision_xlsx": Row(
        get="L 404 404 200 200 200 200", post=ANON_405, args=_pk(decision)
    ),
    # Not signed in the demo (no certificate configured): nothing to serve.
    "awards:decision_signed_pdf": Row(
        get="L 404 404 404 404 404 404", post=ANON_405, args=_pk(decision)
    ),
    # The office or a leader signs; without a configured certificate the service
    # refuses and the page says so (R).
    "awards:decision_sign": Row(
        get=ANON_405, post="L 404 404 R 404 R 404", args=_pk(decision)
    ),
    # The office issues a replacing decision; an empty form is shown again (200).
    "awards:decision_replace": Row(
        get=ANON_405, post="L 404 404 200 404 404 404", args=_pk(decision)
    ),
    # The public page a certificate's QR code leads to.
    "verify:certificate": Row(
        get="200 200 200 200 200 200 200",
        post=ANON_405,
        args=lambda w: [certificate_code(w)],
    ),
    "awards:detail": Row(
        get="L 200 404 200 200 200 200", post=ANON_405, args=_pk(own_draft)
    ),
    "awards:edit": Row(
        get="L 200 404 200 404 404 404",
        post="L 200 404 200 404 404 404",
        args=_pk(own_draft),
    ),
    # The first POST asks the unit to confirm (issue 17); nothing is submitted.
    "awards:submit": Row(
        get=ANON_405, post="L 200 404 200 404 404 404", args=_pk(own_draft)
    ),
    "awards:check": Row(
        get=ANON_405, post="L 404 404 R 404 404 404", args=_pk(submitted)
    ),
    "awards:return": Row(
        get=ANON_405, post="L 404 404 R 404 404 404", args=_pk(submitted)
    ),
    "awards:vote": Row(get=ANON_405, post="L 404 404 404 R 404 404", args=_pk(checked)),
    "awards:attachment_add": Row(
        get=ANON_405, post="L R 404 R 404 404 404", args=_pk(own_draft)
    ),
    "awards:to_trinh_pdf": Row(
        get="L 200 404 200 200 200 200", post=ANON_405, args=_pk(own_draft)
    ),
    "awards:report_pdf": Row(
        get="L 200 404 200 200 200 200", post=ANON_405, args=_pk(own_draft)
    ),
    "awards:to_trinh_docx": Row(
        get="L 200 404 200 200 200 200", post=ANON_405, args=_pk(own_draft)
    ),
    "awards:report_docx": Row(
        get="L 200 404 200 200 200 200", post=ANON_405, args=_pk(own_draft)
    ),
    "awards:attachment_download": Row(
        get="L 200 404 200 200 200 200", post=ANON_405, args=_pk(attachment)
    ),
    "awards:attachment_delete": Row(
        get=ANON_405, post="L R 404 R 404 404 404", args=_pk(attachment)
    ),
    "awards:nominate_from_ranking": Row(
        get=ANON_405,
        post="L 404 404 R 404 404 404",
        args=lambda w: [w.campaign.pk],
    ),
    # The office's dossier extensions (an empty form is shown again; withdrawing
    # without a reason is refused, back to the page).
    "awards:extensions": Row(
        get="L 404 404 200 404 404 404", post="L 404 404 200 404 404 404"
    ),
    "awards:extension_revoke": Row(
        get=ANON_405, post="L 404 404 R 404 404 404", args=_pk(dossier_extension)
    ),
    # --- Admin: nominations (the chairman's approvals) -------------------------
    "admin:awards_nomination_changelist": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200"
    ),
    "admin:awards_nomination_add": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403"
    ),
    "admin:awards_nomination_change": Row(
        get="L L L 200 L 200 200", post="L L L 403 L 403 403", args=_pk(voted)
    ),
    "admin:awards_nomination_delete": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403", args=_pk(voted)
    ),
    "admin:awards_nomination_history": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200", args=_pk(voted)
    ),
    "admin:awards_nomination_approve": Row(
        get="L L L 403 L 405 403", post="L L L 403 L R 403", args=_pk(voted)
    ),
    "admin:awards_nomination_reject": Row(
        get="L L L 403 L 200 403", post="L L L 403 L 200 403", args=_pk(voted)
    ),
    # --- Admin: award kinds (the office's rules) --------------------------------
    "admin:awards_awardkind_changelist": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 200"
    ),
    "admin:awards_awardkind_add": Row(
        get="L L L 200 L 403 403", post="L L L 200 L 403 403"
    ),
    "admin:awards_awardkind_change": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 403", args=_pk(award_kind)
    ),
    "admin:awards_awardkind_delete": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403", args=_pk(award_kind)
    ),
    "admin:awards_awardkind_history": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 200", args=_pk(award_kind)
    ),
    "admin:awards_awardkind_rules": Row(
        get="L L L 200 L 403 403", post="L L L 200 L 403 403", args=_pk(award_kind)
    ),
    # --- Admin: council meetings ---------------------------------------------------
    "admin:awards_councilmeeting_changelist": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 200"
    ),
    "admin:awards_councilmeeting_add": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403"
    ),
    "admin:awards_councilmeeting_change": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 403", args=_pk(meeting)
    ),
    "admin:awards_councilmeeting_delete": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403", args=_pk(meeting)
    ),
    "admin:awards_councilmeeting_history": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 200", args=_pk(meeting)
    ),
    "admin:awards_councilmeeting_attendance": Row(
        get="L L L 200 L 403 403", post="L L L 200 L 403 403", args=_pk(meeting)
    ),
    # --- Admin: decisions (read here, issued on the portal) -----------------------
    "admin:awards_decision_changelist": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200"
    ),
    "admin:awards_decision_add": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403"
    ),
    "admin:awards_decision_change": Row(
        get="L L L 200 L 200 200", post="L L L 403 L 403 403", args=_pk(decision)
    ),
    "admin:awards_decision_delete": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403", args=_pk(decision)
    ),
    "admin:awards_decision_history": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200", args=_pk(decision)
    ),
    # --- Admin: the base salary table (rows added with a reason, never edited) ---
    "admin:awards_basesalary_changelist": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200"
    ),
    "admin:awards_basesalary_add": Row(
        get="L L L 200 L 403 403", post="L L L 200 L 403 403"
    ),
    "admin:awards_basesalary_change": Row(
        get="L L L 200 L 200 200", post="L L L 403 L 403 403", args=_pk(base_salary)
    ),
    "admin:awards_basesalary_delete": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403", args=_pk(base_salary)
    ),
    "admin:awards_basesalary_history": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200", args=_pk(base_salary)
    ),
}
