"""A decision (Quyết định khen thưởng), the documents it keeps as issued, and each
awardee's certificate with its public verification code."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.documents import document_number
from phongquang_portal.core.models import StoredDocument

from ..enums import DecisionDocumentKind


class Decision(models.Model):
    """A Quyết định khen thưởng: number, date, signer, and the nominations it awards."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="award_decisions",
        verbose_name=_("campaign"),
    )
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("award"),
    )
    number = models.CharField(_("number"), max_length=30)
    signed_on = models.DateField(_("signed on"))
    # The year of ``signed_on``: numbers restart every year (…/QĐ-UBND).
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signer"),
    )
    # "KT. CHỦ TỊCH" when a vice-chairman signs for the chairman, else empty.
    signer_authority = models.CharField(
        _("signing for"), max_length=60, blank=True, editable=False
    )
    signer_title = models.CharField(
        _("signer's title"), max_length=60, blank=True, editable=False
    )
    # The figures the documents were rendered from (base salary, multipliers,
    # names, categories, amounts, golden-book numbers, signer): issued means frozen.
    snapshot = models.JSONField(_("figures used"), default=dict, editable=False)
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    replacement_reason = models.TextField(_("reason for the replacement"), blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "number"], name="decision_unique_number_per_year"
            ),
        ]

    def __str__(self):
        return _("Decision No. %(number)s of %(date)s") % {
            "number": self.full_number,
            "date": self.signed_on.strftime("%d/%m/%Y"),
        }

    def save(self, *args, **kwargs):
        self.year = self.signed_on.year
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:decision_detail", args=[self.pk])

    @property
    def full_number(self):
        """ "05/QĐ-UBND": numbers below 10 with a leading zero (Decree 30/2020)."""
        return document_number(self.number, "QĐ-UBND")

    @property
    def is_replaced(self):
        try:
            return self.replaced_by is not None
        except Decision.DoesNotExist:
            return False

    @property
    def replacement(self):
        """The decision that replaced this one, or None."""
        try:
            return self.replaced_by
        except Decision.DoesNotExist:
            return None


class DecisionDocument(StoredDocument):
    """A file of an issued decision, kept as rendered: every download serves it."""

    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("decision"),
    )
    kind = models.CharField(
        _("document"), max_length=30, choices=DecisionDocumentKind.choices
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # For a signed copy: what the verification found when it was signed.
    signature = models.JSONField(_("signature"), default=dict, blank=True)

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["decision", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "kind"], name="decisiondocument_unique_kind"
            ),
        ]

    def __str__(self):
        return f"{self.decision.full_number} — {self.get_kind_display()}"


class AwardCertificate(models.Model):
    """One awardee's Giấy khen of one decision, with its public verification code."""

    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("decision"),
    )
    nomination = models.ForeignKey(
        "Nomination",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("nomination"),
    )
    position = models.PositiveSmallIntegerField(_("number in the decision"))
    code = models.CharField(_("verification code"), max_length=40, unique=True)
    golden_book_number = models.CharField(_("golden book number"), max_length=30)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "nomination"], name="certificate_unique_awardee"
            ),
        ]

    def __str__(self):
        return f"{self.decision.full_number} — {self.position}"

    def get_absolute_url(self):
        return reverse("verify:certificate", args=[self.code])
