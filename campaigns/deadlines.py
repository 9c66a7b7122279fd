"""Until when may this unit do this? The one answer for every deadline of the portal.

Where each deadline and extension lives:

- A unit report is due on its period's ``ReportingPeriod.due_on``
  (campaigns/models/reports.py), the same day for every unit of the period;
  the office may extend it for one unit with a ``ReportExtension`` (same file).
- A nomination dossier for an award kind bound by the deadline
  (``AwardKind.deadline_bound``, awards/kinds/models.py) is due on the
  campaign's ``Campaign.dossier_deadline`` (campaigns/models/plan.py); the
  office may extend it for one unit and one award with a ``DossierExtension``
  (awards/extensions/models.py). Ad-hoc awards have no deadline.
- Both extensions have one shape, ``DeadlineExtension``
  (campaigns/models/extensions.py), one grant and revoke service
  (``extension_grant``/``extension_revoke`` in campaigns/services/extensions.py,
  called by ``report_extension_*`` there and ``dossier_extension_*`` in
  awards/extensions/services.py) and one page pattern
  (campaigns/extension_views.py).

The rule (``deadline_for``): a deadline ends at the end of its day, the first
instant of the next day in Vietnam time, whatever the server's clock says. A
unit's day is the due day, or the day of its extension when the office granted
one that is in force: not withdrawn and later than the due day. An extension
never shortens a deadline; one left behind by a due day moved later is simply
not in force. A new extension's day must pass the day in force and reach at
most so many days past the due day (``ensure_extendable``).

Everything that says or checks a deadline asks this module: ``report_deadline``
and ``dossier_deadline`` for one unit, ``report_deadlines`` and
``dossier_deadlines`` for the pages that list many (one query). Campaigns does
not know awards: the concrete extension models register here by subject
(``DeadlineExtension.__init_subclass__``), and an award kind is read by its
``campaign`` and ``deadline_bound``.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

# The plan's deadlines are Vietnam time ("23:59:59, giờ Việt Nam"), whatever the
# server's clock zone or the active time zone.
VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

REPORT = "report"
DOSSIER = "dossier"

# subject ("report", "dossier") → the concrete DeadlineExtension model.
_EXTENSION_MODELS = {}


def register_extension_model(subject, model):
    """Say which model holds the extensions of ``subject`` (DeadlineExtension does)."""
    _EXTENSION_MODELS[subject] = model


def extension_model(subject):
    """The concrete extension model of ``subject``, or None when its app is absent."""
    return _EXTENSION_MODELS.get(subject)


def end_of_day(day):
    """The first instant after ``day`` ends in Vietnam time (aware)."""
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(), VIETNAM
    )


def vietnam_date(moment):
    """The calendar day of ``moment`` in Vietnam time."""
    return moment.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class Deadline:
    """Until when one unit may do one thing.

    ``due_on``: the day set for everyone (None: no deadline, as for ad-hoc
    awards); ``extension``: the unit's extension in force, if any; ``until``:
    its day (kept alone when the caller knows only the day).
    """

    due_on: datetime.date | None
    until: datetime.date | None = None
    extension: object = None

    @property
    def bound(self):
        """Whether there is a deadline at all."""
        return self.due_on is not None

    @property
    def extended(self):
        """Whether the office's extension is what holds the unit."""
        return self.until is not None

    @property
    def day(self):
        """The day in force: the extension's, else the due day."""
        return self.until or self.due_on

    @property
    def ends_at(self):
        """The aware instant from which it is too late (None: never)."""
        return end_of_day(self.day) if self.bound else None

    @property
    def display(self):
        """The day in force as the portal writes dates (dd/mm/yyyy)."""
        return self.day.strftime("%d/%m/%Y") if self.bound else ""

    def __str__(self):
        return self.display

    def is_past(self, now=None):
        """True from the end of the day in force on."""
        return self.bound and (now or timezone.now()) >= self.ends_at

    def days_left(self, now=None):
        """Whole calendar days until the day in force (0 on the day and after)."""
        if not self.bound:
            return None
        return max((self.day - vietnam_date(now or timezone.now())).days, 0)

    def days_late(self, moment=None):
        """Whole days ``moment`` (a submission, or now) is past the day in force."""
        moment = moment or timezone.now()
        if not self.is_past(moment):
            return 0
        return (vietnam_date(moment) - self.day).days


NO_DEADLINE = Deadline(due_on=None)


def deadline_for(due_on, extension=None, *, until=None):
    """The one rule: ``due_on``, or the extension's day when it is in force.

    ``extension``: the unit's extension (any DeadlineExtension) or None; a
    withdrawn one, or one not later than ``due_on``, is not in force.
    ``until``: the extension's day alone, when the caller has only that.
    """
    if due_on is None:
        return NO_DEADLINE
    if extension is not None:
        if extension.revoked_at is None and extension.until > due_on:
            return Deadline(due_on, until=extension.until, extension=extension)
        return Deadline(due_on)
    if until is not None and until > due_on:
        return Deadline(due_on, until=until)
    return Deadline(due_on)


