"""A commune at scale for the benchmarks, built fast with bulk inserts.

60 units (45 hamlets and 15 offices),
6,000 households, 4 reporting periods of filled reports, a locked score
sheet per unit with 30 criteria's points, the ranking published, and 2,000
nominations in every state (the decided ones under a decision). The people
who use the pages are the demo's roles: office, a hamlet head, a council
member, the chairman.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class World:
    campaign: object
    users: dict
    period: object
    draft_report: object
    summary: str
    extra: dict = field(default_factory=dict)

    def pages(self):
        """(name, path, who) of the key pages."""
        c = self.campaign.pk
        return [
            ("office_report_board", f"/campaigns/periods/{self.period.pk}/", "office"),
            (
                "head_report_form",
                f"/campaigns/reports/{self.draft_report.pk}/edit/",
                "head",
            ),
            ("scoring_ranking", f"/scoring/campaign/{c}/ranking/", "office"),
            ("council_board", f"/awards/council/?campaign={c}", "council"),
            ("admin_nominations", "/admin/awards/nomination/", "chairman"),
            ("honor_awards", f"/awards/honor/?campaign={c}", None),
            ("honor_scoring", f"/scoring/campaign/{c}/honor-board/", None),
        ]

    def _client(self, who):
        from django.test import Client

        client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
        if who:
            client.force_login(self.users[who])
        return client

    def session_cookies(self):
        cookies = {}
        for who in self.users:
            client = self._client(who)
            cookies[who] = client.cookies["sessionid"].value
        return cookies

    def query_counts(self, pages):
        """Queries each page makes (a warm request, as the server would)."""
        from django.core.cache import caches
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        counts = {}
        for name, path, who in [("base_layout", "/__bench/layout/", "office"), *pages]:
            client = self._client(who)
            client.get(path, secure=True)
            # Count a page built afresh, not a kept public board.
            caches["pages"].clear()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, secure=True)
            assert response.status_code == 200, (name, response.status_code)
            counts[name] = len(captured.captured_queries)
        return counts


def build(*, units=60, households=6000, nominations=2000, seed=60):
    from django.contrib.auth import get_user_model

    from campaigns.enums import CampaignStatus
    from campaigns.services import campaign_set_status, plan_load
    from phongquang_portal.core.permissions import SYSTEM
    from units.enums import Role, UnitKind
    from units.models import Household, Person, Unit
    from units.services import membership_grant

    rng = random.Random(seed)
    campaign = plan_load(actor=SYSTEM)
    User = get_user_model()
    users = {}
    for key, username, role in (
        ("office", "vanhoa", Role.OFFICE),
        ("council", "hoidong1", Role.COUNCIL),
        ("chairman", "chutich", Role.CHAIRMAN),
    ):
        user = User.objects.create_user(
            username, password="x", first_name="Vân", last_name="Nông Thị Thanh"
        )
        membership_grant(user=user, role=role, actor=SYSTEM, reason="Bench")
        users[key] = user
    if campaign.status != CampaignStatus.ACTIVE:
        campaign_set_status(
            campaign=campaign, status=CampaignStatus.ACTIVE, actor=users["office"]
        )

    hamlet_count = units * 3 // 4
    all_units = Unit.objects.bulk_create(
        Unit(
            name=f"Thôn Thử {i:02d}" if i < hamlet_count else f"Phòng Thử {i:02d}",
            kind=UnitKind.HAMLET if i < hamlet_count else UnitKind.OFFICE,
            position=i,
            address=f"Thôn {i}, xã Phong Quang",
        )
        for i in range(units)
    )
    hamlets = all_units[:hamlet_count]
    Household.objects.bulk_create(
        (
            Household(
                head_name=f"Lục Văn Bình {i}",
                hamlet=hamlets[i % hamlet_count],
                members_count=4,
            )
            for i in range(households)
        ),
        batch_size=2000,
    )
    Person.objects.bulk_create(
        Person(
            full_name=f"Hoàng Thị Hoa {i}",
            kind="resident",
            unit=all_units[i % units],
            sex="female" if i % 2 else "male",
        )
        for i in range(units * 5)
    )
    head = User.objects.create_user("thon1", password="x", first_name="Bình")
    membership_grant(
        user=head,
        role=Role.UNIT_HEAD,
        unit=hamlets[0],
        actor=users["office"],
        reason="Bench",
    )
    users["head"] = head

    period, draft = _reports(campaign, all_units, rng)
    _sheets(campaign, all_units, rng, users["office"])
    _nominations(campaign, all_units, nominations, rng)
    summary = (
        f"{units} units, {households} households, 4 periods of reports, "
        f"{units} score sheets, {nominations} nominations"
    )
    return World(
        campaign=campaign,
        users=users,
        period=period,
        draft_report=draft,
        summary=summary,
    )


NARRATIVE = (
    "Tổ chức {n} buổi tuyên truyền về chuyển đổi số lồng ghép trong họp thôn; tổ công "
    "nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID, ứng dụng ngân hàng. "
) * 3


def _reports(campaign, units, rng):
    from campaigns.enums import ReportState
    from campaigns.models import (
        Indicator,
        IndicatorValue,
        Report,
        ReportingPeriod,
        ReportSection,
    )

    for position, (opens, due) in enumerate(
        [((9, 15), (10, 10)), ((12, 1), (12, 31))], start=3
    ):
        ReportingPeriod.objects.create(
            campaign=campaign,
            name=f"Báo cáo bổ sung {position}",
            position=position,
            opens_on=datetime.date(campaign.year, *opens),
            due_on=datetime.date(campaign.year, *due),
            unit_kinds=[],
        )
    ReportingPeriod.objects.filter(campaign=campaign).update(unit_kinds=[])
    periods = list(campaign.periods.order_by("position"))
    goals = list(campaign.goals.order_by("position"))
    indicators = list(Indicator.objects.filter(campaign=campaign))
    for period in periods:
        last = period == periods[-1]
        reports = Report.objects.bulk_create(
            Report(
                unit=unit,
                period=period,
                state=rng.choice([ReportState.SUBMITTED, ReportState.ACCEPTED])
                if last
                else ReportState.ACCEPTED,
            )
            for unit in units
        )
        ReportSection.objects.bulk_create(
            ReportSection(
                report=r, goal=g, narrative=NARRATIVE.format(n=rng.randint(2, 9))
            )
            for r in reports
            for g in goals
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(report=r, indicator=i, value=Decimal(rng.randint(0, 95)))
            for r in reports
            for i in indicators
            if i.applies_to(r.unit.kind)
        )
    last = periods[-1]
    draft = Report.objects.get(period=last, unit=units[0])
    Report.objects.filter(pk=draft.pk).update(state=ReportState.DRAFT)
    draft.refresh_from_db()
    return last, draft


def _sheets(campaign, units, rng, office):
    from django.utils import timezone

    from scoring.enums import CriterionKind, SheetState
    from scoring.models import Criterion, RankingPublication, ScoreEntry, ScoreSheet
    from scoring.services import final_sums_refresh

    criteria = list(Criterion.objects.filter(campaign=campaign))
    sheets = ScoreSheet.objects.bulk_create(
        ScoreSheet(campaign=campaign, unit=unit, state=SheetState.LOCKED)
        for unit in units
    )
    entries = []
    for sheet, unit in zip(sheets, units, strict=True):
        for criterion in criteria:
            if not criterion.applies_to(unit.kind):
                continue
            if criterion.kind == CriterionKind.PENALTY:
                value = Decimal(rng.choice([0, 0, 1]))
            else:
                value = (
                    criterion.max_points * Decimal(rng.randint(30, 100)) / 100
                ).quantize(Decimal("0.05"))
            entries.append(
                ScoreEntry(
                    sheet=sheet,
                    criterion=criterion,
                    self_points=value,
                    final_points=value,
                )
            )
    ScoreEntry.objects.bulk_create(entries, batch_size=5000)
    final_sums_refresh(sheets=ScoreSheet.objects.filter(campaign=campaign))
    RankingPublication.objects.create(
        campaign=campaign, top_n=3, published_at=timezone.now(), published_by=office
    )


def _nominations(campaign, units, count, rng):
    from awards.models import AwardKind, Decision, Nomination
    from units.models import Household, Person

    kind = AwardKind.objects.get(campaign=campaign, code="giay_khen_xa")
    people = list(Person.objects.order_by("pk"))
    households = list(Household.objects.order_by("pk")[: len(units) * 10])
    decision = Decision.objects.create(
        campaign=campaign,
        award_kind=kind,
        number="9",
        year=campaign.year,
        signed_on=datetime.date(campaign.year, 12, 20),
        signer_name="Nguyễn Ánh Xuân",
    )
    states = ["voted"] * 5 + ["checked", "submitted", "draft", "rejected", "decided"]
    rows = []
    decided = 0
    for i in range(count):
        nominee = {}
        choice = i % 4
        if choice in (0, 1):
            nominee["nominee_unit"] = units[i % len(units)]
        elif choice == 2:
            nominee["nominee_person"] = people[i % len(people)]
        else:
            nominee["nominee_household"] = households[i % len(households)]
        state = rng.choice(states)
        votes = rng.randint(3, 9) if state in ("voted", "rejected", "decided") else None
        extra = {}
        if state == "decided":
            decided += 1
            extra = {
                "decision": decision,
                "decision_position": decided,
                "golden_book_number": f"{campaign.year}/{decided:04d}",
                "prize_amount": 710000,
            }
        rows.append(
            Nomination(
                campaign=campaign,
                award_kind=kind,
                proposing_unit=units[i % len(units)],
                state=state,
                votes_for=votes,
                votes_against=0 if votes is not None else None,
                votes_abstain=0 if votes is not None else None,
                members_present=9 if votes is not None else None,
                council_passed=(votes or 0) > 4 if votes is not None else None,
                achievements="Thành tích tiêu biểu trong chuyển đổi số.",
                **nominee,
                **extra,
            )
        )
    Nomination.objects.bulk_create(rows, batch_size=500)
