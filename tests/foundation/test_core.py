import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from campaigns.enums import CampaignStatus
from phongquang_portal.core.activity import history_for, log_action, transition
from phongquang_portal.core.excel import write_row
from phongquang_portal.core.models import ActivityLog
from phongquang_portal.core.pdf import render_pdf
from phongquang_portal.core.uploads import validate_upload

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64


def _docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bao-cao.pdf", PDF_BYTES, "pdf"),
        ("anh.png", PNG_BYTES, "png"),
        ("tt.docx", None, "docx"),
    ],
)
def test_validate_upload_accepts_real_documents(name, content, kind):
    upload = SimpleUploadedFile(name, content if content is not None else _docx_bytes())

    assert validate_upload(upload) == kind


def test_validate_upload_refuses_program_renamed_to_pdf():
    upload = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 200)

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)

    assert "bao-cao.pdf" in excinfo.value.messages[0]
    assert excinfo.value.code == "file_type"


def test_validate_upload_refuses_pdf_content_with_image_name():
    upload = SimpleUploadedFile("anh.jpg", PDF_BYTES)

    with pytest.raises(ValidationError) as refused:
        validate_upload(upload)

    assert refused.value.code == "file_type"


def test_validate_upload_refuses_oversized_file(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", PDF_BYTES + b" " * 2048)

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)

    assert excinfo.value.code == "file_too_large"


def test_validate_upload_message_is_vietnamese():
    upload = SimpleUploadedFile("x.pdf", b"plain text, not a pdf")

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)

    assert "không" in excinfo.value.messages[0].lower()


@pytest.mark.django_db
def test_transition_changes_state_and_logs_who_from_to_why(plan, office_user):
    transitions = {CampaignStatus.ACTIVE: {CampaignStatus.CLOSED}}

    entry = transition(
        plan,
        CampaignStatus.CLOSED,
        actor=office_user,
        action="test.closed",
        transitions=transitions,
        state_field="status",
        reason="Kết thúc năm",
    )

    plan.refresh_from_db()
    assert plan.status == CampaignStatus.CLOSED
    assert (entry.actor, entry.from_state, entry.to_state, entry.reason) == (
        office_user,
        "active",
        "closed",
        "Kết thúc năm",
    )
    assert history_for(plan)[0] == entry


@pytest.mark.django_db
def test_transition_refuses_move_not_in_map(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        transition(
            plan,
            CampaignStatus.DRAFT,
            actor=office_user,
            action="test.draft",
            transitions={CampaignStatus.ACTIVE: {CampaignStatus.CLOSED}},
            state_field="status",
        )

    assert refused.value.code == "invalid_transition"

    plan.refresh_from_db()
    assert plan.status == CampaignStatus.ACTIVE
    assert not ActivityLog.objects.filter(action="test.draft").exists()


@pytest.mark.django_db
def test_activity_log_is_read_only_in_admin(client, plan, office_user):
    entry = log_action(plan, "test.action", actor=office_user)
    client.force_login(office_user)

    assert client.get(f"/admin/core/activitylog/{entry.pk}/change/").status_code == 200
    assert client.get("/admin/core/activitylog/add/").status_code == 403
    assert (
        client.post(
            f"/admin/core/activitylog/{entry.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert ActivityLog.objects.filter(pk=entry.pk).exists()


def test_write_row_keeps_formula_looking_text_as_text():
    workbook = Workbook()
    sheet = workbook.active
    write_row(sheet, 1, ['=HYPERLINK("http://x","y")', 42, "Thôn Nà Mòn"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)

    loaded = load_workbook(buffer).active

    assert loaded.cell(1, 1).data_type == "s"
    assert loaded.cell(1, 1).value == '=HYPERLINK("http://x","y")'
    assert loaded.cell(1, 2).value == 42


def test_render_pdf_embeds_the_bundled_font_and_vietnamese_text():
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf("pdf/base.html", {})))
    page = reader.pages[0]
    fonts = {
        font["/BaseFont"]
        for font in (obj.get_object() for obj in page["/Resources"]["/Font"].values())
    }

    text = page.extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert any(name.endswith("+PortalSerif") for name in fonts)
