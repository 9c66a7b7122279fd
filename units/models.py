from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import PersonKind, Role, Sex, UnitKind


class Unit(models.Model):
    """A collective participant: office, steering committee, hamlet, digital-tech team."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("belongs to"),
        help_text=_("A digital-tech team belongs to its hamlet."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    staff_count = models.PositiveIntegerField(
        _("number of members or staff"), null=True, blank=True
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("taking part"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "kind"], name="unit_unique_name_kind"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("units:detail", args=[self.pk])

    @property
    def category(self):
        return "collective"


class Person(models.Model):
    """An individual participant: official, civil servant, worker or resident."""

    full_name = models.CharField(_("full name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=PersonKind.choices)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("unit"),
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    hometown = models.CharField(_("hometown"), max_length=255, blank=True)
    residence = models.CharField(_("place of residence"), max_length=255, blank=True)
    qualifications = models.CharField(_("qualifications"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("login account"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "pk"]

    def __str__(self):
        return self.full_name

    @property
    def category(self):
        return "individual"


# How documents name a household by its head (data: documents are Vietnamese).
HOUSEHOLD_PREFIX = {Sex.MALE: "Hộ ông", Sex.FEMALE: "Hộ bà"}


class Household(models.Model):
    """A household; counts as an individual participant (plan II.1.b)."""

    head_name = models.CharField(_("head of household"), max_length=150)
    head_sex = models.CharField(
        _("sex of the head of household"),
        max_length=10,
        choices=Sex.choices,
        blank=True,
        help_text=_(
            "Pages name the household “Hộ ông …” or “Hộ bà …” and documents by "
            "its head; women are considered first (Decree 152/2025/NĐ-CP, Art. "
            "4), so a decision is issued only for households whose head's sex "
            "is recorded."
        ),
    )
    hamlet = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="households",
        limit_choices_to={"kind": UnitKind.HAMLET},
        verbose_name=_("hamlet"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    members_count = models.PositiveSmallIntegerField(_("number of members"), default=1)
    field_of_activity = models.CharField(
        _("field of activity"), max_length=255, blank=True
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["hamlet", "head_name", "pk"]

    def __str__(self):
        return self.printed_name

    @property
    def printed_name(self):
        """The household as pages name it: "Hộ ông Nguyễn Văn A", "Hộ bà …"."""
        prefix = HOUSEHOLD_PREFIX.get(self.head_sex, "Hộ gia đình")
        return f"{prefix} {self.head_name}"

    @property
    def document_name(self):
        """The household as documents and workbooks name it, by its head:
        "Chủ hộ: Trần Ngọc Thảo" (data: documents are Vietnamese)."""
        return f"Chủ hộ: {self.head_name}"

    @property
    def category(self):
        return "individual"


class Membership(models.Model):
    """One role of one user, scoped to a unit for unit heads."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit"),
        help_text=_("Required for unit heads: the unit they head."),
    )
    title = models.CharField(
        pgettext_lazy("person", "title"), max_length=150, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role membership")
        verbose_name_plural = _("role memberships")
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit"], name="membership_unique_scoped"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(unit__isnull=True),
                name="membership_unique_unscoped",
            ),
            models.CheckConstraint(
                condition=Q(role=Role.UNIT_HEAD, unit__isnull=False)
                | ~Q(role=Role.UNIT_HEAD),
                name="membership_unit_head_has_unit",
            ),
            # The council has one chair.
            models.UniqueConstraint(
                fields=["role"],
                condition=Q(role=Role.COUNCIL_CHAIR),
                name="membership_one_council_chair",
                violation_error_message=_(
                    "The council already has a chair: revoke that role first."
                ),
            ),
        ]

    def __str__(self):
        if self.unit_id:
            return f"{self.user} — {self.get_role_display()} — {self.unit}"
        return f"{self.user} — {self.get_role_display()}"
