from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    """Collective participants (plan II.1.a)."""

    OFFICE = "office", _("Office or unit")
    STEERING = "steering", _("Steering committee")
    HAMLET = "hamlet", _("Hamlet")
    DIGITAL_TEAM = "digital_team", _("Community digital-tech team")
    ORGANISATION = "organisation", _("Other organisation")


class PersonKind(models.TextChoices):
    """Individual participants (plan II.1.b); households are a model of their own."""

    OFFICIAL = "official", _("Official (cán bộ)")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee")
    WORKER = "worker", _("Worker")
    RESIDENT = "resident", _("Resident")


class Sex(models.TextChoices):
    MALE = "male", pgettext_lazy("sex", "Male")
    FEMALE = "female", pgettext_lazy("sex", "Female")


class Role(models.TextChoices):
    """Who logs in, and what for. Unit heads are scoped to units."""

    OFFICE = "office", _("Culture-Social office staff")
    UNIT_HEAD = "unit_head", _("Unit head")
    COUNCIL = "council", _("Emulation-Reward Council member")
    # Chủ tịch Hội đồng Thi đua - Khen thưởng: chairs the council's meetings and
    # signs its minutes; also holds COUNCIL, to mark and to vote.
    COUNCIL_CHAIR = "council_chair", _("Chair of the Emulation-Reward Council")
    CHAIRMAN = "chairman", _("Commune chairman")
    VICE_CHAIRMAN = "vice_chairman", _("Commune vice-chairman")
    SYSADMIN = "sysadmin", _("System administrator")


# Roles that work in the Django admin (is_staff).
STAFF_ROLES = {Role.OFFICE, Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.SYSADMIN}
# Roles only a system administrator grants or revokes (never to himself); the
# office grants unit heads.
SYSADMIN_GRANTED_ROLES = frozenset(
    {
        Role.OFFICE,
        Role.COUNCIL,
        Role.COUNCIL_CHAIR,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.SYSADMIN,
    }
)
