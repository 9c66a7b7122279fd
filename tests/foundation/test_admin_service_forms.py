"""The one admin pattern (``core.admin_forms``) on a page of each app that has an admin.

A service page shows its form; a refusal keeps every typed field and says
why in Vietnamese; a success logs the change with its reason and returns to
the object; who may not gets 403, an object outside his scope 404. The
ordinary add and change forms whose save calls a service keep what was typed
too. (Exemplars and year-end have no admin pages.)
"""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import Nomination
from campaigns.admin import LegalDocumentAdmin
from campaigns.models import LegalDocument, ReportingPeriod
from phongquang_portal.core.activity import history_for
from phongquang_portal.core.admin_forms import add_refusal
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.models import ActivityLog
from scoring.models import Band
from tests.awards.factories import (
    NominationFactory,
    attach_required,
    kind_for,
    set_state,
    voted,
)
from units.enums import Role
from units.models import Membership

pytestmark = pytest.mark.django_db

REASON = "Theo Kế hoạch số 12/KH-UBND, gõ một lần là đủ"


def page(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def period(plan):
    return ReportingPeriod.objects.filter(campaign=plan).order_by("position").first()


@pytest.fixture
def nomination(plan, hamlet, hamlet_head):
    draft = NominationFactory(
        award_kind=kind_for(plan), nominee_unit=hamlet, proposing_unit=hamlet
    )
    return attach_required(draft)


# --- The kernel -----------------------------------------------------------------


def test_add_refusal_puts_named_errors_on_their_fields_and_the_rest_above():
    class Form(ReasonForm):
        pass

    form = Form({"reason": "x"})
    assert form.is_valid()

    add_refusal(
        form,
        ValidationError({"reason": "Lý do chưa rõ.", "due_on": "Ngày không hợp lệ."}),
    )

    assert form.errors["reason"] == ["Lý do chưa rõ."]
    assert form.non_field_errors() == ["Ngày không hợp lệ."]
    assert form.data["reason"] == "x"


class RefusingLegalDocumentAdmin(LegalDocumentAdmin):
    """The legal documents' admin, with a save that calls a service which refuses."""

    hook = "save_model"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # written, then refused
        if self.hook == "save_model":
            self.refuse()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if self.hook == "save_related":
            self.refuse()

    def refuse(self):
        raise ValidationError(
            {
                "number": "Số văn bản này đã được dùng.",
                "__all__": "Văn bản chưa được ghi.",
            }
        )


@pytest.mark.parametrize("hook", ["save_model", "save_related"])
def test_a_refused_admin_save_keeps_what_was_typed_and_writes_nothing(
    rf, office_user, hook
):
    model_admin = RefusingLegalDocumentAdmin(LegalDocument, admin.site)
    model_admin.hook = hook
    typed = {
        "kind": "decree",
        "number": "77/2026/NĐ-CP",
        "issued_on": "02/03/2026",
        "issuer": "Chính phủ",
        "title": "quy định về thi đua, khen thưởng",
    }
    request = rf.post("/admin/campaigns/legaldocument/add/", typed)
    request.user = office_user
    request._dont_enforce_csrf_checks = True
    before = ActivityLog.objects.count()

    response = model_admin.add_view(request)

    body = html.unescape(response.render().content.decode())
    assert response.status_code == 200
    for value in typed.values():
        assert value in body
    errors = response.context_data["adminform"].form.errors
    assert errors["number"] == ["Số văn bản này đã được dùng."]
    assert errors["__all__"] == ["Văn bản chưa được ghi."]
    assert not LegalDocument.objects.filter(number="77/2026/NĐ-CP").exists()
    assert ActivityLog.objects.count() == before


# --- Campaigns: a reporting period's due date -------------------------------------


def test_period_due_page_shows_the_form_from_the_period(client, office_user, period):
    client.force_login(office_user)

    response = client.get(
        reverse("admin:campaigns_reportingperiod_due", args=[period.pk])
    )

    body = page(response)
    assert response.status_code == 200
    assert 'id="service-form"' in body
    assert period.due_on.strftime("%d/%m/%Y") in body
    assert 'name="reason"' in body


def test_period_due_refused_keeps_what_was_typed(client, office_user, period):
    client.force_login(office_user)
    url = reverse("admin:campaigns_reportingperiod_due", args=[period.pk])

    response = client.post(url, {"due_on": "31/12/2099", "reason": REASON})

    body = page(response)
    assert response.status_code == 200
    assert 'value="31/12/2099"' in body
    assert REASON in body
    assert "cách quá xa" in body  # the service's Vietnamese refusal
    assert 'class="errorlist nonfield"' in body
    period.refresh_from_db()
    assert period.due_on != datetime.date(2099, 12, 31)


def test_period_due_success_logs_the_reason_and_returns(client, office_user, period):
    client.force_login(office_user)
    new_due = period.due_on + datetime.timedelta(days=5)

    response = client.post(
        reverse("admin:campaigns_reportingperiod_due", args=[period.pk]),
        {"due_on": new_due.strftime("%d/%m/%Y"), "reason": REASON},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:campaigns_reportingperiod_change", args=[period.pk]
    )
    entry = history_for(period).first()
    assert (entry.actor, entry.reason) == (office_user, REASON)
    period.refresh_from_db()
    assert period.due_on == new_due


def test_period_change_page_offers_the_declared_button(client, office_user, period):
    client.force_login(office_user)

    body = page(
        client.get(reverse("admin:campaigns_reportingperiod_change", args=[period.pk]))
    )

    url = reverse("admin:campaigns_reportingperiod_due", args=[period.pk])
    assert f'<a href="{url}" id="change-due">' in body


@pytest.mark.parametrize("method", ["get", "post"])
def test_period_due_refused_to_the_chairman_and_unknown_period_404(
    client, chairman, office_user, period, method
):
    client.force_login(chairman)
    url = reverse("admin:campaigns_reportingperiod_due", args=[period.pk])
    assert getattr(client, method)(url).status_code == 403

    client.force_login(office_user)
    missing = reverse("admin:campaigns_reportingperiod_due", args=[period.pk + 999])
    assert getattr(client, method)(missing).status_code == 404


# --- Awards: an award kind's rules, a nomination not approved ------------------------


def test_award_rules_refused_keeps_every_typed_rule(client, office_user, nomination):
    kind = nomination.award_kind
    set_state(nomination, "submitted")
    client.force_login(office_user)
    url = reverse("admin:awards_awardkind_rules", args=[kind.pk])

    response = client.post(
        url,
        {
            "quota_collective": "7",
            "quota_individual": "9",
            "required_documents": ["to_trinh"],
            "multiplier_individual": "0.45",
            "multiplier_collective": "0.90",
            "multiplier_household": "1.25",
            "reason": REASON,
        },
    )

    body = page(response)
    assert response.status_code == 200
    assert 'id="rules-locked"' in body
    assert "không thể thay đổi nữa" in body
    for typed in ('value="7"', 'value="9"', 'value="0.45"', 'value="0.90"', REASON):
        assert typed in body
    checkbox = re.search(r'<input[^>]*name="deadline_bound"[^>]*>', body).group()
    assert "checked" not in checkbox  # unticked as typed, though the kind is bound
    kind.refresh_from_db()
    assert (kind.quota_collective, kind.quota_individual) == (2, 3)


def test_nomination_reject_page_refused_keeps_the_reason(client, chairman, nomination):
    voted(nomination)
    set_state(nomination, "approved")
    client.force_login(chairman)
    url = reverse("admin:awards_nomination_reject", args=[nomination.pk])

    response = client.post(url, {"reason": REASON})

    body = page(response)
    assert response.status_code == 200
    assert REASON in body
    assert 'class="errorlist nonfield"' in body
    assert Nomination.objects.get(pk=nomination.pk).state == "approved"


def test_nomination_reject_page_success_logs_the_reason(client, chairman, nomination):
    voted(nomination)
    client.force_login(chairman)

    response = client.post(
        reverse("admin:awards_nomination_reject", args=[nomination.pk]),
        {"reason": REASON},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:awards_nomination_change", args=[nomination.pk]
    )
    entry = ActivityLog.objects.get(action="awards.nomination.rejected")
    assert (entry.actor, entry.reason) == (chairman, REASON)


def test_nomination_reject_page_outside_the_chairmans_scope_404(
    client, chairman, office_user, nomination
):
    url = reverse("admin:awards_nomination_reject", args=[nomination.pk])
    client.force_login(chairman)
    assert client.get(url).status_code == 404  # a draft: not the chairman's to see
    voted(nomination)
    client.force_login(office_user)
    assert client.get(url).status_code == 403  # the office sees it, decides nothing


def test_reject_selection_refused_for_all_keeps_the_reason(
    client, chairman, nomination
):
    voted(nomination)
    set_state(nomination, "approved")
    client.force_login(chairman)

    response = client.post(
        reverse("admin:awards_nomination_changelist") + "?state=all",
        {
            "action": "reject_selected",
            "_selected_action": [nomination.pk],
            "_service_form": "1",
            "reason": REASON,
        },
    )

    body = page(response)
    assert response.status_code == 200
    assert REASON in body
    assert nomination.nominee_name in body
    assert Nomination.objects.get(pk=nomination.pk).state == "approved"


# --- Scoring: a band's classification --------------------------------------------


def test_band_amend_refused_keeps_what_was_typed(client, office_user, plan):
    band = Band.objects.get(campaign=plan, label="Tốt")
    other = Band.objects.filter(campaign=plan).exclude(pk=band.pk).first()
    client.force_login(office_user)
    url = reverse("admin:scoring_band_amend", args=[band.pk])

    response = client.post(
        url, {"label": other.label, "min_total": "81.5", "reason": REASON}
    )

    body = page(response)
    assert response.status_code == 200
    assert "Đã có mức xếp loại khác cùng tên." in body
    assert f'value="{other.label}"' in body
    assert 'value="81.5"' in body
    assert REASON in body
    band.refresh_from_db()
    assert (band.label, band.min_total) == ("Tốt", Decimal("80"))


def test_band_amend_success_logs_the_reason(client, office_user, plan):
    band = Band.objects.get(campaign=plan, label="Tốt")
    client.force_login(office_user)

    response = client.post(
        reverse("admin:scoring_band_amend", args=[band.pk]),
        {"label": "Tốt", "min_total": "82", "reason": REASON},
    )

    assert response.status_code == 302
    entry = history_for(band).get(action="scoring.band.changed")
    assert (entry.actor, entry.reason) == (office_user, REASON)


def test_band_amend_read_without_its_form_by_the_chairman(client, chairman, plan):
    band = Band.objects.get(campaign=plan, label="Tốt")
    client.force_login(chairman)
    url = reverse("admin:scoring_band_amend", args=[band.pk])

    shown = client.get(url)
    refused = client.post(url, {"label": "Giỏi", "min_total": "80", "reason": "x"})

    assert shown.status_code == 200
    assert 'id="service-form"' not in page(shown)
    assert refused.status_code == 403
    assert (
        client.get(
            reverse("admin:scoring_band_amend", args=[band.pk + 999])
        ).status_code
        == 404
    )


# --- Units: a role granted, a role revoked ------------------------------------------


def test_membership_revoke_page_asks_the_reason_and_logs_it(
    client, sysadmin, council_user, office_user
):
    membership = Membership.objects.get(user=council_user, role=Role.COUNCIL)
    url = reverse("admin:units_membership_delete", args=[membership.pk])
    client.force_login(sysadmin)

    shown = client.get(url)
    done = client.post(url, {"reason": REASON})

    assert shown.status_code == 200
    assert "Thu hồi vai trò" in page(shown)
    assert done.status_code == 302
    assert done["Location"] == reverse("admin:units_membership_changelist")
    entry = ActivityLog.objects.get(action="units.membership.revoked")
    assert (entry.actor, entry.reason) == (sysadmin, REASON)
    client.force_login(office_user)  # the office revokes unit heads only
    other = Membership.objects.get(user=office_user, role=Role.OFFICE)
    assert (
        client.get(
            reverse("admin:units_membership_delete", args=[other.pk])
        ).status_code
        == 403
    )
