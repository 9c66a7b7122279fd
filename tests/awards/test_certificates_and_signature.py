"""Households, verifiable certificates and the digital signature (issue 9).

Cases of the issue: households labelled "Cá nhân"; certificates could not be
verified; decisions could not be signed. Since issue 17 the documents name a
household by its head ("Chủ hộ: Nguyễn Văn An"), not "Hộ ông/bà …".
"""

import base64
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from awards.decisions.services import decision_replace, decision_sign
from awards.documents import snapshot_context, snapshot_rows
from awards.models import AwardCertificate
from tests.factories import HouseholdFactory, UnitFactory
from units.enums import Sex

from .factories import NominationFactory
from .helpers import issue, nfc
from .test_pdfs import pdf_text

pytestmark = pytest.mark.django_db


def household_nomination(kind, name, sex):
    household = HouseholdFactory(head_name=name, head_sex=sex, hamlet=UnitFactory())
    return NominationFactory(
        award_kind=kind,
        nominee_unit=None,
        nominee_household=household,
        proposing_unit=household.hamlet,
    )


@pytest.fixture
def household_decision(giay_khen, make_nomination, chairman, office_user):
    return issue(
        [
            make_nomination("unit"),
            make_nomination("person"),
            household_nomination(giay_khen, "Nguyễn Văn An", Sex.MALE),
            household_nomination(giay_khen, "Lò Thị Bình", Sex.FEMALE),
        ],
        chairman=chairman,
        office=office_user,
    )


# --- Households ---------------------------------------------------------------------


