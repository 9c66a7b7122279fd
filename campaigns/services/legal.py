"""Legal bases as data: the documents a campaign cites, its own plan's number and date,
and the review list of a copied campaign's texts that name the source's year.

A copied campaign cites the same records as its source (a law keeps its
year); the office adds, removes or replaces a citation explicitly, with a
reason, and each change is logged. Texts that name the source's year
("năm 2025") are not replaced blindly on copy: each app lists them through
``review_collect`` and the office checks or fixes each one.
"""

import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.permissions import real_user, require_perm

from ..enums import LegalDocumentKind
from ..models import (
    Campaign,
    CampaignCitation,
    CopyReviewItem,
    LegalDocument,
    official_date,
    plan_number_digits,
)

PLAN_NUMBER_SUFFIX = "/KH-UBND"
PLAN_NUMBER_MAX = 99999


def _lock(campaign):
    Campaign.objects.select_for_update().filter(pk=campaign.pk).values_list("pk").get()
    campaign.refresh_from_db()
    return campaign


# --- Loading the plan's records ---------------------------------------------------------


def legal_documents_load(rows):
    """Create the plan's legal documents that do not exist yet; {number: document}.

    Idempotent: a record the office corrected is left as it is.
    """
    documents = {}
    for row in rows:
        data = dict(row)
        kind = LegalDocumentKind(data.pop("kind"))
        number = data.pop("number")
        document, _created = LegalDocument.objects.get_or_create(
            kind=kind, number=number, defaults=data
        )
        documents[number] = document
    return documents


def plan_citations_load(*, campaign, rows, documents):
    """Give a campaign without citations the plan's, in order. Idempotent."""
    if campaign.citations.exists():
        return
    CampaignCitation.objects.bulk_create(
        CampaignCitation(
            campaign=campaign,
            document=documents[row["document"]],
            position=position,
            decision_only=row.get("decision_only", False),
        )
        for position, row in enumerate(rows, start=1)
    )


def citations_copy(*, source, target):
    """The copy cites the same records, in the same order."""
    CampaignCitation.objects.bulk_create(
        CampaignCitation(
            campaign=target,
            document_id=citation.document_id,
            position=citation.position,
            decision_only=citation.decision_only,
        )
        for citation in source.citations.all()
    )


# --- The office's changes to the citations ---------------------------------------------


def _ensure_in_force(document, campaign):
    if document.in_force_to and document.in_force_to < campaign.starts_on:
        raise ValidationError(
            _(
                "%(document)s was in force only until %(date)s, before the campaign "
                "starts: it cannot be cited."
            )
            % {
                "document": document.citation,
                "date": document.in_force_to.strftime("%d/%m/%Y"),
            },
            code="not_in_force",
        )


def _citation_data(citation):
    return {
        "document": citation.document_id,
        "citation": citation.document.citation,
        "position": citation.position,
    }


@transaction.atomic
def citation_add(
    *, campaign, document, actor, reason, position=None, decision_only=False
):
    """Cite one more legal document, at ``position`` (the end when empty)."""
    require_perm(actor, "campaigns.change_citations", campaign)
    reason = required_reason(reason, _("Say why the campaign cites this document."))
    _lock(campaign)
    if campaign.citations.filter(document=document).exists():
        raise ValidationError(
            _("The campaign already cites %(document)s.")
            % {"document": document.citation},
            code="citation_duplicate",
        )
    _ensure_in_force(document, campaign)
    last = campaign.citations.aggregate(last=Max("position"))["last"] or 0
    if position is None or position > last:
        position = last + 1
    elif position < 1:
        raise ValidationError(
            _("The order is a whole number from 1."), code="citation_position"
        )
    else:
        # Make room: move the later citations one place down, last first.
        for later in campaign.citations.filter(position__gte=position).order_by(
            "-position"
        ):
            later.position += 1
            later.save(update_fields=["position"])
    citation = CampaignCitation.objects.create(
        campaign=campaign,
        document=document,
        position=position,
        decision_only=decision_only,
    )
    log_action(
        campaign,
        "campaigns.citation.added",
        actor=actor,
        reason=reason,
        data=_citation_data(citation),
    )
    return citation


