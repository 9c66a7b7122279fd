"""The chairman lands on what waits for him; "View site" does not bounce (issue 17)."""

import re

import pytest
from django.urls import reverse

from awards import services

from .factories import voted


@pytest.fixture
def waiting(make_nomination, chairman):
    """Two dossiers passed by the council, one of them approved by the chairman."""
    first = voted(make_nomination("unit"))
    second = voted(make_nomination("person"))
    services.nomination_approve(nomination=second, actor=chairman)
    return first, second


def test_admin_index_shows_chairman_what_waits(client, chairman, waiting):
    client.force_login(chairman)

    page = client.get(reverse("admin:index")).content.decode()

    assert 'id="chairman-desk"' in page
    approve = re.search(r'<tr id="desk-approve">.*?</tr>', page, re.S).group(0)
    assert "1 hồ sơ Hội đồng đã thông qua chờ phê duyệt" in approve
    assert "state=voted" in approve
    approved = re.search(r'<tr id="desk-approved">.*?</tr>', page, re.S).group(0)
    assert "1 hồ sơ đã phê duyệt chờ quyết định" in approved
    assert "Chủ tịch UBND xã ký ban hành" in approved
    reading = re.search(r'<ul id="desk-reading">.*?</ul>', page, re.S).group(0)
    assert reverse("awards:council") in reading
    assert reverse("yearend:index") in reading


def test_admin_index_has_no_desk_for_office(client, office_user, waiting):
    client.force_login(office_user)

    page = client.get(reverse("admin:index")).content.decode()

    assert 'id="chairman-desk"' not in page


def test_view_site_leads_chairman_to_portal_page(client, chairman, plan):
    client.force_login(chairman)
    page = client.get(reverse("admin:index")).content.decode()
    view_site = re.search(r'<a href="([^"]+)">(Xem trang|View site)', page).group(1)

    response = client.get(view_site.replace("&amp;", "&"))

    assert response.status_code == 200
    assert 'id="chairman-home"' in response.content.decode()
    # The bare home page still takes him to his approvals.
    assert client.get(reverse("home")).url == reverse("admin:index")


def test_nomination_page_says_who_acts_next(client, chairman, waiting):
    first, second = waiting
    client.force_login(chairman)

    voted_page = client.get(reverse("awards:detail", args=[first.pk])).content.decode()
    approved_page = client.get(
        reverse("awards:detail", args=[second.pk])
    ).content.decode()

    assert "Chờ Chủ tịch UBND xã phê duyệt." in voted_page
    assert (
        "Chờ Phòng Văn hóa - Xã hội lập quyết định khen thưởng, "
        "trình Chủ tịch UBND xã ký ban hành." in approved_page
    )