def ensure_extendable(deadline, until, *, max_days):
    """Refuse an extension's day unless it passes the day in force and reaches at
    most ``max_days`` past the due day (the refusal names the day in force)."""
    if until <= deadline.day:
        if deadline.extended:
            message = _(
                "The unit's extension already runs until %(date)s; a new date must "
                "be later. To shorten it, withdraw it and grant a new one."
            )
        else:
            message = _("An extension must end after the due date (%(date)s).")
        raise ValidationError(
            message % {"date": deadline.display}, code="extension_not_later"
        )
    if until > deadline.due_on + datetime.timedelta(days=max_days):
        raise ValidationError(
            _("An extension may reach at most %(days)s days past the due date.")
            % {"days": max_days},
            code="extension_too_long",
        )


def _pk(obj):
    return obj if isinstance(obj, int) else obj.pk


def _extensions_in_force(subject, subject_pks, unit_pks=None):
    """{(subject pk, unit pk): extension} of the extensions not withdrawn, one query."""
    model = extension_model(subject)
    if model is None or not subject_pks:
        return {}
    field = model.subject_field
    qs = model.objects.filter(
        **{f"{field}_id__in": list(subject_pks)}, revoked_at__isnull=True
    ).order_by()
    if unit_pks is not None:
        qs = qs.filter(unit_id__in=list(unit_pks))
    return {(getattr(e, f"{field}_id"), e.unit_id): e for e in qs}


def _extension_in_force(subject, subject_pk, unit):
    model = extension_model(subject)
    if model is None or unit is None:
        return None
    return (
        model.objects.filter(
            **{f"{model.subject_field}_id": subject_pk},
            unit_id=_pk(unit),
            revoked_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


class DeadlineBook:
    """The deadlines of many units for many subjects, read in one query.

    ``book.get(subject, unit)`` answers as ``report_deadline`` or
    ``dossier_deadline`` would for that unit.
    """

    def __init__(self, due_on_of, extensions):
        self._due_on_of = due_on_of
        self._extensions = extensions

    def get(self, subject, unit):
        return deadline_for(
            self._due_on_of(subject), self._extensions.get((subject.pk, _pk(unit)))
        )


# --- Reports ---------------------------------------------------------------------------


def report_deadline(period, unit=None):
    """Until when ``unit`` may hand in its report for ``period``.

    Without a unit: the period's own due day. A returned or reopened report
    may still be handed in later (``submission_is_late`` says so); the
    deadline itself does not change.
    """
    return deadline_for(period.due_on, _extension_in_force(REPORT, period.pk, unit))


def report_deadlines(periods, units=None):
    """``report_deadline`` for each period × unit (``units``: all when None)."""
    periods = list(periods)
    return DeadlineBook(
        lambda period: period.due_on,
        _extensions_in_force(
            REPORT,
            [p.pk for p in periods],
            None if units is None else [_pk(u) for u in units],
        ),
    )


def report_periods_due_between(periods, first, last):
    """The periods of ``periods`` (a queryset) in which some unit's report deadline
    falls between ``first`` and ``last``: the period's due day, or an extension
    in force."""
    return periods.filter(
        Q(due_on__range=(first, last))
        | Q(
            extensions__until__range=(first, last),
            extensions__until__gt=F("due_on"),
            extensions__revoked_at__isnull=True,
        )
    ).distinct()


# --- Nomination dossiers --------------------------------------------------------------------


def _is_award_kind(subject):
    # Awards' knowledge, read by its shape: a kind says whether the deadline binds it.
    return hasattr(subject, "deadline_bound")


def _dossier_due_on(subject):
    if not _is_award_kind(subject):
        return subject.dossier_deadline  # a campaign
    return subject.campaign.dossier_deadline if subject.deadline_bound else None


def dossier_deadline(subject, unit=None):
    """Until when ``unit``'s dossiers for an award are received.

    ``subject``: an award kind (its campaign's dossier deadline, or none when
    the kind is not bound by it; the unit's extension for that award counts),
    or a campaign (its dossier deadline, as announced to everyone).
    """
    due_on = _dossier_due_on(subject)
    if due_on is None:
        return NO_DEADLINE
    if not _is_award_kind(subject):
        return deadline_for(due_on)
    return deadline_for(due_on, _extension_in_force(DOSSIER, subject.pk, unit))


def dossier_deadlines(award_kinds, units=None):
    """``dossier_deadline`` for each award kind × unit (``units``: all when None)."""
    kinds = list(award_kinds)
    return DeadlineBook(
        _dossier_due_on,
        _extensions_in_force(
            DOSSIER,
            [k.pk for k in kinds],
            None if units is None else [_pk(u) for u in units],
        ),
    )
