import pytest

from tests.factories import HouseholdFactory, PersonFactory, UnitFactory

from .factories import NominationFactory, kind_for, record_plan


@pytest.fixture
def plan_recorded(plan):
    """The 2025 plan with a number and date, as a decision must cite it."""
    return record_plan(plan)


@pytest.fixture
def giay_khen(plan_recorded):
    return kind_for(plan_recorded)


@pytest.fixture
def dot_xuat(plan_recorded):
    return kind_for(plan_recorded, "dot_xuat")


@pytest.fixture
def draft(plan, giay_khen, hamlet, hamlet_head):
    """A complete draft of the hamlet, proposing itself for the Giấy khen."""
    from .factories import attach_required

    nomination = NominationFactory(
        award_kind=giay_khen, nominee_unit=hamlet, proposing_unit=hamlet
    )
    return attach_required(nomination)


@pytest.fixture
def make_nomination(plan, giay_khen):
    """Build nominations of a given type: unit, person or household."""

    def make(nominee_type="unit", kind=None, **kwargs):
        kind = kind or giay_khen
        if nominee_type == "unit":
            unit = kwargs.pop("unit", None) or UnitFactory()
            return NominationFactory(
                award_kind=kind, nominee_unit=unit, proposing_unit=unit, **kwargs
            )
        if nominee_type == "person":
            person = PersonFactory()
            return NominationFactory(
                award_kind=kind,
                nominee_unit=None,
                nominee_person=person,
                proposing_unit=person.unit,
                **kwargs,
            )
        household = HouseholdFactory()
        return NominationFactory(
            award_kind=kind,
            nominee_unit=None,
            nominee_household=household,
            proposing_unit=household.hamlet,
            **kwargs,
        )

    return make
