"""Checks every uploaded evidence file passes: real content type, size cap, safe name.

The type is read from the file's bytes, never trusted from its name or from
the browser, so a program renamed to ``.pdf`` is refused.
"""

import os
import uuid

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Kind name → (extensions accepted in the file name, MIME types filetype reports).
ALLOWED_KINDS = {
    "pdf": ({".pdf"}, {"application/pdf"}),
    "jpeg": ({".jpg", ".jpeg"}, {"image/jpeg"}),
    "png": ({".png"}, {"image/png"}),
    "docx": (
        {".docx"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ),
    "xlsx": (
        {".xlsx"},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    ),
}
EVIDENCE_KINDS = ("pdf", "jpeg", "png", "docx", "xlsx")
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"


def max_upload_bytes():
    return settings.UPLOAD_MAX_BYTES


def _human_size(num_bytes):
    return f"{num_bytes / (1024 * 1024):.0f} MB"


def detect_kind(uploaded):
    """Return the kind name of ``uploaded`` judged by its content, or None."""
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    guess = filetype.guess(head)
    if guess is None:
        return None
    for kind, (_exts, mimes) in ALLOWED_KINDS.items():
        if guess.mime in mimes:
            return kind
    return None


def validate_upload(uploaded, *, kinds=EVIDENCE_KINDS, max_bytes=None):
    """Raise ValidationError unless the file's content is an allowed kind and small enough."""
    limit = max_bytes or max_upload_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s; the limit is %(limit)s.")
            % {
                "name": uploaded.name,
                "size": _human_size(uploaded.size),
                "limit": _human_size(limit),
            },
            code="file_too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(
            _("The file “%(name)s” is empty.") % {"name": uploaded.name}
        )
    kind = detect_kind(uploaded)
    ext = os.path.splitext(uploaded.name)[1].lower()
    if kind not in kinds or ext not in ALLOWED_KINDS[kind][0]:
        raise ValidationError(
            _(
                "The file “%(name)s” is not an accepted document. Accepted: "
                "PDF, JPEG, PNG, Word (.docx), Excel (.xlsx); the content must "
                "match the file name."
            )
            % {"name": uploaded.name},
            code="file_type",
        )
    return kind


class EvidenceFileField(forms.FileField):
    """A form file field that applies ``validate_upload``."""

    default_error_messages = {
        "required": gettext_lazy("Please choose a file."),
    }

    def __init__(self, *args, kinds=EVIDENCE_KINDS, **kwargs):
        self.kinds = kinds
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT_ATTRIBUTE)

    def clean(self, data, initial=None):
        data = super().clean(data, initial)
        if data and hasattr(data, "size") and data is not initial:
            validate_upload(data, kinds=self.kinds)
        return data


def generated_upload_path(instance, filename):
    """Store under a random name, keeping only the extension (which was checked)."""
    ext = os.path.splitext(filename)[1].lower()[:10]
    label = instance._meta.app_label
    return f"evidence/{label}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


def evidence_attach(evidence, uploaded, *, actor):
    """Check ``uploaded`` by content and size, store it on ``evidence`` and save.

    ``evidence`` is an unsaved instance of a ``core.models.EvidenceFile``
    subclass with its own fields (the report, the document type…) set.
    """
    from .permissions import real_user

    evidence.file_type = validate_upload(uploaded)
    evidence.original_name = os.path.basename(uploaded.name)[:255]
    evidence.size = uploaded.size
    evidence.uploaded_by = real_user(actor)
    evidence.file.save(uploaded.name, uploaded, save=False)
    evidence.save()
    return evidence


def delete_file_on_commit(field_file):
    """Remove a stored file once the transaction that stopped using it commits."""
    name, storage = field_file.name, field_file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def evidence_remove(evidence):
    """Delete an evidence record; its file goes when the transaction commits."""
    delete_file_on_commit(evidence.file)
    evidence.delete()


def serve_protected(file_field, download_name=None):
    """Stream a stored file as a download; callers check permissions first."""
    name = download_name or os.path.basename(file_field.name)
    return FileResponse(file_field.open("rb"), as_attachment=True, filename=name)


def store_document(document, content, filename, content_type):
    """Store generated bytes on ``document`` (a ``StoredDocument``) with their SHA-256."""
    import hashlib

    from django.core.files.base import ContentFile

    document.sha256 = hashlib.sha256(content).hexdigest()
    document.size = len(content)
    document.content_type = content_type
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def serve_stored(document, download_name, *, inline=False):
    """Stream an issued document's stored bytes, with its SHA-256 in a header."""
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=not inline,
        filename=download_name,
        content_type=document.content_type,
    )
    response["X-Content-SHA256"] = document.sha256
    return response
