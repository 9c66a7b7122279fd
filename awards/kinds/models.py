"""The award kinds of a campaign (their rules: deadline, quotas, documents, prize) and
the base salary that prizes follow."""

import decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..common.fields import at_most
from ..enums import (
    BASE_SALARY_MAX,
    BASE_SALARY_MIN,
    MULTIPLIER_MAX,
    POSITION_MAX,
    QUOTA_MAX,
    AttachmentKind,
    AwardKindCode,
    NomineeType,
)

DEFAULT_REQUIRED_DOCUMENTS = [
    AttachmentKind.TO_TRINH.value,
    AttachmentKind.BAO_CAO.value,
    AttachmentKind.BIEN_BAN.value,
]


def default_required_documents():
    return list(DEFAULT_REQUIRED_DOCUMENTS)


def _quota_validators():
    return [MaxValueValidator(QUOTA_MAX)]


def _multiplier_validators():
    return [
        MinValueValidator(decimal.Decimal(0)),
        MaxValueValidator(decimal.Decimal(MULTIPLIER_MAX)),
    ]


def round_up(amount, step):
    """Round ``amount`` up to a multiple of ``step`` đồng (step 0 or 1: to the đồng)."""
    amount = decimal.Decimal(amount)
    if step and step > 1:
        return int(
            (amount / step).to_integral_value(rounding=decimal.ROUND_CEILING) * step
        )
    return int(amount.to_integral_value(rounding=decimal.ROUND_HALF_UP))


class AwardKind(models.Model):
    """An award form of one campaign: deadline rule, quotas, prize (plan IV.3–4)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="award_kinds",
        verbose_name=_("campaign"),
    )
    code = models.CharField(_("code"), max_length=30, choices=AwardKindCode.choices)
    name = models.CharField(_("name"), max_length=255)
    deadline_bound = models.BooleanField(
        _("bound by the dossier deadline"), default=True
    )
    quota_collective = models.PositiveSmallIntegerField(
        _("quota for collectives"),
        null=True,
        blank=True,
        validators=_quota_validators(),
        help_text=_("Empty: no quota."),
    )
    quota_individual = models.PositiveSmallIntegerField(
        _("quota for individuals"),
        null=True,
        blank=True,
        validators=_quota_validators(),
        help_text=_("Empty: no quota. Households count as individuals."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, validators=[MaxValueValidator(POSITION_MAX)]
    )
    required_documents = models.JSONField(
        _("required documents"),
        default=default_required_documents,
        blank=True,
        help_text=_("Documents a dossier must hold before it can be submitted."),
    )
    multiplier_individual = models.DecimalField(
        _("prize for an individual (× base salary)"),
        max_digits=5,
        decimal_places=2,
        validators=_multiplier_validators(),
        default=decimal.Decimal("0.30"),
    )
    multiplier_collective = models.DecimalField(
        _("prize for a collective (× base salary)"),
        max_digits=5,
        decimal_places=2,
        validators=_multiplier_validators(),
        default=decimal.Decimal("0.60"),
    )
    multiplier_household = models.DecimalField(
        _("prize for a household (× the individual prize)"),
        max_digits=5,
        decimal_places=2,
        validators=_multiplier_validators(),
        default=decimal.Decimal("1.50"),
    )
    prize_basis = models.ForeignKey(
        "campaigns.LegalDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("legal basis of the prize"),
        help_text=_(
            "The decree the prize money follows (Nghị định số 152/2025/NĐ-CP)."
        ),
    )

    class Meta:
        verbose_name = _("award kind")
        verbose_name_plural = _("award kinds")
        ordering = ["campaign", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"], name="awardkind_unique_code"
            ),
            models.CheckConstraint(
                condition=at_most("quota_collective", QUOTA_MAX),
                name="awardkind_quota_collective_bounded",
            ),
            models.CheckConstraint(
                condition=at_most("quota_individual", QUOTA_MAX),
                name="awardkind_quota_individual_bounded",
            ),
            models.CheckConstraint(
                condition=Q(position__lte=POSITION_MAX),
                name="awardkind_position_bounded",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 0})
                    & Q(**{f"{field}__lte": MULTIPLIER_MAX}),
                    name=f"awardkind_{field}_bounded",
                )
                for field in (
                    "multiplier_individual",
                    "multiplier_collective",
                    "multiplier_household",
                )
            ],
        ]

    def __str__(self):
        return self.name

    def quota_for(self, category):
        """Return the quota for a category ("collective", "individual"); None: none."""
        if self.code == AwardKindCode.DOT_XUAT:
            return None
        return (
            self.quota_collective if category == "collective" else self.quota_individual
        )

    @property
    def has_quota(self):
        return self.quota_for("collective") is not None or (
            self.quota_for("individual") is not None
        )

    def required_document_labels(self):
        labels = dict(AttachmentKind.choices)
        return [labels.get(code, code) for code in self.required_documents or []]

    def prize_amount(self, nominee_type, *, base_salary=None):
        """Prize money in đồng for one awardee (Decree 152/2025 Art. 54, as read).

        ``base_salary``: the base salary in đồng (the row in force on the
        decision's date); by default the row in force today.
        """
        if base_salary is None:
            from django.utils import timezone

            row = BaseSalary.in_force_on(timezone.localdate())
            base_salary = row.amount if row else 0
        base = decimal.Decimal(base_salary)
        individual = base * self.multiplier_individual
        if nominee_type == NomineeType.UNIT:
            amount = base * self.multiplier_collective
        elif nominee_type == NomineeType.HOUSEHOLD:
            amount = individual * self.multiplier_household
        else:
            amount = individual
        return round_up(amount, prize_rounding())


def prize_rounding():
    """Prize money is rounded up to this many đồng (``PRIZE_ROUNDING_VND``)."""
    return getattr(settings, "PRIZE_ROUNDING_VND", 10_000)


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date, set by a decree.

    A new decree adds a row; rows are never edited, so the prize of every
    decision follows the row in force on the day it is signed.
    """

    amount = models.PositiveIntegerField(
        _("base salary (đồng a month)"),
        validators=[
            MinValueValidator(BASE_SALARY_MIN),
            MaxValueValidator(BASE_SALARY_MAX),
        ],
    )
    effective_from = models.DateField(_("in force from"), unique=True)
    legal_document = models.ForeignKey(
        "campaigns.LegalDocument",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decree"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=BASE_SALARY_MIN)
                & Q(amount__lte=BASE_SALARY_MAX),
                name="basesalary_amount_bounded",
            ),
        ]

    def __str__(self):
        return _("%(amount)s đồng from %(date)s") % {
            "amount": f"{self.amount:,}".replace(",", "."),
            "date": self.effective_from.strftime("%d/%m/%Y"),
        }

    @classmethod
    def in_force_on(cls, day):
        """The row in force on ``day`` (the latest that started by then), or None."""
        return (
            cls.objects.select_related("legal_document")
            .filter(effective_from__lte=day)
            .order_by("-effective_from")
            .first()
        )
