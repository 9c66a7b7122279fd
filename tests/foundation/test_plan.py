import datetime

import pytest

from awards.models import AwardKind
from campaigns.models import Campaign, Goal, PriorityField
from campaigns.services import plan_load

pytestmark = pytest.mark.django_db


def test_plan_load_creates_eight_goals_in_plan_order():
    campaign = plan_load()

    codes = list(campaign.goals.values_list("code", flat=True))

    assert codes == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    # Unicode order would put "đ" last; the model's default ordering must not.
    assert sorted(codes) != codes


def test_plan_load_goal_h_has_the_seven_priority_fields():
    campaign = plan_load()

    names = list(
        campaign.goals.get(code="h").priority_fields.values_list("name", flat=True)
    )

    assert names == [
        "Giáo dục và đào tạo",
        "Y tế",
        "Văn hóa",
        "Nông nghiệp",
        "Tài nguyên môi trường",
        "Giao thông",
        "Công nghiệp",
    ]


def test_plan_load_sets_deadline_theme_and_texts():
    campaign = plan_load()

    assert campaign.year == 2025
    assert campaign.dossier_deadline == datetime.date(2025, 12, 15)
    assert (
        campaign.theme
        == "Thi đua xây dựng chính quyền số, phát triển kinh tế số, xã hội số"
    )
    goal_e = campaign.goals.get(code="e")
    assert "an toàn, an ninh mạng" in goal_e.text
    assert campaign.goals.get(code="đ").title == "Phát triển kinh tế số"


def test_plan_load_sets_certificate_quota_two_collectives_three_individuals():
    campaign = plan_load()

    certificate = AwardKind.objects.get(campaign=campaign, code="giay_khen_xa")
    ad_hoc = AwardKind.objects.get(campaign=campaign, code="dot_xuat")

    assert (certificate.quota_collective, certificate.quota_individual) == (2, 3)
    assert certificate.deadline_bound is True
    assert (
        ad_hoc.quota_collective,
        ad_hoc.quota_individual,
        ad_hoc.deadline_bound,
    ) == (
        None,
        None,
        False,
    )


def test_plan_load_twice_changes_nothing():
    first = plan_load()
    counts = (
        Campaign.objects.count(),
        Goal.objects.count(),
        PriorityField.objects.count(),
        AwardKind.objects.count(),
    )
    Goal.objects.filter(campaign=first, code="a").update(title="Sửa bởi văn phòng")

    second = plan_load()

    assert second.pk == first.pk
    assert counts == (
        Campaign.objects.count(),
        Goal.objects.count(),
        PriorityField.objects.count(),
        AwardKind.objects.count(),
    )
    assert Goal.objects.get(campaign=first, code="a").title == "Sửa bởi văn phòng"


def test_load_plan_command_reports_the_deadline(capsys):
    from django.core.management import call_command

    call_command("load_plan")

    assert "15/12/2025" in capsys.readouterr().out


def test_plan_load_periods_and_indicators_as_the_plan_says():
    campaign = plan_load()

    periods = list(
        campaign.periods.values_list(
            "position", "name", "opens_on", "due_on", "unit_kinds"
        )
    )
    kinds = ["office", "steering", "hamlet", "organisation"]
    assert periods == [
        (
            1,
            "Sơ kết 6 tháng năm 2025",
            datetime.date(2025, 6, 1),
            datetime.date(2025, 7, 10),
            kinds,
        ),
        (
            2,
            "Tổng kết năm 2025",
            datetime.date(2025, 11, 15),
            datetime.date(2025, 12, 10),
            kinds,
        ),
    ]
    indicators = {i.code: i for i in campaign.indicators.select_related("goal")}
    assert len(indicators) == 16
    vneid = indicators["d_vneid_muc_2"]
    assert (
        vneid.goal.code,
        vneid.value_type,
        vneid.aggregation,
        vneid.unit_kinds,
        vneid.target,
        vneid.min_value,
        vneid.max_value,
        vneid.position,
    ) == ("d", "percentage", "average", ["hamlet"], 90, 0, None, 6)
    assert indicators["e_su_co_xu_ly"].target is None
    assert indicators["c_kinh_phi"].unit_of_measure == "triệu đồng"


def test_plan_load_reads_the_campaigns_part_from_the_plan_files(settings, tmp_path):
    import shutil

    shutil.copytree(settings.BASE_DIR / "plan", tmp_path / "plan")
    part = tmp_path / "plan" / "2025" / "campaigns.toml"
    part.write_text(
        part.read_text(encoding="utf-8").replace(
            'theme = "Thi đua xây dựng', 'theme = "Đã sửa: Thi đua xây dựng'
        ),
        encoding="utf-8",
    )
    settings.PLAN_DIR = tmp_path / "plan"

    campaign = plan_load()

    assert campaign.theme.startswith("Đã sửa: Thi đua xây dựng")


def test_campaigns_plan_data_lives_only_in_the_plan_files():
    import importlib.util

    import campaigns.services

    assert importlib.util.find_spec("campaigns.plan") is None
    assert not any(
        name.startswith("REPORT_DEFAULT") for name in dir(campaigns.services)
    )