def test_households_print_by_their_head_listed_as_households(household_decision):
    documents = {d.kind: d.read_bytes() for d in household_decision.documents.all()}
    decision = pdf_text(documents["decision_pdf"])
    assert "Chủ hộ: Nguyễn Văn An" in decision
    assert "Chủ hộ: Lò Thị Bình" in decision
    assert "Hộ ông" not in decision and "Hộ bà" not in decision
    assert "III Hộ gia đình" in decision
    assert "01 tập thể, 01 cá nhân và 02 hộ gia đình" in " ".join(decision.split())
    certificates = pdf_text(documents["certificates_pdf"])
    assert (
        "Chủ hộ: Nguyễn Văn An" in certificates
        and "Chủ hộ: Lò Thị Bình" in certificates
    )
    ws = load_workbook(io.BytesIO(documents["decision_xlsx"])).active
    rows = {row[1]: row for row in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Chủ hộ: Nguyễn Văn An"][2] == "Hộ gia đình"
    assert rows["Chủ hộ: Nguyễn Văn An"][5] == 1_060_000  # 1.5 × 710,000 (rounded up)


def test_households_still_count_in_the_individual_quota(
    giay_khen, make_nomination, chairman
):
    from awards import services
    from awards.selectors import quota_usage

    from .factories import voted

    for name in ("A", "B", "C"):
        services.nomination_approve(
            nomination=voted(household_nomination(giay_khen, name, Sex.MALE)),
            actor=chairman,
        )
    usage = quota_usage(campaign=giay_khen.campaign, kinds=[giay_khen])[giay_khen.pk]
    assert usage["individual"] == 3
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(
            nomination=voted(make_nomination("person")), actor=chairman
        )
    assert refused.value.code == "quota"


# --- Verifiable certificates -----------------------------------------------------------


def test_each_certificate_carries_its_golden_book_number_and_qr(household_decision):
    rows = snapshot_rows(household_decision.snapshot)
    codes = [row.verify_code for row in rows]
    assert len(set(codes)) == len(codes) and all(len(code) >= 16 for code in codes)
    html = render_to_string(
        "awards/pdf/certificates.html", snapshot_context(household_decision.snapshot)
    )
    for row in rows:
        assert row.verify_url.endswith(f"/xac-minh/{row.verify_code}/")
        svg = base64.b64decode(row.qr.split(",", 1)[1]).decode()
        assert svg.startswith("<svg")
        assert row.qr in html
    text = pdf_text(
        household_decision.documents.get(kind="certificates_pdf").read_bytes()
    )
    for row in rows:
        assert f"Số sổ vàng: {row.golden_book_number}" in text
    assert AwardCertificate.objects.filter(decision=household_decision).count() == 4


def test_verify_page_shows_decision_awardee_and_award_only(client, household_decision):
    row = snapshot_rows(household_decision.snapshot)[2]
    response = client.get(reverse("verify:certificate", args=[row.verify_code]))
    page = nfc(response.content.decode())
    assert response.status_code == 200
    assert "05/QĐ-UBND" in page and "20/12/2025" in page
    assert "Chủ hộ: Nguyễn Văn An" in page
    assert "Giấy khen của Chủ tịch UBND xã" in page
    # Nothing beyond what the decision publishes: no prize, no address, no book number.
    assert "1.060.000" not in page
    assert row.golden_book_number not in page
    assert row.where not in page


def test_verify_unknown_code_says_so_in_vietnamese(client, db):
    response = client.get(reverse("verify:certificate", args=["khong-co-ma-nay"]))
    assert response.status_code == 404
    assert "Không có giấy khen nào" in nfc(response.content.decode())


def test_verify_code_of_a_replaced_decision_says_so(
    client, household_decision, office_user
):
    old = snapshot_rows(household_decision.snapshot)[0].verify_code
    new = decision_replace(
        decision=household_decision,
        signed_on=datetime.date(2025, 12, 21),
        actor=office_user,
        reason="Sửa tên.",
    )
    page = nfc(client.get(reverse("verify:certificate", args=[old])).content.decode())
    assert "đã được thay thế" in page and new.full_number in page
    fresh = snapshot_rows(new.snapshot)[0].verify_code
    page = nfc(client.get(reverse("verify:certificate", args=[fresh])).content.decode())
    assert "đã được thay thế" not in page


# --- Digital signature -------------------------------------------------------------------


@pytest.fixture
def signing_certificate(tmp_path, settings):
    """A CA and a signing certificate made for the test (PKCS#12 + trusted CA PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA thử nghiệm")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "UBND xã Phong Quang (thử nghiệm)")]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = tmp_path / "ky-so.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"phongquang",
            key,
            cert,
            [ca],
            serialization.BestAvailableEncryption(b"mat-khau"),
        )
    )
    root = tmp_path / "ca.pem"
    root.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    settings.SIGNING_P12_PATH = str(p12)
    settings.SIGNING_P12_PASSWORD = "mat-khau"
    settings.SIGNING_TRUST_ROOTS = str(root)
    return cert


def test_sign_stores_a_new_document_and_keeps_the_unsigned(
    client, household_decision, office_user, signing_certificate
):
    unsigned = household_decision.documents.get(kind="decision_pdf")
    signed = decision_sign(decision=household_decision, actor=office_user)
    assert signed.kind == "decision_signed_pdf"
    assert signed.sha256 != unsigned.sha256
    assert (
        household_decision.documents.get(kind="decision_pdf").sha256 == unsigned.sha256
    )
    assert signed.read_bytes().startswith(unsigned.read_bytes())  # incremental update
    assert signed.signature["intact"] and signed.signature["trusted"]
    assert "Phong Quang" in signed.signature["signer"]

    client.force_login(office_user)
    page = nfc(
        client.get(
            reverse("awards:decision_detail", args=[household_decision.pk])
        ).content.decode()
    )
    assert "Nguyên vẹn" in page and "UBND xã Phong Quang (thử nghiệm)" in page
    code = snapshot_rows(household_decision.snapshot)[0].verify_code
    verify = nfc(
        client.get(reverse("verify:certificate", args=[code])).content.decode()
    )
    assert "ký số" in verify and "UBND xã Phong Quang (thử nghiệm)" in verify
    download = client.get(
        reverse("awards:decision_signed_pdf", args=[household_decision.pk])
    )
    assert b"".join(download.streaming_content) == signed.read_bytes()

    with pytest.raises(ValidationError) as refused:
        decision_sign(decision=household_decision, actor=office_user)
    assert refused.value.code == "already_signed"


def test_sign_view_by_the_chairman(
    client, household_decision, chairman, signing_certificate
):
    client.force_login(chairman)
    response = client.post(
        reverse("awards:decision_sign", args=[household_decision.pk])
    )
    assert response.status_code == 302
    assert household_decision.documents.filter(kind="decision_signed_pdf").exists()


def test_sign_refused_without_a_certificate(household_decision, office_user, settings):
    settings.SIGNING_P12_PATH = ""
    with pytest.raises(ValidationError) as refused:
        decision_sign(decision=household_decision, actor=office_user)
    assert refused.value.code == "signing_not_configured"


def test_sign_refused_with_a_wrong_password(
    household_decision, office_user, signing_certificate, settings
):
    settings.SIGNING_P12_PASSWORD = "sai"
    with pytest.raises(ValidationError) as refused:
        decision_sign(decision=household_decision, actor=office_user)
    assert refused.value.code == "signing_failed"


def test_sign_refused_for_council_and_unit_heads(
    household_decision, council_user, hamlet_head, signing_certificate
):
    for actor in (council_user, hamlet_head):
        with pytest.raises(ValidationError) as refused:
            decision_sign(decision=household_decision, actor=actor)
        assert refused.value.code == "permission_denied"
