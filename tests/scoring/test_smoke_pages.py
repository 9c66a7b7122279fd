import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_render_for_office_smoke(client, office_user, reviewed_sheet, plan):
    client.force_login(office_user)
    for url in [
        reverse("scoring:criteria", args=[plan.pk]),
        reverse("scoring:criteria_import", args=[plan.pk]),
        reverse("scoring:sheets", args=[plan.pk]),
        reverse("scoring:ranking", args=[plan.pk]),
        reverse("scoring:honor_board", args=[plan.pk]),
        reviewed_sheet.get_absolute_url(),
        reverse("home"),
        reverse("units:detail", args=[reviewed_sheet.unit_id]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    for url in [
        reverse("scoring:criteria_template", args=[plan.pk]),
        reverse("scoring:ranking_export", args=[plan.pk]),
        reverse("scoring:sheet_pdf", args=[reviewed_sheet.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_public_home_links_the_published_ranking(
    client, locked_sheet, plan, office_user
):
    from scoring.services import ranking_publish

    ranking_publish(campaign=plan, actor=office_user, top_n=3)

    body = client.get(reverse("home")).content.decode()

    assert reverse("scoring:honor_board", args=[plan.pk]) in body


def test_unit_head_home_lists_their_sheet(client, hamlet_head, sheet):
    client.force_login(hamlet_head)

    body = client.get(reverse("home")).content.decode()

    assert sheet.get_absolute_url() in body