@transaction.atomic
def citation_remove(*, citation, actor, reason):
    """Stop citing one legal document; the later ones move up."""
    campaign = citation.campaign
    require_perm(actor, "campaigns.change_citations", campaign)
    reason = required_reason(
        reason, _("Say why the campaign no longer cites this document.")
    )
    _lock(campaign)
    citation = CampaignCitation.objects.select_related("document").get(pk=citation.pk)
    data = _citation_data(citation)
    position = citation.position
    citation.delete()
    for later in campaign.citations.filter(position__gt=position).order_by("position"):
        later.position -= 1
        later.save(update_fields=["position"])
    log_action(
        campaign, "campaigns.citation.removed", actor=actor, reason=reason, data=data
    )


@transaction.atomic
def citation_replace(*, citation, document, actor, reason):
    """Cite ``document`` in place of the citation's (a new decree replacing an old one)."""
    campaign = citation.campaign
    require_perm(actor, "campaigns.change_citations", campaign)
    reason = required_reason(reason, _("Say why the citation is replaced."))
    _lock(campaign)
    citation = CampaignCitation.objects.select_related("document").get(pk=citation.pk)
    if citation.document_id == document.pk:
        raise ValidationError(
            _("The campaign already cites this document here."), code="no_change"
        )
    if campaign.citations.filter(document=document).exists():
        raise ValidationError(
            _("The campaign already cites %(document)s.")
            % {"document": document.citation},
            code="citation_duplicate",
        )
    _ensure_in_force(document, campaign)
    old = _citation_data(citation)
    citation.document = document
    citation.save(update_fields=["document"])
    log_action(
        campaign,
        "campaigns.citation.replaced",
        actor=actor,
        reason=reason,
        data={"old": old, "new": _citation_data(citation)},
    )
    return citation


# --- The campaign's own plan ---------------------------------------------------------------


def normalise_plan_number(number):
    """ "5", "05" or "05/KH-UBND" → "05/KH-UBND" (numbers below 10 with a leading zero)."""
    text = (number or "").strip()
    if text.upper().endswith(PLAN_NUMBER_SUFFIX.upper()):
        text = text[: -len(PLAN_NUMBER_SUFFIX)].strip()
    if not 1 <= (parse_id(text) or 0) <= PLAN_NUMBER_MAX:
        raise ValidationError(
            _(
                "A plan number is a whole number from 1 to %(max)s "
                "(printed as …/KH-UBND)."
            )
            % {"max": PLAN_NUMBER_MAX},
            code="plan_number",
        )
    return f"{int(text):02d}{PLAN_NUMBER_SUFFIX}"


