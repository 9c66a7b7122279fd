"""A fictional Phong Quang commune for demonstrations and manual testing.

Every name here is invented. The data is deterministic (fixed seed), so two
runs produce the same commune, and every step checks before it creates.
"""

import random

from django.contrib.auth import get_user_model
from django.db import transaction

from phongquang_portal.core.permissions import SYSTEM

from .enums import PersonKind, Role, Sex, UnitKind
from .models import Household, Person, Unit
from .services import membership_grant

DEMO_PASSWORD = "PhongQuang@2025"

HAMLETS = [
    "Nà Mòn",
    "Khuổi Tát",
    "Bản Vèn",
    "Đồng Cọ",
    "Nà Lạ",
    "Phiêng Tạc",
    "Cốc Lùng",
    "Làng Mới",
    "Khau Cảng",
    "Bản Chang",
    "Đồng Tiến",
    "Nà Pài",
    "Tân Lập",
    "Phja Đén",
    "Khuổi Mìn",
    "Bó Hoi",
    "Thác Giềng",
    "Cốc Phát",
    "Nà Phặc",
    "Lũng Vài",
]

# (username, unit name, kind, head's full name, title)
OFFICES = [
    (
        "vpubnd",
        "Văn phòng HĐND và UBND xã",
        UnitKind.OFFICE,
        "Hoàng Thị Mai",
        "Chánh Văn phòng",
    ),
    ("phongkt", "Phòng Kinh tế", UnitKind.OFFICE, "Nông Văn Hùng", "Trưởng phòng"),
    (
        "phongvhxh",
        "Phòng Văn hóa - Xã hội",
        UnitKind.OFFICE,
        "Lý Thị Hằng",
        "Trưởng phòng",
    ),
    (
        "ttphvhcc",
        "Trung tâm Phục vụ hành chính công xã",
        UnitKind.OFFICE,
        "Ma Văn Toàn",
        "Giám đốc",
    ),
    ("congan", "Công an xã", UnitKind.OFFICE, "Triệu Đức Thắng", "Trưởng Công an xã"),
    (
        "quansu",
        "Ban Chỉ huy Quân sự xã",
        UnitKind.OFFICE,
        "Lục Văn Bình",
        "Chỉ huy trưởng",
    ),
    ("tramyte", "Trạm Y tế xã", UnitKind.OFFICE, "Đàm Thị Thu", "Trạm trưởng"),
    ("thcs", "Trường THCS Phong Quang", UnitKind.OFFICE, "Bế Thị Lan", "Hiệu trưởng"),
    (
        "bcdcds",
        "Ban Chỉ đạo chuyển đổi số xã",
        UnitKind.STEERING,
        "Hà Văn Quý",
        "Phó Trưởng ban",
    ),
    (
        "mttq",
        "Ủy ban MTTQ Việt Nam xã",
        UnitKind.ORGANISATION,
        "Dương Thị Nga",
        "Chủ tịch",
    ),
    (
        "doanthanhnien",
        "Đoàn Thanh niên xã",
        UnitKind.ORGANISATION,
        "Vi Văn Khánh",
        "Bí thư",
    ),
    (
        "hoiphunu",
        "Hội Liên hiệp Phụ nữ xã",
        UnitKind.ORGANISATION,
        "Hứa Thị Duyên",
        "Chủ tịch",
    ),
]

FAMILY = [
    "Nguyễn",
    "Hoàng",
    "Nông",
    "Ma",
    "Lục",
    "Triệu",
    "Đàm",
    "Lý",
    "Hà",
    "Bế",
    "Dương",
    "Vi",
    "Trần",
    "Lê",
]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Xuân"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Hồng", "Thanh"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hưng",
    "Khoa",
    "Long",
    "Nam",
    "Phúc",
    "Sơn",
    "Tài",
    "Tuấn",
    "Việt",
]
GIVEN_F = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hoa",
    "Huyền",
    "Linh",
    "Loan",
    "Mai",
    "Nhung",
    "Phương",
    "Thảo",
    "Yến",
]
FIELDS = [
    "Trồng chè",
    "Chăn nuôi",
    "Kinh doanh tạp hóa",
    "Trồng rừng",
    "Dịch vụ du lịch cộng đồng",
    "Sản xuất miến dong",
]


