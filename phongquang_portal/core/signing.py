"""Digital signatures on stored PDFs (PAdES, with pyHanko), and their verification.

The commune's signing certificate is a PKCS#12 file named in the environment
(``SIGNING_P12_PATH``, with ``SIGNING_P12_PASSWORD``); certificates of the
government's CA (or the commune's own) that verification trusts are PEM
files in ``SIGNING_TRUST_ROOTS`` (comma-separated paths).
"""

import io
from dataclasses import dataclass

from django.conf import settings


class SigningNotConfigured(Exception):
    """No PKCS#12 file is configured for signing."""


@dataclass(frozen=True)
class SignatureReport:
    """What a verification found, as the verify page states it."""

    signed: bool
    intact: bool = False
    trusted: bool = False
    signer: str = ""
    signed_at: object = None
    summary: str = ""


def signing_configured():
    return bool(getattr(settings, "SIGNING_P12_PATH", ""))


def _signer():
    from pyhanko.sign import signers

    path = getattr(settings, "SIGNING_P12_PATH", "")
    if not path:
        raise SigningNotConfigured
    password = getattr(settings, "SIGNING_P12_PASSWORD", "") or ""
    signer = signers.SimpleSigner.load_pkcs12(
        pfx_file=path, passphrase=password.encode() if password else None
    )
    if signer is None:
        raise SigningNotConfigured(f"cannot read the PKCS#12 file {path}")
    return signer


def sign_pdf(pdf_bytes, *, reason, location, field_name="ChuKySo"):
    """Return ``pdf_bytes`` signed as PAdES B-B (an incremental update: pages unchanged)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    out = signers.sign_pdf(writer, meta, signer=_signer())
    return out.getvalue()


def _trust_roots():
    from pyhanko.keys import load_cert_from_pemder

    paths = [p.strip() for p in getattr(settings, "SIGNING_TRUST_ROOTS", "").split(",")]
    return [load_cert_from_pemder(p) for p in paths if p]


def verify_pdf(pdf_bytes):
    """Report on the last signature of ``pdf_bytes`` (no network: nothing fetched)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(pdf_bytes))
    signatures = reader.embedded_signatures
    if not signatures:
        return SignatureReport(signed=False)
    signature = signatures[-1]
    context = ValidationContext(trust_roots=_trust_roots(), allow_fetching=False)
    status = validate_pdf_signature(signature, context)
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    return SignatureReport(
        signed=True,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        signer=signer,
        signed_at=status.signer_reported_dt,
        summary=status.summary(),
    )
