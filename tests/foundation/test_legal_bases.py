"""Legal bases as data, and a copy's review list (issue 9).

Cases of the issue: copying a campaign replaced every "2025" in the legal
bases (Nghị định số 152/2026/NĐ-CP, "749/QĐ-TTg … đến năm 2026", "giai đoạn
2021 - 2026") while criteria kept "năm 2025" unnoticed.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.models import CampaignCitation, CopyReviewItem, LegalDocument
from campaigns.services import (
    campaign_copy,
    campaign_plan_set,
    citation_add,
    citation_remove,
    citation_replace,
    plan_load,
    review_item_check,
    review_item_fix,
)
from phongquang_portal.core.activity import history_for
from scoring.models import Criterion

pytestmark = pytest.mark.django_db


def _copy(plan, actor):
    return campaign_copy(
        source=plan,
        year=2026,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        dossier_deadline=datetime.date(2026, 12, 15),
        actor=actor,
    )


def test_plan_loads_legal_documents_with_numbers_dates_and_titles(plan):
    decree = LegalDocument.objects.get(number="152/2025/NĐ-CP")
    assert decree.issued_on == datetime.date(2025, 6, 14)
    assert decree.citation == (
        "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định về phân "
        "cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
        "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"
    )
    law = LegalDocument.objects.get(number="72/2025/QH15")
    assert law.citation == (
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025"
    )
    assert LegalDocument.objects.get(number="749/QĐ-TTg").citation.startswith(
        "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ"
    )
    assert LegalDocument.objects.get(number="73/2024/NĐ-CP").issued_on == (
        datetime.date(2024, 6, 30)
    )
    assert [c.document.number for c in plan.citations.all()] == [
        "72/2025/QH15",
        "06/2022/QH15",
        "152/2025/NĐ-CP",
        "749/QĐ-TTg",
        "01-NQ/TU",
    ]
    assert plan.citations.get(document__number="72/2025/QH15").decision_only


def test_load_plan_twice_changes_nothing(plan):
    before = (LegalDocument.objects.count(), CampaignCitation.objects.count())
    plan_load()
    assert (LegalDocument.objects.count(), CampaignCitation.objects.count()) == before


def test_copy_cites_the_same_records_never_a_year_replaced(plan, office_user):
    copy = _copy(plan, office_user)
    assert list(copy.citations.values_list("document_id", "position")) == list(
        plan.citations.values_list("document_id", "position")
    )
    lines = " ".join(copy.legal_bases_list(decision=True))
    for wrong in ("2026/NĐ-CP", "đến năm 2026", "2021 - 2026", "06/2026"):
        assert wrong not in lines
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025" in lines
    assert copy.preamble == plan.preamble
    assert (copy.plan_number, copy.plan_date) == ("", None)


def test_copy_lists_texts_naming_the_year_for_review(plan, office_user):
    copy = _copy(plan, office_user)
    items = {
        (item.content_type.model, item.field): item for item in copy.review_items.all()
    }
    assert ("campaign", "preamble") in items
    assert ("campaign", "purpose") in items
    criterion = Criterion.objects.get(campaign=copy, title__contains="năm 2025")
    item = copy.review_items.get(object_id=criterion.pk, field="title")
    assert item.text == criterion.title and not item.done
    # Period names that only date the period move with the dates, by rule.
    assert set(copy.periods.values_list("name", flat=True)) == {
        "Sơ kết 6 tháng năm 2026",
        "Tổng kết năm 2026",
    }
    assert not copy.review_items.filter(content_type__model="reportingperiod").exists()


def test_review_item_fix_writes_the_text_and_logs_it(plan, office_user, council_user):
    copy = _copy(plan, office_user)
    criterion = Criterion.objects.get(campaign=copy, title__contains="năm 2025")
    item = copy.review_items.get(object_id=criterion.pk, field="title")
    with pytest.raises(ValidationError) as refused:
        review_item_fix(item=item, actor=council_user, text="x")
    assert refused.value.code == "permission_denied"
    with pytest.raises(ValidationError) as refused:
        review_item_fix(item=item, actor=office_user, text=criterion.title)
    assert refused.value.code == "no_change"
    fixed = criterion.title.replace("năm 2025", "năm 2026")

    review_item_fix(item=item, actor=office_user, text=fixed)

    criterion.refresh_from_db()
    item.refresh_from_db()
    assert criterion.title == fixed
    assert (item.done, item.done_by) == (True, office_user)
    entry = history_for(copy).get(action="campaigns.review.fixed")
    assert entry.data["changes"]["title"]["new"] == fixed
    with pytest.raises(ValidationError) as refused:
        review_item_check(item=item, actor=office_user)
    assert refused.value.code == "review_already_done"


def test_review_page_lists_and_ticks(client, plan, office_user, hamlet_head):
    copy = _copy(plan, office_user)
    item = copy.review_items.get(content_type__model="campaign", field="preamble")
    client.force_login(hamlet_head)
    assert client.get(reverse("campaigns:review", args=[copy.pk])).status_code == 404
    client.force_login(office_user)
    page = client.get(reverse("campaigns:review", args=[copy.pk]))
    assert page.status_code == 200
    assert item.text[:40] in page.content.decode()
    response = client.post(
        reverse("campaigns:review_item", args=[item.pk]), {"action": "check"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done and item.done_by == office_user
    assert history_for(copy).filter(action="campaigns.review.checked").exists()


def test_citation_add_remove_replace_with_reason_logged(plan, office_user, hamlet_head):
    circular = LegalDocument.objects.create(
        kind="circular",
        number="15/2025/TT-BNV",
        issued_on=datetime.date(2025, 8, 1),
        issuer="Bộ Nội vụ",
        title="hướng dẫn thi hành Luật Thi đua, khen thưởng",
    )
    with pytest.raises(ValidationError) as refused:
        citation_add(campaign=plan, document=circular, actor=office_user, reason=" ")
    assert refused.value.code == "reason_required"
    with pytest.raises(ValidationError) as refused:
        citation_add(campaign=plan, document=circular, actor=hamlet_head, reason="x")
    assert refused.value.code == "permission_denied"

    citation = citation_add(
        campaign=plan,
        document=circular,
        position=4,
        actor=office_user,
        reason="Thông tư hướng dẫn mới.",
    )
    numbers = [c.document.number for c in plan.citations.all()]
    assert numbers[3] == "15/2025/TT-BNV" and len(numbers) == 6
    with pytest.raises(ValidationError) as refused:
        citation_add(campaign=plan, document=circular, actor=office_user, reason="x")
    assert refused.value.code == "citation_duplicate"

    decree = LegalDocument.objects.create(
        kind="decree",
        number="200/2026/NĐ-CP",
        issued_on=datetime.date(2026, 1, 5),
        issuer="Chính phủ",
        title="sửa đổi Nghị định số 152/2025/NĐ-CP",
    )
    old = plan.citations.get(document__number="152/2025/NĐ-CP")
    citation_replace(citation=old, document=decree, actor=office_user, reason="Thay.")
    assert plan.citations.get(position=old.position).document == decree
    citation_remove(citation=citation, actor=office_user, reason="Không cần.")
    assert not plan.citations.filter(document=circular).exists()
    assert [c.position for c in plan.citations.all()] == [1, 2, 3, 4, 5]
    actions = set(history_for(plan).values_list("action", flat=True))
    assert {
        "campaigns.citation.added",
        "campaigns.citation.replaced",
        "campaigns.citation.removed",
    } <= actions


def test_a_repealed_document_cannot_be_cited(plan, office_user):
    repealed = LegalDocument.objects.create(
        kind="decree",
        number="98/2023/NĐ-CP",
        issued_on=datetime.date(2023, 12, 31),
        issuer="Chính phủ",
        title="quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        in_force_to=datetime.date(2024, 12, 31),
    )
    with pytest.raises(ValidationError) as refused:
        citation_add(campaign=plan, document=repealed, actor=office_user, reason="x")
    assert refused.value.code == "not_in_force"


def test_plan_number_and_date_set_through_the_service(plan, office_user):
    copy = _copy(plan, office_user)
    assert copy.plan_citation.startswith("Kế hoạch tổ chức phong trào thi đua")
    with pytest.raises(ValidationError) as refused:
        campaign_plan_set(
            campaign=copy,
            plan_number="5",
            plan_date=datetime.date(2024, 12, 1),
            actor=office_user,
            reason="Kế hoạch mới.",
        )
    assert refused.value.code == "plan_date"
    with pytest.raises(ValidationError) as refused:
        campaign_plan_set(
            campaign=copy,
            plan_number="năm",
            plan_date=datetime.date(2026, 1, 12),
            actor=office_user,
            reason="Kế hoạch mới.",
        )
    assert refused.value.code == "plan_number"

    campaign_plan_set(
        campaign=copy,
        plan_number="5",
        plan_date=datetime.date(2026, 1, 12),
        actor=office_user,
        reason="Kế hoạch mới.",
    )

    copy.refresh_from_db()
    assert copy.plan_number == "05/KH-UBND"
    assert copy.plan_citation == (
        "Kế hoạch số 05/KH-UBND ngày 12/01/2026 của Ủy ban nhân dân xã Phong Quang "
        "về tổ chức phong trào thi đua “Đẩy mạnh Chương trình chuyển đổi số” trên "
        "địa bàn xã Phong Quang năm 2026"
    )
    assert copy.legal_bases_list()[-1] == f"Căn cứ {copy.plan_citation}"
    entry = history_for(copy).get(action="campaigns.campaign.plan_set")
    assert entry.data["changes"]["plan_number"]["new"] == "05/KH-UBND"


def test_admin_plan_number_is_read_only_and_set_through_its_form(
    client, plan, office_user
):
    client.force_login(office_user)
    change = client.get(reverse("admin:campaigns_campaign_change", args=[plan.pk]))
    assert b'name="plan_number"' not in change.content
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP" in change.content.decode()
    response = client.post(
        reverse("admin:campaigns_campaign_plan", args=[plan.pk]),
        {"plan_number": "12", "plan_date": "20/11/2025", "reason": "Số kế hoạch."},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.plan_number, plan.plan_date) == (
        "12/KH-UBND",
        datetime.date(2025, 11, 20),
    )


def test_every_review_item_names_the_source_year(plan, office_user):
    copy = _copy(plan, office_user)
    assert copy.review_items.exists()
    for item in CopyReviewItem.objects.filter(campaign=copy):
        assert "2025" in item.text
