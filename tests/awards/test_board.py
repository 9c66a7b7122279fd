"""The council board, the dossier list and the checking queue: order, pages, counts."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from awards import selectors
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory
from tests.scoring.builders import campaign_with_criteria, sheet_with_points

from .factories import AwardKindFactory, NominationFactory, set_state, voted

pytestmark = pytest.mark.django_db


def board_pks(body):
    return [int(pk) for pk in re.findall(r'data-nomination="(\d+)"', body)]


@pytest.fixture
def scored():
    """A campaign with criteria (a 40 + d 60 = 100 for hamlets) and its Giấy khen."""
    campaign = campaign_with_criteria()
    return campaign, AwardKindFactory(campaign=campaign)


def collective(kind, *, votes=None, points=None, checked=False):
    """A collective nominated for ``kind``; ``points``: its final score out of 100."""
    unit = UnitFactory(kind="hamlet")
    if points is not None:
        sheet_with_points(kind.campaign, {"A.1": 0, "D.2": points}, unit=unit)
    nomination = NominationFactory(
        award_kind=kind, nominee_unit=unit, proposing_unit=unit
    )
    if checked:
        return set_state(nomination, "checked")
    return voted(nomination, votes_for=votes, present=9)


def individual(kind, *, votes, household=False):
    nominee = (
        {"nominee_household": HouseholdFactory()}
        if household
        else {"nominee_person": PersonFactory()}
    )
    nomination = NominationFactory(
        award_kind=kind, nominee_unit=None, proposing_unit=UnitFactory(), **nominee
    )
    return voted(nomination, votes_for=votes, present=9)


@pytest.fixture
def board(scored):
    """Seven nominations whose expected order and ties are known."""
    _campaign, kind = scored
    rows = {
        "u_30": collective(kind, votes=5, points=30),  # 5 votes, score 30.00
        "u_60a": collective(kind, votes=5, points=60),
        "u_7votes": collective(kind, votes=7),  # unscored
        "u_60b": collective(kind, votes=5, points=60),
        "u_checked": collective(kind, checked=True, points=60),  # no vote yet
        "person": individual(kind, votes=6),
        "household": individual(kind, votes=6, household=True),
    }
    expected = ["u_7votes", "u_60a", "u_60b", "u_30", "u_checked", "person"]
    expected.append("household")
    return kind, rows, expected


def test_council_board_ranks_votes_then_score_collectives_first(board):
    kind, rows, expected = board
    nominations = selectors.council_board(kind.campaign, kind=kind)
    names = {n.pk: name for name, n in rows.items()}
    assert [names[n.pk] for n in nominations] == expected
    by_name = {names[n.pk]: n for n in nominations}
    assert by_name["u_60a"].score == Decimal("60.00")
    assert by_name["u_30"].score == Decimal("30.00")
    assert by_name["u_7votes"].score is None
    assert by_name["u_60a"].rank == 1


def test_council_board_flags_ties_only_for_equal_votes_and_score(board):
    kind, rows, _expected = board
    nominations = selectors.council_board(kind.campaign, kind=kind)
    names = {n.pk: name for name, n in rows.items()}
    tied = sorted(names[n.pk] for n in nominations if n.tied)
    # Same votes, same score (60), same category; and two individuals on 6 votes.
    # The checked one has the same score but no vote: not a tie.
    assert tied == ["household", "person", "u_60a", "u_60b"]


def test_council_board_pages_keep_the_whole_ranking_and_ties(board):
    kind, rows, expected = board
    names = {n.pk: name for name, n in rows.items()}
    pages, tied = [], {}
    for number in (1, 2, 3, 4):
        page = selectors.council_board_page(
            kind.campaign, kind=kind, number=number, per_page=2
        )
        pages.append([names[n.pk] for n in page.object_list])
        tied.update({names[n.pk]: n.tied for n in page.object_list})
    assert pages == [expected[0:2], expected[2:4], expected[4:6], expected[6:]]
    # u_60a ends page 1 and u_60b starts page 2: still flagged on both pages.
    assert (tied["u_60a"], tied["u_60b"], tied["u_30"]) == (True, True, False)


def test_council_board_view_second_page_over_http(client, council_user, scored):
    _campaign, kind = scored
    nominations = [collective(kind, votes=votes) for votes in range(1, 53)]
    client.force_login(council_user)
    url = reverse("awards:council") + f"?campaign={kind.campaign_id}"
    first = client.get(url).content.decode()
    second = client.get(url + "&page=2").content.decode()
    by_votes = [n.pk for n in sorted(nominations, key=lambda n: -n.votes_for)]
    assert board_pks(first) == by_votes[:50]
    assert board_pks(second) == by_votes[50:]
    assert "Trang 2/2 (52 hồ sơ)" in second


def test_council_board_view_filters_by_award_kind(client, council_user, scored):
    campaign, kind = scored
    ad_hoc = AwardKindFactory(
        campaign=campaign, code="dot_xuat", name="Khen thưởng đột xuất"
    )
    giay_khen = collective(kind, votes=3)
    dot_xuat = collective(ad_hoc, votes=3)
    client.force_login(council_user)
    url = reverse("awards:council") + f"?campaign={campaign.pk}"
    assert board_pks(client.get(url).content.decode()) == [giay_khen.pk]
    body = client.get(url + "&kind=dot_xuat").content.decode()
    assert board_pks(body) == [dot_xuat.pk]
    assert 'id="board-kinds"' in body


def test_council_board_vote_form_returns_to_the_same_page(client, council_user, scored):
    _campaign, kind = scored
    nomination = collective(kind, checked=True)
    client.force_login(council_user)
    back = f"/awards/council/?campaign={kind.campaign_id}&page=1"
    response = client.post(
        reverse("awards:vote", args=[nomination.pk]),
        {"choice": "for", "next": back, "confirmed": "1"},
    )
    assert response["Location"] == back


def test_vote_form_refuses_an_outside_next_url(client, council_user, scored):
    _campaign, kind = scored
    nomination = collective(kind, checked=True)
    client.force_login(council_user)
    response = client.post(
        reverse("awards:vote", args=[nomination.pk]),
        {"choice": "x", "next": "https://example.com/awards/", "confirmed": "1"},
    )
    assert response["Location"] == nomination.get_absolute_url()


# --- Eligibility warnings read only the page's nominees --------------------------


def test_warnings_person_nominated_twice_and_already_awarded(scored):
    _campaign, kind = scored
    person = PersonFactory()
    first = individual(kind, votes=3)
    first.nominee_person = person
    first.save()
    second = NominationFactory(
        award_kind=kind,
        nominee_unit=None,
        nominee_person=person,
        proposing_unit=person.unit,
    )
    set_state(first, "approved")
    alone = individual(kind, votes=3)
    rows = selectors.attach_warnings([second, alone])
    assert rows[0].warnings == [
        "Đã được khen hình thức này trong phong trào.",
        "Được đề nghị nhiều lần trong phong trào.",
    ]
    assert rows[1].warnings == []


def test_warnings_ignore_rejected_and_other_campaigns(scored, plan):
    _campaign, kind = scored
    unit = UnitFactory()
    mine = NominationFactory(award_kind=kind, nominee_unit=unit)
    set_state(
        NominationFactory(award_kind=kind, nominee_unit=unit), "rejected", reason="x"
    )
    other_kind = AwardKindFactory(campaign=plan)
    NominationFactory(award_kind=other_kind, nominee_unit=unit)
    assert selectors.attach_warnings([mine])[0].warnings == []


# --- Pages and pinned query counts ----------------------------------------------


@pytest.mark.parametrize("rows", [1, 6])
def test_nomination_list_query_count_pinned(
    rows, client, office_user, make_nomination, django_assert_num_queries
):
    made = [
        make_nomination(["unit", "person", "household"][i % 3]) for i in range(rows)
    ]
    client.force_login(office_user)
    url = reverse("awards:list") + f"?campaign={made[0].campaign_id}"
    client.get(url)
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.content.decode().count('class="list-group-item') == rows


def test_nomination_list_pages_of_fifty(client, office_user, make_nomination):
    made = [make_nomination("unit") for _ in range(53)]
    client.force_login(office_user)
    url = reverse("awards:list") + f"?campaign={made[0].campaign_id}"
    first = client.get(url).content.decode()
    second = client.get(url + "&page=2").content.decode()
    assert first.count('class="list-group-item') == 50
    assert second.count('class="list-group-item') == 3
    # Most recently changed first: the first three made are on page 2.
    for nomination in made[:3]:
        assert nomination.get_absolute_url() + '"' in second
    assert "Trang 1/2 (53 hồ sơ)" in first


@pytest.mark.parametrize("rows", [1, 6])
def test_checking_queue_query_count_pinned(
    rows, client, office_user, make_nomination, django_assert_num_queries
):
    made = [
        set_state(make_nomination(["unit", "person", "household"][i % 3]), "submitted")
        for i in range(rows)
    ]
    client.force_login(office_user)
    url = reverse("awards:queue") + f"?campaign={made[0].campaign_id}"
    client.get(url)
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.content.decode().count("<tr><td><a href=") == rows


def test_checking_queue_pages_of_fifty_oldest_first(
    client, office_user, make_nomination
):
    import datetime

    from django.utils import timezone

    start = timezone.now() - datetime.timedelta(days=30)
    made = [
        set_state(
            make_nomination("unit"),
            "submitted",
            submitted_at=start + datetime.timedelta(hours=index),
        )
        for index in range(52)
    ]
    client.force_login(office_user)
    url = reverse("awards:queue") + f"?campaign={made[0].campaign_id}"
    first = client.get(url).content.decode()
    second = client.get(url + "&page=2").content.decode()
    assert first.count("<tr><td><a href=") == 50
    assert made[0].get_absolute_url() in first
    assert [n.get_absolute_url() in second for n in made[-3:]] == [False, True, True]
