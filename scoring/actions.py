"""The scoring app's activity-log actions, as sentences officials read."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.actions import register_actions

register_actions(
    {
        "scoring.sheet.opened": _("The office opened the score sheet"),
        "scoring.sheets.opened": _("The office opened score sheets"),
        "scoring.sheet.automatic_filled": _("Points taken from the unit's reports"),
        "scoring.sheet.self_assessment_saved": _(
            "The unit head saved the self-assessment"
        ),
        "scoring.sheet.submitted": _("The unit head submitted the self-assessment"),
        "scoring.sheet.returned": _("The office sent the sheet back to the unit"),
        "scoring.sheet.council_scored": _("A council member recorded scores"),
        "scoring.sheet.council_marks_submitted": _(
            "A council member submitted his marks"
        ),
        "scoring.sheet.finalised": _("The office recorded the final score"),
        "scoring.sheet.reopened": _("The office reopened the review"),
        "scoring.sheet.locked": _("The office locked the sheet"),
        "scoring.criteria.imported": _("The office imported the criteria from Excel"),
        "scoring.criterion.changed": _(
            "The office changed the criterion's points or scoring"
        ),
        "scoring.band.changed": _("The office changed a classification band"),
        "scoring.ranking.published": _(
            "The office published the ranking on the honor board"
        ),
        "scoring.ranking.withdrawn": _(
            "The office withdrew the ranking from the honor board"
        ),
    }
)
