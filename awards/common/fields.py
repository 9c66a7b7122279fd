"""Validators and database checks that several of the awards' models use."""

from django.core.validators import MaxValueValidator
from django.db.models import Q

from ..enums import COUNCIL_MAX_MEMBERS


def count_validators():
    return [MaxValueValidator(COUNCIL_MAX_MEMBERS)]


def at_most(field, maximum):
    """A database check that ``field`` is empty or at most ``maximum``."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lte": maximum})