def _name(rng):
    if rng.random() < 0.5:
        return (
            f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}",
            Sex.MALE,
        )
    return (
        f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}",
        Sex.FEMALE,
    )


DEMO_REASON = "Dữ liệu mẫu: phân công theo danh sách của UBND xã"
# The Emulation-Reward Council: nine members, hoidong1 … hoidong9 (hoidong1 chairs).
COUNCIL_MEMBERS = [
    "Hoàng Văn Đông",
    "Lê Thị Phượng",
    "Trần Minh Tâm",
    "Nông Thị Hà",
    "Lục Văn Thành",
    "Hà Thị Nguyệt",
    "Ma Văn Quyết",
    "Bế Thị Ngân",
    "Dương Văn Hòa",
]
# A council member who lives in a hamlet (his personal record is there): he
# does not mark that hamlet's sheet nor vote on what it proposes (recusal).
COUNCIL_RESIDENT = (3, 7)  # hoidong3 lives in the 7th hamlet (Cốc Lùng)


def _household(rng, hamlet, hamlet_name):
    head_name, head_sex = _name(rng)
    return Household(
        head_name=head_name,
        head_sex=head_sex,
        hamlet=hamlet,
        address=f"Xóm {rng.randint(1, 4)}, thôn {hamlet_name}",
        members_count=rng.randint(2, 7),
        field_of_activity=rng.choice(FIELDS),
    )


