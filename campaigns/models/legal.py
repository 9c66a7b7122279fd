"""Legal bases as data: the documents a campaign cites, and a copy's review list."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..enums import LEGAL_KIND_WORDS, LegalDocumentKind
from .common import POSITION, TEXT, official_date
from .plan import Campaign


class LegalDocument(models.Model):
    """A law, decree, decision… that documents cite ("Căn cứ …").

    A document does not change with the campaign's year: a copied campaign
    cites the same records. For a law the title is its name ("Thi đua, khen
    thưởng"), printed after the kind; for the others it is the summary
    ("quy định chi tiết …"), printed after the issuer.
    """

    kind = models.CharField(
        pgettext_lazy("legal document", "kind"),
        max_length=20,
        choices=LegalDocumentKind.choices,
    )
    number = models.CharField(
        pgettext_lazy("legal document", "number"),
        max_length=60,
        blank=True,
        help_text=_("As printed, for example 152/2025/NĐ-CP or 01-NQ/TU."),
        validators=TEXT,
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    issuer = models.CharField(
        pgettext_lazy("legal document", "issued by"),
        max_length=200,
        blank=True,
        help_text=_("For example Chính phủ, Thủ tướng Chính phủ; empty for a law."),
        validators=TEXT,
    )
    title = models.CharField(
        pgettext_lazy("legal document", "title"),
        max_length=500,
        help_text=_(
            "A law's name (Thi đua, khen thưởng); for other documents the summary "
            "(quy định chi tiết một số điều của …)."
        ),
        validators=TEXT,
    )
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    in_force_to = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("Empty while the document is in force."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["kind", "-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"],
                condition=~models.Q(number=""),
                name="legaldocument_unique_number",
            ),
            models.CheckConstraint(
                condition=models.Q(in_force_to__isnull=True)
                | models.Q(in_force_from__isnull=True)
                | models.Q(in_force_to__gte=models.F("in_force_from")),
                name="legaldocument_in_force_order",
            ),
        ]

    def __str__(self):
        return self.citation

    @property
    def citation(self):
        """The document as a "Căn cứ …" line names it (without "Căn cứ")."""
        word = LEGAL_KIND_WORDS.get(self.kind, "")
        if self.kind == LegalDocumentKind.OTHER:
            return self.title
        parts = [word]
        if self.kind == LegalDocumentKind.LAW:
            parts.append(self.title)
        if self.number:
            parts.append(f"số {self.number}")
        if self.issued_on:
            parts.append(f"ngày {official_date(self.issued_on)}")
        if self.kind != LegalDocumentKind.LAW:
            if self.issuer:
                parts.append(f"của {self.issuer}")
            parts.append(self.title)
        return " ".join(part for part in parts if part)

    def in_force_on(self, day):
        if self.in_force_from and day < self.in_force_from:
            return False
        return not (self.in_force_to and day > self.in_force_to)


class CampaignCitation(models.Model):
    """One legal document a campaign cites, in the order its documents print them."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("campaign"),
    )
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("legal document"),
    )
    position = models.PositiveSmallIntegerField(_("order"), validators=POSITION)
    decision_only = models.BooleanField(
        _("cited by the decision only"),
        default=False,
        help_text=_(
            "The issuer's competence (the local-government law): cited by the "
            "chairman's decision, not by the units' drafts."
        ),
    )

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["campaign", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "document"], name="citation_unique_document"
            ),
            models.UniqueConstraint(
                fields=["campaign", "position"], name="citation_unique_position"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.document}"


class CopyReviewItem(models.Model):
    """A text of a copied campaign that names the source's year, for the office to check.

    A copy does not replace "2025" blindly ("đến năm 2025" in a programme's
    title must stay; "năm 2025" in a criterion must change): each app lists
    such texts here when a campaign is copied, and the office ticks each one
    or fixes the text (``campaigns.services.review``).
    """

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="review_items",
        verbose_name=_("campaign"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("object type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=300)
    field = models.CharField(_("field"), max_length=60)
    field_label = models.CharField(_("field label"), max_length=150)
    text = models.TextField(_("text as copied"))
    source_year = models.PositiveSmallIntegerField(_("year of the source"))
    position = models.PositiveIntegerField(_("order"), default=0)
    done = models.BooleanField(_("checked"), default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    done_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text to review after the copy")
        verbose_name_plural = _("texts to review after the copy")
        ordering = ["campaign", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "content_type", "object_id", "field"],
                name="reviewitem_unique_field",
            ),
        ]

    def __str__(self):
        return f"{self.object_repr} — {self.field_label}"

    def current_text(self):
        """The field's text now (the office may have fixed it)."""
        obj = self.content_object
        return getattr(obj, self.field, "") if obj is not None else ""
