"""The one activity log every app writes to (plan III.5: công khai, đúng quy trình),
the base of every evidence file, and the locked counters behind document numbers."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .actions import action_label
from .uploads import generated_upload_path

# Fields whose choices label the states written to the log, in the order tried.
STATE_FIELDS = ("state", "status")


class ActivityLog(models.Model):
    """Who did what to which object, when, from which state to which, and why."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("object type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_logs",
        verbose_name=_("actor"),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    from_state = models.CharField(_("from state"), max_length=40, blank=True)
    to_state = models.CharField(_("to state"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self):
        return (
            f"{timezone.localtime(self.created_at):%d/%m/%Y %H:%M} "
            f"{self.action_label} {self.object_repr}"
        )

    @property
    def action_label(self):
        """The action as a sentence ("Trưởng thôn nộp báo cáo")."""
        return action_label(self.action)

    def _state_labels(self):
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        if model is None:
            return {}
        for name in STATE_FIELDS:
            try:
                field = model._meta.get_field(name)
            except Exception:  # noqa: BLE001 - FieldDoesNotExist and relations
                continue
            if field.choices:
                return dict(field.flatchoices)
        return {}

    @property
    def from_label(self):
        return self._state_labels().get(self.from_state, self.from_state)

    @property
    def to_label(self):
        return self._state_labels().get(self.to_state, self.to_state)

    @property
    def changes(self):
        """[(field label, old, new)] recorded by an administration change."""
        return [
            (change.get("label", name), change.get("old"), change.get("new"))
            for name, change in (self.data or {}).get("changes", {}).items()
        ]


class EvidenceFile(models.Model):
    """An uploaded file kept as evidence: checked by content, stored under a random name.

    Every app's attachment model extends this; ``core.uploads.evidence_attach``
    and ``evidence_remove`` are the one way in and out.
    """

    file = models.FileField(_("file"), upload_to=generated_upload_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    file_type = models.CharField(_("file type"), max_length=10, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


class Counter(models.Model):
    """A named sequence (decision numbers of a year, golden-book numbers...).

    Numbers come from ``core.counters.counter_next``, which locks the row, so
    two documents issued at the same moment never get the same number.
    """

    key = models.CharField(_("sequence"), max_length=100, unique=True)
    value = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")

    def __str__(self):
        return f"{self.key}: {self.value}"


class StoredDocument(models.Model):
    """A generated document kept as issued: its bytes never change once stored.

    Every later download serves these bytes; ``sha256`` lets anyone check a
    printed or e-mailed copy against the record. Apps extend this for their
    issued documents (a decision, its certificates, its list of awardees).
    """

    file = models.FileField(_("file"), upload_to="issued/%Y/", max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    content_type = models.CharField(_("content type"), max_length=100)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True

    def read_bytes(self):
        with self.file.open("rb") as handle:
            return handle.read()


class ContentVersion(models.Model):
    """The version of what a namespace's public pages show ("campaign:12").

    The services that change what those pages show move it
    (``core.versions.version_move``); a kept page is stored under the version
    it was built at (``core.pagecache``). It lives here, not in the cache, so
    a cache that is flushed, lost or restored from an old copy can never
    bring back a page from before a change.
    """

    namespace = models.CharField(_("namespace"), max_length=100, unique=True)
    version = models.CharField(_("version"), max_length=32)
    moved_at = models.DateTimeField(_("moved at"), auto_now=True)

    class Meta:
        verbose_name = _("public page version")
        verbose_name_plural = _("public page versions")

    def __str__(self):
        return f"{self.namespace}: {self.version}"
