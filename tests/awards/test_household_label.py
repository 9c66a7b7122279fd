"""A household reads "Hộ gia đình" where it is shown, though it counts as an
individual for the quota (issue 17)."""

import re

from django.urls import reverse

from awards.enums import Category

from .helpers import issue


def test_honor_board_calls_household_a_household(
    client, make_nomination, chairman, office_user
):
    household = make_nomination("household")
    person = make_nomination("person")
    issue([household, person], chairman=chairman, office=office_user)
    household.refresh_from_db()

    page = client.get(
        reverse("awards:honor") + f"?campaign={household.campaign_id}"
    ).content.decode()

    assert household.category == Category.INDIVIDUAL  # the quota's count
    card = re.search(re.escape(household.nominee_name) + r".*?</p>", page, re.S).group(
        0
    )
    assert "Hộ gia đình" in card
    assert "Cá nhân" not in card
    person_card = re.search(re.escape(person.nominee_name) + r".*?</p>", page, re.S)
    assert "Cá nhân" in person_card.group(0)
