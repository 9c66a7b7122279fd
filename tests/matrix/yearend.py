"""Rows of the year-end app: the summary report of a round and the statistics.

The office writes and issues; the council, the chairman and the system
administrator read. Objects: the 2026 campaign's current period (no summary
written yet in the demo).
"""

from .harness import Row

ALL_405 = "405 405 405 405 405 405 405"
READERS = "L 404 404 200 200 200 200"


def period(world):
    from campaigns.selectors import current_period

    return current_period(world.campaign)


def _pk(fn):
    return lambda world: [fn(world).pk]


ROWS = {
    #                        anon own  other office council chair sysadm
    "yearend:index": Row(get=READERS, post=ALL_405),
    # The office's empty form saves nothing new and returns to the page.
    "yearend:summary": Row(
        get=READERS, post="L 404 404 R 404 404 404", args=_pk(period)
    ),
    # Nothing written yet: issuing is refused, back to the page.
    "yearend:issue": Row(get=ALL_405, post="L 404 404 R 404 404 404", args=_pk(period)),
    "yearend:pdf": Row(get=READERS, post=ALL_405, args=_pk(period)),
    "yearend:docx": Row(get=READERS, post=ALL_405, args=_pk(period)),
    "yearend:statistics": Row(get=READERS, post=ALL_405),
    "yearend:statistics_xlsx": Row(get=READERS, post=ALL_405),
}
