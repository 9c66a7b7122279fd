"""Issue 8: bad input never answers 500; evidence goes through the kernel's upload helpers."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from scoring.enums import CriterionKind
from scoring.forms import PointsField
from scoring.models import RankingPublication, ScoreEntry
from scoring.services import EntryInput, self_assessment_save

from .conftest import codes, entries_of

pytestmark = pytest.mark.django_db

BAD_NUMBERS = [
    "1e9",
    "1e999999999",
    "NaN",
    "nan",
    "Infinity",
    "∞",
    "-1",
    "-0,5",
    "99999999999",
    "999999999999999999999999",
    "7,555",
    "abc",
    "1,2,3",
    "0x10",
]


NOT_NUMBERS = [
    t for t in BAD_NUMBERS if t not in {"-1", "-0,5", "99999999999", "7,555"}
]


@pytest.mark.parametrize("typed", NOT_NUMBERS)
def test_points_field_refuses_what_is_not_points(typed):
    with pytest.raises(ValidationError) as refused:
        PointsField().clean(typed)
    assert codes(refused.value)[0] in {"not_a_number", "max_length"}


def _standard(sheet):
    return next(
        e for e in entries_of(sheet) if e.criterion.kind == CriterionKind.STANDARD
    )


@pytest.mark.parametrize("typed", BAD_NUMBERS)
def test_self_assessment_page_answers_any_typed_number_with_a_message(
    client, sheet, hamlet_head, typed
):
    entry = _standard(sheet)
    other = entries_of(sheet)[-1]
    client.force_login(hamlet_head)

    response = client.post(
        reverse("scoring:self_assess", args=[sheet.pk]),
        {f"points_{entry.pk}": typed, f"points_{other.pk}": "1", "save": "1"},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="form-errors"' in body
    assert f'value="{typed}"' in body or typed in body  # the typed value is kept
    entry.refresh_from_db()
    assert entry.self_points is None


@pytest.mark.parametrize("typed", ["1e9", "NaN", "-1", "99999999999"])
def test_council_and_finalise_pages_answer_bad_numbers_with_a_message(
    client, self_assessed_sheet, council_user, office_user, typed
):
    entry = _standard(self_assessed_sheet)
    client.force_login(council_user)
    council = client.post(
        reverse("scoring:council_score", args=[self_assessed_sheet.pk]),
        {f"points_{entry.pk}": typed},
    )
    client.force_login(office_user)
    final = client.post(
        reverse("scoring:finalise", args=[self_assessed_sheet.pk]),
        {f"points_{entry.pk}": typed, "reason": "Họp Hội đồng"},
    )

    assert council.status_code == 200
    assert final.status_code == 200
    assert not entry.council_scores.exists()


@pytest.mark.parametrize("typed", ["0", "51", "-1", "1e9", "NaN", "9" * 30, ""])
def test_publish_form_answers_any_top_n_with_a_message(
    client, office_user, plan, locked_sheet, typed
):
    client.force_login(office_user)

    response = client.post(
        reverse("scoring:ranking_publish", args=[plan.pk]),
        {"action": "publish", "top_n": typed},
        follow=True,
    )

    assert response.status_code == 200
    assert 'class="alert' in response.content.decode()
    assert not RankingPublication.objects.filter(published_at__isnull=False).exists()


@pytest.mark.parametrize("query", ["?page=1e9", "?page=-1", "?page=NaN", "?kind=x"])
def test_ranking_page_query_strings_never_500(client, office_user, plan, query):
    client.force_login(office_user)

    response = client.get(reverse("scoring:ranking", args=[plan.pk]) + query)

    assert response.status_code in (200, 404)


def test_sheet_list_query_strings_never_500(client, office_user, plan, sheet):
    client.force_login(office_user)

    for query in ("?page=99999999999999999999", "?state=%E2%88%9E", "?kind=1e9"):
        response = client.get(reverse("scoring:sheets", args=[plan.pk]) + query)
        assert response.status_code in (200, 404)


def test_control_characters_in_notes_refused(client, sheet, hamlet_head):
    entry = _standard(sheet)
    client.force_login(hamlet_head)

    response = client.post(
        reverse("scoring:self_assess", args=[sheet.pk]),
        {f"points_{entry.pk}": "1", f"text_{entry.pk}": "Đã làm\x0b xong"},
    )

    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.self_note == ""
    with pytest.raises(ValidationError) as refused:
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=1, text="bad\x07bell")],
        )
    assert codes(refused.value) == ["control_characters"]


# ------------------------------------------------------------- evidence

PDF = b"%PDF-1.4\n%minh chung\n%%EOF\n"


def _evidence_entry(sheet):
    return next(e for e in entries_of(sheet) if e.criterion.evidence_required)


def _upload(name="Biên bản họp thôn.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_evidence_is_checked_by_content_even_past_the_form(sheet, hamlet_head):
    entry = _evidence_entry(sheet)

    with pytest.raises(ValidationError) as refused:
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[
                EntryInput(
                    entry=entry,
                    points=1,
                    evidence=_upload("chuong-trinh.pdf", b"MZ\x90\x00" + b"\0" * 64),
                )
            ],
        )

    assert codes(refused.value) == ["file_type"]
    entry.refresh_from_db()
    assert not entry.evidence


def test_evidence_stored_under_a_random_name_keeps_its_own(sheet, hamlet_head):
    entry = _evidence_entry(sheet)

    self_assessment_save(
        sheet=sheet,
        actor=hamlet_head,
        rows=[EntryInput(entry=entry, points=1, evidence=_upload())],
    )

    entry.refresh_from_db()
    assert entry.evidence_name == "Biên bản họp thôn.pdf"
    assert entry.evidence.name.startswith("evidence/scoring/")
    assert "Biên" not in entry.evidence.name


def test_replaced_and_removed_evidence_files_are_deleted_on_commit(
    sheet, hamlet_head, django_capture_on_commit_callbacks
):
    entry = _evidence_entry(sheet)
    with django_capture_on_commit_callbacks(execute=True):
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=1, evidence=_upload())],
        )
    entry.refresh_from_db()
    first = entry.evidence.name
    storage = entry.evidence.storage

    with django_capture_on_commit_callbacks(execute=True):
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=1, evidence=_upload("moi.pdf"))],
        )
    entry.refresh_from_db()
    second = entry.evidence.name
    assert not storage.exists(first)
    assert storage.exists(second)

    with django_capture_on_commit_callbacks(execute=True):
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=1, clear_evidence=True)],
        )
    entry.refresh_from_db()
    assert not entry.evidence
    assert not storage.exists(second)


def test_evidence_kept_when_the_save_is_refused(sheet, hamlet_head):
    entry = _evidence_entry(sheet)
    self_assessment_save(
        sheet=sheet,
        actor=hamlet_head,
        rows=[EntryInput(entry=entry, points=1, evidence=_upload())],
    )
    entry.refresh_from_db()
    kept = entry.evidence.name

    with pytest.raises(ValidationError) as refused, transaction.atomic():
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=999, clear_evidence=True)],
        )

    assert [e.code for e in refused.value.error_list] == ["points_out_of_range"]

    assert ScoreEntry.objects.get(pk=entry.pk).evidence.name == kept
    assert entry.evidence.storage.exists(kept)
