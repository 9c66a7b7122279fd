"""What each awards action code written to the activity log means, as a sentence."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.actions import register_actions

register_actions(
    {
        "awards.nomination.created": _("The nomination dossier was created"),
        "awards.nomination.edited": _("The nomination dossier was edited"),
        "awards.nomination.attachment_added": _("A document was attached"),
        "awards.nomination.attachment_removed": _("A document was removed"),
        "awards.nomination.submitted": _("The unit submitted the dossier"),
        "awards.nomination.returned": _(
            "The office returned the dossier for supplement"
        ),
        "awards.nomination.checked": _(
            "The office checked the dossier and put it to the council"
        ),
        "awards.nomination.voted": _("The council recorded its vote"),
        "awards.nomination.approved": _("The chairman approved the nomination"),
        "awards.nomination.rejected": _("The chairman did not approve the nomination"),
        "awards.nomination.decided": _("Awarded by decision"),
        "awards.decision.issued": _("The office issued the award decision"),
        "awards.decision.replaced": _("The decision was replaced by a new decision"),
        "awards.decision.signed": _("The decision was signed digitally"),
        "awards.decision.frozen": _(
            "The decision's figures and documents were kept as issued"
        ),
        "awards.decision.documents_stored": _(
            "The decision's documents were rendered from its kept figures and stored"
        ),
        "awards.nomination.redecided": _(
            "Awarded by the decision that replaces the previous one"
        ),
        "awards.base_salary.added": _("The office recorded a new base salary"),
        "awards.council.meeting_recorded": _("The council meeting was recorded"),
        "awards.council.attendance_changed": _(
            "The council meeting's attendance was corrected"
        ),
        "awards.council.attendance_recorded": _(
            "The council meeting's attendance was recorded"
        ),
        "awards.council.meeting_opened": _("The council meeting opened its voting"),
        "awards.council.meeting_closed": _("The council meeting closed its voting"),
        "awards.council.meeting_results": _(
            "The council's tallies were counted from the ballots"
        ),
        "awards.council.opinion_recorded": _(
            "An absent council member's written opinion was recorded"
        ),
        "awards.ballot.cast_secret": _("A council member cast a secret ballot"),
        "awards.ballot.cast_open": _("A council member voted openly"),
        "awards.ballot.replaced": _(
            "A council member changed his open vote before the meeting closed"
        ),
        "awards.award_kind.rules_changed": _("The award's rules were changed"),
        "awards.extension.granted": _(
            "The office extended the dossier deadline for the unit"
        ),
        "awards.extension.changed": _("The office changed the unit's extension"),
        "awards.extension.revoked": _("The office withdrew the unit's extension"),
        "awards.nomination.models_cited": _(
            "The exemplary models cited in the dossier changed"
        ),
    }
)
