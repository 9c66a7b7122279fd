"""factory_boy factories for the foundation's models; apps add their own beside them."""

import datetime

import factory
from django.contrib.auth import get_user_model

from campaigns.models import Campaign, Goal
from phongquang_portal.core.permissions import SYSTEM
from units.enums import PersonKind, Role, Sex, UnitKind
from units.models import Household, Person, Unit
from units.services import membership_grant


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Văn"
    last_name = factory.Sequence(lambda n: f"Nguyễn {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.PostGenerationMethodCall("set_password", "pw-Test-12345")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Phong trào thử nghiệm {n}")
    year = 2025
    theme = "Thi đua xây dựng chính quyền số, phát triển kinh tế số, xã hội số"
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2025, 12, 31)
    dossier_deadline = datetime.date(2025, 12, 15)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    campaign = factory.SubFactory(CampaignFactory)
    code = "a"
    position = 1
    title = "Tuyên truyền"
    text = "Nội dung mục tiêu."


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Thôn Thử {n}")
    kind = UnitKind.HAMLET


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Hoàng Thị Hoa {n}")
    kind = PersonKind.RESIDENT
    unit = factory.SubFactory(UnitFactory)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    head_name = factory.Sequence(lambda n: f"Lục Văn Bình {n}")
    head_sex = Sex.MALE
    hamlet = factory.SubFactory(UnitFactory)
    members_count = 4


def user_with_role(role, *, unit=None, username=None):
    """Create a user holding ``role`` (scoped to ``unit`` for unit heads)."""
    user = UserFactory(**({"username": username} if username else {}))
    membership_grant(
        user=user, role=role, unit=unit, actor=SYSTEM, reason="Test fixture"
    )
    user.refresh_from_db()
    return user


def unit_head(unit, **kwargs):
    return user_with_role(Role.UNIT_HEAD, unit=unit, **kwargs)
