"""The register's activity-log actions, as sentences officials read."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.actions import register_actions

register_actions(
    {
        "exemplars.model.proposed": _("The exemplary model was proposed"),
        "exemplars.model.edited": _("The exemplary model was edited"),
        "exemplars.model.proposed_again": _("The model was proposed again"),
        "exemplars.model.recognised": _("The office recognised the model"),
        "exemplars.model.declined": _("The office did not recognise the model"),
        "exemplars.model.spread": _("The model was spread to another unit"),
        "exemplars.model.photo_added": _("A photo was added"),
        "exemplars.model.evidence_added": _("Evidence was attached"),
        "exemplars.model.evidence_removed": _("Evidence was removed"),
    }
)
