"""The campaign's dossier deadline is fixed once a deadline-bound dossier is in."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.receivers import refuse_deadline_change_once_dossiers_are_in
from campaigns.models import Campaign
from campaigns.signals import campaign_rules_changing

from .factories import set_state

pytestmark = pytest.mark.django_db
OLD, NEW = datetime.date(2025, 12, 15), datetime.date(2025, 12, 31)


def send(campaign, changes):
    campaign_rules_changing.send(sender=Campaign, campaign=campaign, changes=changes)


def test_receiver_is_connected():
    assert campaign_rules_changing.disconnect(
        refuse_deadline_change_once_dossiers_are_in
    )
    campaign_rules_changing.connect(refuse_deadline_change_once_dossiers_are_in)


@pytest.mark.parametrize("state", ["submitted", "returned", "checked", "decided"])
def test_deadline_change_after_a_submission_refused(state, plan, draft):
    set_state(draft, state)
    with pytest.raises(ValidationError) as refused:
        send(plan, {"dossier_deadline": (OLD, NEW)})
    assert refused.value.code == "deadline_locked"
    assert "15/12/2025" in refused.value.messages[0]


def test_deadline_change_with_only_drafts_accepted(plan, draft):
    send(plan, {"dossier_deadline": (OLD, NEW)})


def test_deadline_change_with_only_ad_hoc_submitted_accepted(
    plan, make_nomination, dot_xuat
):
    set_state(make_nomination("unit", kind=dot_xuat), "submitted")
    send(plan, {"dossier_deadline": (OLD, NEW)})


def test_other_campaign_changes_not_refused(plan, draft):
    set_state(draft, "submitted")
    send(plan, {"ends_on": (datetime.date(2025, 12, 31), datetime.date(2026, 1, 31))})
    send(plan, {"dossier_deadline": (OLD, OLD)})


def test_deadline_of_another_campaign_not_refused(plan, draft):
    from tests.factories import CampaignFactory

    set_state(draft, "submitted")
    send(CampaignFactory(year=2026), {"dossier_deadline": (OLD, NEW)})
