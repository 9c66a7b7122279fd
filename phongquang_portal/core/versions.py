"""Versions of what public pages show, moved by the services that change it.

A public page is kept under the version of its namespace (a campaign's
boards: ``campaign_namespace(campaign.pk)``). A service that changes what
those pages show calls ``version_move`` inside its transaction, so the new
version and the new data commit together: a reader who sees the new
version also sees the new data. Nothing infers it from SQL.

A version is a random token rather than a count, so even a database put
back from a backup cannot meet a kept page built from a later state.
"""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ContentVersion


def campaign_namespace(campaign_id):
    """The namespace of a campaign's public pages (its honor boards, its models)."""
    return f"campaign:{campaign_id}"


def version_of(namespace):
    """The current version of ``namespace`` ("" until it first moves)."""
    return (
        ContentVersion.objects.filter(namespace=namespace)
        .values_list("version", flat=True)
        .first()
        or ""
    )


def version_move(namespace):
    """Give ``namespace`` a new version: the pages kept under the old one are dropped."""
    version = uuid.uuid4().hex
    rows = ContentVersion.objects.filter(namespace=namespace)
    if rows.update(version=version, moved_at=timezone.now()):
        return version
    try:
        with transaction.atomic():
            ContentVersion.objects.create(namespace=namespace, version=version)
    except IntegrityError:  # created at the same moment by another request
        rows.update(version=version, moved_at=timezone.now())
    return version


def campaign_pages_changed(campaign_id):
    """Say that what a campaign's public pages show has changed (in the transaction)."""
    return version_move(campaign_namespace(campaign_id))
