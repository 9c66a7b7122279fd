"""Demo nominations: 2026 mid-flight, 2025 finished with its decision issued.

Everything goes through the services, with the demo users as actors, so the
activity log tells the same story the pages show. Idempotent: a campaign that
already has nominations is left alone.
"""

import datetime
import zoneinfo
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign
from units.enums import Role, UnitKind
from units.models import Household, Membership, Person, Unit
from units.selectors import council_members

from .council.selectors import nomination_recusal
from .council.services import (
    ballot_cast,
    council_meeting_record,
    meeting_close,
    meeting_open,
    written_opinion_record,
)
from .decisions.models import Decision
from .decisions.services import decision_issue
from .enums import AwardKindCode, BallotChoice, BallotMode
from .extensions.services import dossier_extension_grant
from .kinds.models import AwardKind
from .nominations.models import Nomination
from .nominations.services import (
    attachment_add,
    nomination_approve,
    nomination_check,
    nomination_create,
    nomination_reject,
    nomination_return,
    nomination_submit,
)

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

ACHIEVEMENTS = [
    "Vận động 100% hộ gia đình cài đặt và sử dụng ứng dụng VNeID mức độ 2.\n"
    "Tổ chức 12 buổi hướng dẫn kỹ năng số cho 340 lượt người dân.",
    "95% hộ dân thanh toán tiền điện, nước không dùng tiền mặt.\n"
    "Đưa 4 sản phẩm chè, miến dong lên sàn thương mại điện tử.",
    "Số hóa 100% hồ sơ hộ tịch của thôn; duy trì nhóm Zalo thông tin của thôn "
    "với 280 thành viên.",
    "Hỗ trợ 150 lượt người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công.",
]


def minimal_pdf(title):
    """A small valid one-page PDF (ASCII text), built by hand: no binary in git."""
    text = (
        title.encode("ascii", "replace")
        .decode("ascii")
        .replace("(", "[")
        .replace(")", "]")
    )
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


class _Upload(ContentFile):
    """A ContentFile with a name, as a form upload would be."""

    def __init__(self, content, name):
        super().__init__(content, name=name)


