"""Slow down guessing: passwords tried from one address, reset mails asked for.

Two limits stand on top of django-axes' own (``AXES_FAILURE_LIMIT`` wrong
passwords for one username from one address):

* ``AXES_ADDRESS_FAILURE_LIMIT`` wrong passwords from one address, whatever
  the usernames: someone trying many accounts from one computer is paused
  too, for ``AXES_COOLOFF_MINUTES``, valid password or not. The limit is
  high, so an office behind one shared address is not paused by its own
  typing. Axes compares every lockout parameter with one limit, so the
  address's count is read here, from axes' own attempts in the database.
* ``PASSWORD_RESET_LIMIT`` reset mails asked for from one address per
  ``PASSWORD_RESET_WINDOW_MINUTES``, counted in the cache.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum

from .middleware import client_ip


def address_failures(ip_address):
    """Return the wrong passwords counted from ``ip_address``, all usernames."""
    total = AccessAttempt.objects.filter(ip_address=ip_address).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


class AddressAwareAxesHandler(AxesDatabaseHandler):
    """Axes' database handler, also pausing an address that failed too often.

    Axes locks out when ``get_failures`` reaches the failure limit; an
    address past its own, higher limit is reported as having reached it,
    and ``request.portal_address_locked`` tells the lockout page why.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        ip_address = getattr(request, "axes_ip_address", None)
        if ip_address and (
            address_failures(ip_address) >= settings.AXES_ADDRESS_FAILURE_LIMIT
        ):
            request.portal_address_locked = True
            return max(failures, get_failure_limit(request, credentials))
        return failures


def password_reset_allowed(request):
    """Count a reset mail asked for from this address; False past the limit."""
    key = f"password-reset:{client_ip(request)}"
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    cache.add(key, 0, timeout=window)
    try:
        asked = cache.incr(key)
    except ValueError:  # gone between add and incr (expired, or no cache)
        cache.set(key, 1, timeout=window)
        asked = 1
    return asked <= settings.PASSWORD_RESET_LIMIT
