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


def test_admin_criteria_for_office_and_read_only_sheets_for_chairman(
    client, office_user, chairman, reviewed_sheet, plan
):
    criterion = plan.criteria.first()
    client.force_login(office_user)
    assert client.get(reverse("admin:scoring_criterion_changelist")).status_code == 200
    change = reverse("admin:scoring_criterion_change", args=[criterion.pk])
    assert client.get(change).status_code == 200
    client.force_login(chairman)
    sheet_url = reverse("admin:scoring_scoresheet_change", args=[reviewed_sheet.pk])
    assert client.get(sheet_url).status_code == 200
    assert client.get(change).status_code == 200
    response = client.post(change, {"title": "Sửa bởi chủ tịch"})
    assert response.status_code == 403
