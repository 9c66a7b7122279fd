"""Helpers shared by the tests of issued decisions and their documents."""

import datetime
import io
import unicodedata

from django.test import TestCase
from docx import Document

from awards import services

from .factories import voted


def nfc(text):
    return unicodedata.normalize("NFC", text)


def approve_all(nominations, chairman):
    for nomination in nominations:
        services.nomination_approve(nomination=voted(nomination), actor=chairman)


def issue(
    nominations,
    *,
    chairman,
    office,
    number="5",
    signed_on=datetime.date(2025, 12, 20),
    signer=None,
):
    """Approve ``nominations`` (all of one award kind) and issue their decision.

    As in production, the decision's documents are rendered once its
    transaction commits (the test's transaction never does: the callbacks
    run here).
    """
    approve_all(nominations, chairman)
    first = nominations[0]
    with TestCase.captureOnCommitCallbacks(execute=True):
        decision = services.decision_issue(
            campaign=first.campaign,
            award_kind=first.award_kind,
            number=number,
            signed_on=signed_on,
            actor=office,
            signer=signer,
        )
    decision.refresh_from_db()
    return decision


def docx_paragraphs(content):
    """[(text, italic)] of every paragraph of a .docx, tables' cells included."""
    document = Document(io.BytesIO(content))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return [
        (
            nfc(p.text),
            bool(p.runs) and all(run.italic for run in p.runs if run.text.strip()),
        )
        for p in paragraphs
    ]