@transaction.atomic
def campaign_plan_set(*, campaign, plan_number, plan_date, actor, reason):
    """Record the number and date of the campaign's own plan, which decisions cite."""
    require_perm(actor, "campaigns.change_campaign_rules", campaign)
    reason = required_reason(
        reason, _("Say why the plan's number or date is recorded or changed.")
    )
    _lock(campaign)
    number = normalise_plan_number(plan_number)
    if not isinstance(plan_date, datetime.date) or not (
        campaign.year - 1 <= plan_date.year <= campaign.year
    ):
        raise ValidationError(
            _("The plan of a %(year)s campaign is dated in %(before)s or %(year)s.")
            % {"year": campaign.year, "before": campaign.year - 1},
            code="plan_date",
        )
    changes = field_changes(campaign, {"plan_number": number, "plan_date": plan_date})
    if not changes:
        raise ValidationError(
            _("These are already the plan's number and date."), code="no_change"
        )
    campaign.plan_number = number
    campaign.plan_date = plan_date
    campaign.save(update_fields=["plan_number", "plan_date", "updated_at"])
    log_action(
        campaign,
        "campaigns.campaign.plan_set",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return campaign


def plan_reference(campaign):
    """ "Kế hoạch số 05/KH-UBND ngày 10/01/2026", or "" while the plan is not recorded."""
    if not plan_number_digits(campaign.plan_number) or campaign.plan_date is None:
        return ""
    return (
        f"Kế hoạch số {campaign.plan_number} ngày {official_date(campaign.plan_date)}"
    )


# --- The copy's review list ----------------------------------------------------------------


def year_pattern(year):
    """A regex finding ``year`` as a whole number ("2025", not "120250")."""
    return re.compile(rf"(?<!\d){year}(?!\d)")


def names_year(text, year):
    return bool(text) and bool(year_pattern(year).search(str(text)))


def review_collect(*, campaign, source_year, entries):
    """Add the texts that name ``source_year`` to the copy's review list.

    ``entries``: (object, [(field name, label)]) pairs of objects that belong
    to ``campaign`` (the copy). Called by each app from its ``campaign_copied``
    receiver, inside the copy's transaction. Returns how many items were added.
    """
    added = 0
    position = campaign.review_items.aggregate(last=Max("position"))["last"] or 0
    for obj, fields in entries:
        content_type = ContentType.objects.get_for_model(obj)
        for name, label in fields:
            text = getattr(obj, name, "") or ""
            if not names_year(text, source_year):
                continue
            position += 1
            _item, created = CopyReviewItem.objects.get_or_create(
                campaign=campaign,
                content_type=content_type,
                object_id=obj.pk,
                field=name,
                defaults={
                    "object_repr": str(obj)[:300],
                    "field_label": str(label)[:150],
                    "text": text,
                    "source_year": source_year,
                    "position": position,
                },
            )
            added += created
    return added


def _item_log_data(item):
    return {
        "item": item.pk,
        "object": item.object_repr,
        "field": item.field_label,
    }


def _locked_item(item):
    locked = CopyReviewItem.objects.select_for_update().get(pk=item.pk)
    return locked


@transaction.atomic
def review_item_check(*, item, actor):
    """The office has read the text and it is right for the new year."""
    require_perm(actor, "campaigns.review_copy", item.campaign)
    item = _locked_item(item)
    if item.done:
        raise ValidationError(
            _("This text is already checked."), code="review_already_done"
        )
    item.done, item.done_by, item.done_at = True, real_user(actor), timezone.now()
    item.save(update_fields=["done", "done_by", "done_at"])
    log_action(
        item.campaign,
        "campaigns.review.checked",
        actor=actor,
        data=_item_log_data(item),
    )
    return item


@transaction.atomic
def review_item_fix(*, item, actor, text):
    """Write the text right for the new year on its object, and check the item."""
    require_perm(actor, "campaigns.review_copy", item.campaign)
    item = _locked_item(item)
    obj = item.content_object
    if obj is None:
        raise ValidationError(
            _("The object of this text no longer exists."), code="review_gone"
        )
    model = type(obj)
    obj = model._default_manager.select_for_update().get(pk=obj.pk)
    field = model._meta.get_field(item.field)
    text = (text or "").strip()
    new = field.clean(text, obj)
    old = getattr(obj, item.field)
    if new == old:
        raise ValidationError(
            _("The text is unchanged; tick it as checked instead."), code="no_change"
        )
    setattr(obj, item.field, new)
    update = [item.field]
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        update.append("updated_at")
    obj.save(update_fields=update)
    item.done, item.done_by, item.done_at = True, real_user(actor), timezone.now()
    item.save(update_fields=["done", "done_by", "done_at"])
    log_action(
        item.campaign,
        "campaigns.review.fixed",
        actor=actor,
        data={
            **_item_log_data(item),
            "changes": {
                item.field: {"label": item.field_label, "old": old, "new": new}
            },
        },
    )
    return item


def year_shifted_name(name, *, day, source_year, years):
    """A period's name whose "năm <year>" is the year of its own dates, moved on.

    "Tổng kết năm 2025" for a period due in 2025 becomes "Tổng kết năm 2026" in
    a copy one year on: the year there is a date, shifted by rule with the
    dates. Any other mention of the year is left for the review list.
    """
    suffix = f"năm {source_year}"
    if day.year == source_year and name.rstrip().endswith(suffix):
        return name.rstrip()[: -len(suffix)] + f"năm {source_year + years}"
    return name
