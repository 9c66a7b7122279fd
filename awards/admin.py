"""The awards' admin pages, one module per subject: importing them registers them.

- ``kinds.admin``: award kinds (their rules change through a service) and base
  salaries;
- ``nominations.admin``: the chairman's approvals;
- ``council.admin``: council meetings and the correction of their attendance;
- ``decisions.admin``: decisions, read.
"""

from .council import admin as council_admin
from .decisions import admin as decisions_admin
from .kinds import admin as kinds_admin
from .nominations import admin as nominations_admin

__all__ = ["council_admin", "decisions_admin", "kinds_admin", "nominations_admin"]
