"""The plan's data, in one place and one style: ``plan/<year>/<part>.toml``.

The yearly plan (Kế hoạch …/KH-UBND) is data, stored as written: the
campaign and its goals, the reporting periods and indicators, the scoring
criteria, the award kinds. Each app reads its own part with ``plan_part``;
the kernel only reads files and knows no app.
"""

import tomllib
from pathlib import Path

from django.conf import settings


def plan_dir(year):
    return Path(getattr(settings, "PLAN_DIR", settings.BASE_DIR / "plan")) / str(year)


def plan_part(part, year=2025):
    """The parsed ``plan/<year>/<part>.toml`` (dates as ``datetime.date``)."""
    with open(plan_dir(year) / f"{part}.toml", "rb") as handle:
        return tomllib.load(handle)
