"""The one shape of a deadline extension: the office's dated, reasoned extension of a
deadline for one unit (a report's due date, a dossier deadline)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..deadlines import end_of_day, register_extension_model
from .common import TEXT


class DeadlineExtension(models.Model):
    """The office lets one unit do one thing until the end of a later day.

    A concrete extension names what it extends (``subject_field``, a foreign
    key) and the subject it answers for in ``campaigns.deadlines``
    (``deadline_subject``); it registers itself there, so campaigns finds the
    dossier extensions without knowing awards. Granted, changed and withdrawn
    only through ``extension_grant``/``extension_revoke`` (logged, with a
    reason); withdrawn, it is kept for the history.
    """

    # "report" or "dossier": what campaigns.deadlines asks this model about.
    deadline_subject = ""
    # The foreign key to what is extended (a reporting period, an award kind).
    subject_field = ""

    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("unit"),
    )
    until = models.DateField(_("extended until"))
    reason = models.TextField(_("reason"), validators=TEXT)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        subject = cls.__dict__.get("deadline_subject")
        if subject:
            register_extension_model(subject, cls)

    def __str__(self):
        return _("%(unit)s — %(subject)s: until %(date)s") % {
            "unit": self.unit,
            "subject": self.subject,
            "date": self.until.strftime("%d/%m/%Y"),
        }

    @property
    def subject(self):
        """What is extended: the reporting period, the award kind."""
        return getattr(self, self.subject_field)

    @property
    def is_active(self):
        """Not withdrawn (``campaigns.deadlines`` also asks that it be later)."""
        return self.revoked_at is None

    @property
    def ends_at(self):
        """The aware instant from which the extension no longer helps."""
        return end_of_day(self.until)