def _user(username, full_name):
    User = get_user_model()
    family, _sep, given = full_name.rpartition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": given,
            "last_name": family,
            "email": f"{username}@phongquang.demo",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def seed(*, hamlets=HAMLETS, households_per_hamlet=15, stdout=None):
    """Create the fictional commune: units, people, households and demo logins.

    Roles are granted through the services, as on a real commune: the
    system administrator is set up first (by the system), grants the office,
    the chairman and the council; the office grants the unit heads.
    """
    rng = random.Random(2025)
    admin = _user("quantri", "Quản Trị Viên")
    membership_grant(
        user=admin,
        role=Role.SYSADMIN,
        actor=SYSTEM,
        reason="Khởi tạo hệ thống: tài khoản quản trị đầu tiên",
    )
    vanhoa = _user("vanhoa", "Nông Thị Thanh Vân")
    membership_grant(
        user=vanhoa,
        role=Role.OFFICE,
        title="Công chức Văn hóa - Xã hội",
        actor=admin,
        reason=DEMO_REASON,
    )
    chutich = _user("chutich", "Nguyễn Ánh Xuân")
    membership_grant(
        user=chutich,
        role=Role.CHAIRMAN,
        title="Chủ tịch UBND xã",
        actor=admin,
        reason=DEMO_REASON,
    )
    council = []
    for index, name in enumerate(COUNCIL_MEMBERS, start=1):
        member = _user(f"hoidong{index}", name)
        membership_grant(
            user=member,
            role=Role.COUNCIL,
            title="Ủy viên Hội đồng TĐKT",
            actor=admin,
            reason=DEMO_REASON,
        )
        council.append(member)
    # hoidong1 chairs the council (and, as every member, marks and votes).
    membership_grant(
        user=council[0],
        role=Role.COUNCIL_CHAIR,
        title="Chủ tịch Hội đồng TĐKT",
        actor=admin,
        reason="Dữ liệu mẫu: Quyết định kiện toàn Hội đồng Thi đua - Khen thưởng xã",
    )
    hamlet_units = []
    for index, name in enumerate(hamlets, start=1):
        hamlet, _created = Unit.objects.get_or_create(
            name=f"Thôn {name}",
            kind=UnitKind.HAMLET,
            defaults={"position": index, "address": f"Thôn {name}, xã Phong Quang"},
        )
        team, _created = Unit.objects.get_or_create(
            name=f"Tổ công nghệ số cộng đồng thôn {name}",
            kind=UnitKind.DIGITAL_TEAM,
            defaults={
                "position": index,
                "parent": hamlet,
                "staff_count": rng.randint(4, 9),
            },
        )
        hamlet_units.append((hamlet, team))
        head_name, _sex = _name(rng)
        user = _user(f"thon{index}", head_name)
        membership_grant(
            user=user,
            role=Role.UNIT_HEAD,
            unit=hamlet,
            title="Trưởng thôn",
            actor=vanhoa,
            reason=DEMO_REASON,
        )
        membership_grant(
            user=user,
            role=Role.UNIT_HEAD,
            unit=team,
            title="Tổ trưởng",
            actor=vanhoa,
            reason=DEMO_REASON,
        )
        if not hamlet.households.exists():
            Household.objects.bulk_create(
                _household(rng, hamlet, name) for _ in range(households_per_hamlet)
            )
        if not hamlet.people.exists():
            people = [
                Person(
                    full_name=head_name,
                    kind=PersonKind.RESIDENT,
                    unit=hamlet,
                    position="Trưởng thôn",
                    sex=_sex,
                    residence=f"Thôn {name}",
                )
            ]
            for _ in range(4):
                full_name, sex = _name(rng)
                people.append(
                    Person(
                        full_name=full_name,
                        kind=PersonKind.RESIDENT,
                        unit=hamlet,
                        sex=sex,
                        residence=f"Thôn {name}, xã Phong Quang",
                        hometown="xã Phong Quang, tỉnh Thái Nguyên",
                    )
                )
            Person.objects.bulk_create(people)

    member_number, hamlet_number = COUNCIL_RESIDENT
    resident = council[member_number - 1]
    if not Person.objects.filter(user=resident).exists():
        hamlet = hamlet_units[hamlet_number - 1][0]
        Person.objects.create(
            full_name=COUNCIL_MEMBERS[member_number - 1],
            kind=PersonKind.RESIDENT,
            unit=hamlet,
            sex=Sex.MALE,
            residence=f"{hamlet.name}, xã Phong Quang",
            user=resident,
        )

    for position, (username, unit_name, kind, head, title) in enumerate(
        OFFICES, start=1
    ):
        unit, _created = Unit.objects.get_or_create(
            name=unit_name,
            kind=kind,
            defaults={"position": position, "address": "UBND xã Phong Quang"},
        )
        user = _user(username, head)
        membership_grant(
            user=user,
            role=Role.UNIT_HEAD,
            unit=unit,
            title=title,
            actor=vanhoa,
            reason=DEMO_REASON,
        )
        if not unit.people.exists():
            staff = [
                Person(
                    full_name=head,
                    kind=PersonKind.OFFICIAL,
                    unit=unit,
                    position=title,
                    user=user,
                )
            ]
            for _ in range(rng.randint(4, 8)):
                full_name, sex = _name(rng)
                staff.append(
                    Person(
                        full_name=full_name,
                        kind=rng.choice(
                            [
                                PersonKind.CIVIL_SERVANT,
                                PersonKind.PUBLIC_EMPLOYEE,
                                PersonKind.WORKER,
                            ]
                        ),
                        unit=unit,
                        sex=sex,
                        position="Công chức"
                        if kind == UnitKind.OFFICE
                        else "Thành viên",
                        qualifications="Đại học",
                        hometown="tỉnh Thái Nguyên",
                        residence="xã Phong Quang, tỉnh Thái Nguyên",
                    )
                )
            Person.objects.bulk_create(staff)

    office_unit = Unit.objects.get(name="Phòng Văn hóa - Xã hội", kind=UnitKind.OFFICE)
    return {"hamlets": hamlet_units, "office": office_unit}


def demo_logins():
    """Return (username, description) for every demo login, for the README and the command."""
    rows = [
        ("vanhoa", "Phòng Văn hóa - Xã hội (office staff)"),
        ("chutich", "Chủ tịch UBND xã (chairman → admin)"),
        (
            "hoidong1",
            "Chủ tịch Hội đồng Thi đua - Khen thưởng (council chair; members "
            "hoidong2 … hoidong9)",
        ),
        ("thon1", "Trưởng thôn Nà Mòn (hamlet head; thon2 … thon20 likewise)"),
    ]
    rows += [(username, f"Trưởng: {unit}") for username, unit, *_rest in OFFICES]
    rows.append(
        ("quantri", "Quản trị hệ thống (system administrator: accounts, roles)")
    )
    return rows
