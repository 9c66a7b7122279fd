"""The scoring app's URLs and the admin pages of its models.

The seeded 2026 campaign has sheets in every state: thon1's hamlet's sheet is
a self-assessed draft (not submitted), thon2's is submitted (self-assessed),
and others are reviewed or locked, so the 2026 criteria are in use (locked)
and no criterion may be added or removed. The 2025 ranking is published.

Signed-in users without the permission get 404 on portal pages; someone who
may see a sheet but comes when its state no longer allows the action is sent
back to the sheet (R). POST-only pages answer 405 to GET once the permission
holds. In the admin, non-staff (unit heads, the council) go to the admin
login (L); staff without the permission get 403.
"""

from functools import partial

from .harness import Row


def own_sheet(world):
    """thon1's hamlet's 2026 sheet: a draft filled in, with evidence."""
    from scoring.models import ScoreSheet

    return ScoreSheet.objects.get(campaign=world.campaign, unit=world.hamlet)


def submitted_sheet(world):
    """thon2's hamlet's 2026 sheet: self-assessed, open to the council."""
    from scoring.models import ScoreSheet
    from units.enums import Role
    from units.models import Membership

    unit = Membership.objects.get(
        user__username="thon2", role=Role.UNIT_HEAD, unit__kind="hamlet"
    ).unit
    return ScoreSheet.objects.get(campaign=world.campaign, unit=unit)


def evidence_entry(world):
    return own_sheet(world).entries.exclude(evidence="").order_by("pk").first()


def criterion(world):
    from scoring.models import Criterion

    return Criterion.objects.get(campaign=world.campaign, code="A.1")


def group(world):
    return criterion(world).group


def band(world):
    from scoring.models import Band

    return Band.objects.filter(campaign=world.campaign).order_by("min_total").first()


def publication(world):
    from scoring.models import RankingPublication

    return RankingPublication.objects.get(campaign=world.campaign_2025)


def _pk(getter, world):
    return [getter(world).pk]


def campaign_2026(world):
    return [world.campaign.pk]


def campaign_2025(world):
    return [world.campaign_2025.pk]


# Anonymous and both unit heads are not staff: the admin sends them to its login.
ADMIN = "L L L"


def admin_row(get, post, args=lambda world: []):
    """Answers after ADMIN: office, council (not staff: L), chairman, sysadmin."""
    return Row(get=get, post=post, args=args)