def _head_of(unit):
    membership = (
        Membership.objects.filter(role=Role.UNIT_HEAD, unit=unit)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _users():
    User = get_user_model()
    names = ["vanhoa", "chutich", "hoidong1"]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    if len(users) != len(names):
        return None
    return users


def _council():
    """The council's members, hoidong1 (the chair) first."""
    members = council_members()
    return sorted(members, key=lambda m: (len(m.username), m.username))


def _hamlet(index):
    return Unit.objects.filter(kind=UnitKind.HAMLET).order_by("position", "pk")[
        index - 1
    ]


def _team(hamlet):
    return hamlet.children.filter(kind=UnitKind.DIGITAL_TEAM).order_by("pk").first()


class Demo:
    def __init__(self, campaign, users):
        self.campaign = campaign
        self.office = users["vanhoa"]
        self.chairman = users["chutich"]
        self.chair = users["hoidong1"]
        self.members = _council()
        self.kinds = {k.code: k for k in AwardKind.objects.filter(campaign=campaign)}

    def nominate(
        self, *, proposing, kind=AwardKindCode.GIAY_KHEN_XA, attach=True, **nominee
    ):
        actor = _head_of(proposing) or self.office
        nominee_obj = next(iter(nominee.values()))
        nomination = nomination_create(
            campaign=self.campaign,
            award_kind=self.kinds[kind],
            proposing_unit=proposing,
            actor=actor,
            profile="Tổ chức gồm trưởng thôn, bí thư chi bộ và các tổ viên tổ công nghệ số."
            if "nominee_unit" in nominee
            else "",
            achievements=ACHIEVEMENTS[nominee_obj.pk % len(ACHIEVEMENTS)],
            goals=list(self.campaign.goals.filter(code__in=["a", "b", "đ"])),
            **nominee,
        )
        if attach:
            for code in nomination.award_kind.required_documents:
                attachment_add(
                    nomination=nomination,
                    kind=code,
                    uploaded=_Upload(
                        minimal_pdf(
                            f"{code} - ho so de nghi khen thuong {nomination.pk}"
                        ),
                        f"{code}.pdf",
                    ),
                    actor=actor,
                )
        nomination.demo_actor = actor
        return nomination

    def walk(self, nomination, target, *, reason=""):
        """Move ``nomination`` towards ``target``: submitted, returned or checked."""
        if target == "draft":
            return nomination
        nomination_submit(nomination=nomination, actor=nomination.demo_actor)
        if target == "returned":
            nomination_return(
                nomination=nomination,
                actor=self.office,
                reason=reason
                or "Bổ sung biên bản họp xét có chữ ký của các thành viên.",
            )
        elif target == "checked":
            nomination_check(nomination=nomination, actor=self.office)
        return nomination

    def meeting(
        self,
        held_on,
        votes,
        *,
        present=7,
        mode=BallotMode.SECRET,
        opinions=(),
        notes="Họp xét khen thưởng phong trào thi đua chuyển đổi số.",
    ):
        """A council meeting with ballots member by member, then closed.

        ``votes``: [(nomination, (for, against, abstain))]; the ballots are
        cast by the members present who may vote on it (a member tied to the
        nomination does not). ``opinions``: [(member index, nomination, text)]
        of absent members, recorded by the office before closing.
        """
        meeting = council_meeting_record(
            campaign=self.campaign,
            held_on=held_on,
            actor=self.office,
            ballot_mode=mode,
            present=self.members[:present],
            notes=notes,
        )
        # The meeting sits on the day it was called for, from 08:00 to 10:30.
        sitting = mock.patch(
            "awards.council.services.timezone.now",
            return_value=datetime.datetime.combine(held_on, datetime.time(8), VN),
        )
        sitting.start()
        meeting_open(meeting=meeting, actor=self.chair)
        for nomination, (votes_for, against, abstain) in votes:
            voters = [
                m
                for m in self.members[:present]
                if not nomination_recusal(m, nomination)
            ]
            choices = (
                [BallotChoice.FOR] * votes_for
                + [BallotChoice.AGAINST] * against
                + [BallotChoice.ABSTAIN] * abstain
            )
            for member, choice in zip(voters, choices, strict=False):
                ballot_cast(nomination=nomination, member=member, choice=choice)
        for index, nomination, text in opinions:
            written_opinion_record(
                meeting=meeting,
                member=self.members[index],
                nomination=nomination,
                text=text,
                actor=self.office,
            )
        sitting.stop()
        with mock.patch(
            "awards.council.services.timezone.now",
            return_value=datetime.datetime.combine(held_on, datetime.time(10, 30), VN),
        ):
            meeting_close(
                meeting=meeting,
                actor=self.chair,
                reason="Thành viên chưa biểu quyết đã xin về trước khi kết thúc "
                "biểu quyết.",
            )
        return meeting

    def approve(self, nomination):
        nomination_approve(nomination=nomination, actor=self.chairman)

    def reject(self, nomination, reason=""):
        nomination_reject(
            nomination=nomination,
            actor=self.chairman,
            reason=reason or "Thành tích chưa tiêu biểu so với các đơn vị khác.",
        )


def _people_of(unit, count):
    return list(Person.objects.filter(unit=unit).order_by("pk")[:count])


def _households_of(unit, count):
    return list(Household.objects.filter(hamlet=unit).order_by("pk")[:count])


def seed_2026(campaign, users, stdout=None):
    demo = Demo(campaign, users)
    h = [_hamlet(i) for i in range(1, 13)]
    office_unit = Unit.objects.filter(kind=UnitKind.OFFICE).order_by("position").first()
    adhoc_people = _people_of(office_unit, 3)
    # An ad-hoc award in September: an open vote of the council, then decision 88.
    adhoc = demo.walk(
        demo.nominate(
            proposing=office_unit,
            kind=AwardKindCode.DOT_XUAT,
            nominee_person=adhoc_people[1],
        ),
        "checked",
    )
    demo.meeting(
        datetime.date(2026, 9, 1),
        [(adhoc, (6, 1, 0))],
        mode=BallotMode.OPEN,
        notes="Họp xét khen thưởng đột xuất.",
    )
    demo.approve(adhoc)
    decision_issue(
        campaign=campaign,
        award_kind=demo.kinds[AwardKindCode.DOT_XUAT],
        number="88",
        signed_on=datetime.date(2026, 9, 3),
        actor=demo.office,
    )
    # thon1: a complete draft (its digital team) and an incomplete one (a household).
    demo.nominate(proposing=h[0], nominee_unit=_team(h[0]))
    demo.nominate(
        proposing=h[0], nominee_household=_households_of(h[0], 1)[0], attach=False
    )
    demo.walk(demo.nominate(proposing=h[1], nominee_unit=h[1]), "submitted")
    demo.walk(demo.nominate(proposing=h[2], nominee_unit=h[2]), "returned")
    # The November meeting (secret ballot): 3 collectives and 4 individuals (one
    # household) wait for the chairman afterwards; hoidong3 lives in Cốc Lùng
    # (the 7th hamlet) and does not vote on what it proposes.
    votes = []
    for hamlet, tally in (
        (h[5], (7, 0, 0)),
        (h[6], (5, 1, 0)),
        (h[7], (6, 0, 1)),
    ):
        nomination = demo.nominate(proposing=hamlet, nominee_unit=_team(hamlet))
        votes.append((demo.walk(nomination, "checked"), tally))
    for hamlet, tally in (
        (h[8], (7, 0, 0)),
        (h[9], (6, 1, 0)),
        (h[10], (5, 2, 0)),
    ):
        nomination = demo.nominate(
            proposing=hamlet, nominee_person=_people_of(hamlet, 2)[1]
        )
        votes.append((demo.walk(nomination, "checked"), tally))
    household = demo.walk(
        demo.nominate(proposing=h[11], nominee_household=_households_of(h[11], 1)[0]),
        "checked",
    )
    votes.append((household, (6, 0, 1)))
    # Not passed by the council, then not approved by the chairman.
    rejected = demo.walk(
        demo.nominate(proposing=h[2], nominee_person=_people_of(h[2], 3)[2]),
        "checked",
    )
    votes.append((rejected, (3, 3, 1)))
    # A second ad-hoc award, outside the quota: approved, not decided yet.
    adhoc_2 = demo.walk(
        demo.nominate(
            proposing=office_unit,
            kind=AwardKindCode.DOT_XUAT,
            nominee_person=adhoc_people[2],
        ),
        "checked",
    )
    votes.append((adhoc_2, (6, 1, 0)))
    demo.meeting(
        datetime.date(2026, 11, 20),
        votes,
        opinions=[
            (
                8,
                votes[0][0],
                "Nhất trí đề nghị khen thưởng; tổ công nghệ số hoạt động hiệu quả.",
            )
        ],
    )
    demo.reject(rejected)
    demo.approve(adhoc_2)
    # Checked after the meeting: they wait for the council's next meeting, whose
    # attendance is being taken.
    demo.walk(demo.nominate(proposing=h[3], nominee_unit=h[3]), "checked")
    demo.walk(
        demo.nominate(proposing=h[4], nominee_person=_people_of(h[4], 2)[1]), "checked"
    )
    # Called for the day the demo is loaded (a meeting opens on its own day, not
    # before), so the council chair can open it as soon as attendance allows.
    council_meeting_record(
        campaign=campaign,
        held_on=max(timezone.localdate(), datetime.date(2026, 11, 21)),
        actor=demo.office,
        present=demo.members[:5],
        notes="Họp xét các hồ sơ còn lại của năm 2026.",
    )
    # thon3's returned dossier: the office gives the hamlet five days more.
    dossier_extension_grant(
        award_kind=demo.kinds[AwardKindCode.GIAY_KHEN_XA],
        unit=h[2],
        until=campaign.dossier_deadline + datetime.timedelta(days=5),
        reason="Dữ liệu mẫu: thôn bổ sung biên bản họp xét có chữ ký của các thành viên.",
        actor=demo.office,
    )


def seed_2025(campaign, users, stdout=None):
    """The finished 2025 round, told as it happened (before the 15/12/2025 deadline)."""
    demo = Demo(campaign, users)
    moment = datetime.datetime(2025, 12, 10, 9, 0, tzinfo=VN)
    with mock.patch("awards.nominations.services.timezone.now", return_value=moment):
        h = [_hamlet(i) for i in range(13, 21)]
        approved, votes = [], []
        for hamlet in h[:2]:
            nomination = demo.walk(
                demo.nominate(proposing=hamlet, nominee_unit=hamlet), "checked"
            )
            approved.append(nomination)
            votes.append((nomination, (8, 0, 0)))
        rejected = demo.walk(
            demo.nominate(proposing=h[2], nominee_unit=h[2]), "checked"
        )
        votes.append((rejected, (5, 3, 0)))
        for hamlet in h[3:5]:
            nomination = demo.walk(
                demo.nominate(
                    proposing=hamlet, nominee_person=_people_of(hamlet, 2)[1]
                ),
                "checked",
            )
            approved.append(nomination)
            votes.append((nomination, (8, 0, 0)))
        household = demo.walk(
            demo.nominate(proposing=h[5], nominee_household=_households_of(h[5], 1)[0]),
            "checked",
        )
        approved.append(household)
        votes.append((household, (8, 0, 0)))
    demo.meeting(datetime.date(2025, 12, 18), votes, present=8)
    for nomination in approved:
        demo.approve(nomination)
    demo.reject(rejected)
    decision_issue(
        campaign=campaign,
        award_kind=demo.kinds[AwardKindCode.GIAY_KHEN_XA],
        number="215",
        signed_on=datetime.date(2025, 12, 26),
        actor=demo.office,
    )


@transaction.atomic
def seed(stdout=None):
    users = _users()
    if users is None:
        return
    campaigns = {c.year: c for c in Campaign.objects.filter(year__in=[2025, 2026])}
    if not Unit.objects.filter(kind=UnitKind.HAMLET).count() >= 20:
        return
    done = []
    first_2025 = 2025 in campaigns and not (
        Decision.objects.filter(campaign=campaigns[2025]).exists()
        or Nomination.objects.filter(campaign=campaigns[2025]).exists()
    )
    if first_2025:
        seed_2025(campaigns[2025], users, stdout)
        done.append("2025")
    if (
        2026 in campaigns
        and not Nomination.objects.filter(campaign=campaigns[2026]).exists()
    ):
        seed_2026(campaigns[2026], users, stdout)
        done.append("2026")
    if stdout is not None and done:
        stdout.write(f"Hồ sơ khen thưởng mẫu: {', '.join(done)}")