ROWS = {
    #                                   anon own  other office council chair sysadm
    "scoring:index": Row(get="R R R R R R R", post="405 405 405 405 405 405 405"),
    "scoring:honor_board_latest": Row(
        get="R R R R R R R", post="405 405 405 405 405 405 405"
    ),
    "scoring:honor_board": Row(
        get="200 200 200 200 200 200 200",
        post="405 405 405 405 405 405 405",
        args=campaign_2025,
    ),
    "scoring:criteria": Row(
        get="L 200 200 200 200 200 200",
        post="L 405 405 405 405 405 405",
        args=campaign_2026,
    ),
    "scoring:criteria_template": Row(
        get="L 404 404 200 404 404 404",
        post="L 404 404 405 404 404 404",
        args=campaign_2026,
    ),
    "scoring:criteria_import": Row(
        get="L 404 404 200 404 404 404",
        post="L 404 404 200 404 404 404",
        args=campaign_2026,
    ),
    "scoring:sheets": Row(
        get="L 200 200 200 200 200 200",
        post="L 405 405 405 405 405 405",
        args=campaign_2026,
    ),
    "scoring:sheets_open": Row(
        get="L 404 404 405 404 404 404",
        post="L 404 404 R 404 404 404",
        args=campaign_2026,
    ),
    "scoring:ranking": Row(
        get="L 404 404 200 200 200 404",
        post="L 404 404 405 405 405 404",
        args=campaign_2026,
    ),
    "scoring:ranking_export": Row(
        get="L 404 404 200 200 200 404",
        post="L 404 404 405 405 405 404",
        args=campaign_2026,
    ),
    # An empty POST names no action (lock all, publish, withdraw): 404.
    "scoring:ranking_publish": Row(
        get="L 404 404 405 404 404 404",
        post="L 404 404 404 404 404 404",
        args=campaign_2026,
    ),
    "scoring:sheet": Row(
        get="L 200 404 200 200 200 200",
        post="L 405 404 405 405 405 405",
        args=partial(_pk, own_sheet),
    ),
    "scoring:sheet_pdf": Row(
        get="L 200 404 200 200 200 200",
        post="L 405 404 405 405 405 405",
        args=partial(_pk, own_sheet),
    ),
    "scoring:self_assess": Row(
        get="L 200 404 404 404 404 404",
        post="L R 404 404 404 404 404",
        args=partial(_pk, own_sheet),
    ),
    # The submitted sheet is thon2's: he may see it, but no longer self-assess.
    # hoidong1 has submitted his marks on it in the demo: he is sent back to
    # the sheet and told that they no longer change (issue 10, blind marking).
    "scoring:council_score": Row(
        get="L 404 404 404 R 404 404",
        post="L 404 404 404 R 404 404",
        args=partial(_pk, submitted_sheet),
    ),
    "scoring:finalise": Row(
        get="L 404 404 200 404 404 404",
        post="L 404 404 200 404 404 404",
        args=partial(_pk, submitted_sheet),
    ),
    "scoring:sheet_action": Row(
        get="L 405 404 404 404 404 404",
        post="L R 404 404 404 404 404",
        args=lambda world: [own_sheet(world).pk, "submit"],
    ),
    "scoring:evidence": Row(
        get="L 200 404 200 200 200 404",
        post="L 405 404 405 405 405 404",
        args=partial(_pk, evidence_entry),
    ),
    # ---------------------------------------------------------------- admin
    #                                   anon own other office council chair sysadm
    "admin:scoring_criteriongroup_changelist": admin_row(
        get=f"{ADMIN} 200 L 200 200", post=f"{ADMIN} 200 L 200 200"
    ),
    "admin:scoring_criteriongroup_add": admin_row(
        get=f"{ADMIN} 200 L 403 403", post=f"{ADMIN} 200 L 403 403"
    ),
    "admin:scoring_criteriongroup_change": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 403 403",
        args=partial(_pk, group),
    ),
    # The 2026 units have submitted sheets: no group or criterion goes.
    "admin:scoring_criteriongroup_delete": admin_row(
        get=f"{ADMIN} 403 L 403 403",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, group),
    ),
    "admin:scoring_criteriongroup_history": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 200 200",
        args=partial(_pk, group),
    ),
    "admin:scoring_criterion_changelist": admin_row(
        get=f"{ADMIN} 200 L 200 200", post=f"{ADMIN} 200 L 200 200"
    ),
    "admin:scoring_criterion_add": admin_row(
        get=f"{ADMIN} 200 L 403 403", post=f"{ADMIN} 200 L 403 403"
    ),
    "admin:scoring_criterion_change": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 403 403",
        args=partial(_pk, criterion),
    ),
    "admin:scoring_criterion_delete": admin_row(
        get=f"{ADMIN} 403 L 403 403",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, criterion),
    ),
    "admin:scoring_criterion_history": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 200 200",
        args=partial(_pk, criterion),
    ),
    # A.1 is on submitted sheets: the page says it is locked; nobody may change it.
    "admin:scoring_criterion_amend": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, criterion),
    ),
    "admin:scoring_band_changelist": admin_row(
        get=f"{ADMIN} 200 L 200 200", post=f"{ADMIN} 200 L 200 200"
    ),
    "admin:scoring_band_add": admin_row(
        get=f"{ADMIN} 200 L 403 403", post=f"{ADMIN} 200 L 403 403"
    ),
    # Every field of a band is guarded: an empty change saves nothing (R).
    "admin:scoring_band_change": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} R L 403 403",
        args=partial(_pk, band),
    ),
    # The 2026 ranking is not published: the office may still remove a band.
    "admin:scoring_band_delete": admin_row(
        get=f"{ADMIN} 200 L 403 403",
        post=f"{ADMIN} 200 L 403 403",
        args=partial(_pk, band),
    ),
    "admin:scoring_band_history": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 200 200",
        args=partial(_pk, band),
    ),
    "admin:scoring_band_amend": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 403 403",
        args=partial(_pk, band),
    ),
    "admin:scoring_rankingpublication_changelist": admin_row(
        get=f"{ADMIN} 200 L 200 200", post=f"{ADMIN} 200 L 200 200"
    ),
    "admin:scoring_rankingpublication_add": admin_row(
        get=f"{ADMIN} 403 L 403 403", post=f"{ADMIN} 403 L 403 403"
    ),
    "admin:scoring_rankingpublication_change": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, publication),
    ),
    "admin:scoring_rankingpublication_delete": admin_row(
        get=f"{ADMIN} 403 L 403 403",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, publication),
    ),
    "admin:scoring_rankingpublication_history": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 200 200",
        args=partial(_pk, publication),
    ),
    "admin:scoring_scoresheet_changelist": admin_row(
        get=f"{ADMIN} 200 L 200 200", post=f"{ADMIN} 200 L 200 200"
    ),
    "admin:scoring_scoresheet_add": admin_row(
        get=f"{ADMIN} 403 L 403 403", post=f"{ADMIN} 403 L 403 403"
    ),
    "admin:scoring_scoresheet_change": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, own_sheet),
    ),
    "admin:scoring_scoresheet_delete": admin_row(
        get=f"{ADMIN} 403 L 403 403",
        post=f"{ADMIN} 403 L 403 403",
        args=partial(_pk, own_sheet),
    ),
    "admin:scoring_scoresheet_history": admin_row(
        get=f"{ADMIN} 200 L 200 200",
        post=f"{ADMIN} 200 L 200 200",
        args=partial(_pk, own_sheet),
    ),
}
