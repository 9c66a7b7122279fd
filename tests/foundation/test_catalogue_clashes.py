"""One source string, one Vietnamese wording across every catalogue (issue 17).

Django merges the catalogues of all apps: the first app that translates a
msgid wins everywhere, so a msgid translated two ways shows one app's
wording on another app's page ("Reason for withdrawing" read as withdrawing
a publication where a cancellation was meant). Where the meanings differ
the source gives a context (``pgettext``), which makes it another entry.
"""

from collections import defaultdict
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]


def catalogues():
    """Every Vietnamese .po of the project (./locale and each app's)."""
    return sorted(
        path
        for path in ROOT.glob("**/locale/vi/LC_MESSAGES/django.po")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    )


def _where(path):
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def translations(paths):
    """{(msgctxt, msgid): {msgstr: [catalogue, ...]}} of the translated entries."""
    seen = defaultdict(lambda: defaultdict(list))
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid or "fuzzy" in entry.flags:
                continue
            if entry.msgid_plural:
                text = tuple(v for _k, v in sorted(entry.msgstr_plural.items()))
            else:
                text = entry.msgstr
            if text and any(text):
                key = (entry.msgctxt or "", entry.msgid)
                seen[key][text].append(_where(path))
    return seen


def clashes(paths):
    return {
        key: dict(wordings)
        for key, wordings in translations(paths).items()
        if len(wordings) > 1
    }


def test_catalogues_found():
    paths = catalogues()
    assert ROOT / "locale/vi/LC_MESSAGES/django.po" in paths
    assert ROOT / "awards/locale/vi/LC_MESSAGES/django.po" in paths


def test_clash_detected(tmp_path):
    for name, text in (("a", "Lý do rút công bố"), ("b", "Lý do hủy")):
        po = polib.POFile()
        po.append(polib.POEntry(msgid="Reason for withdrawing", msgstr=text))
        po.append(
            polib.POEntry(msgctxt=name, msgid="Reason for withdrawing", msgstr=text)
        )
        po.save(str(tmp_path / f"{name}.po"))

    found = clashes(sorted(tmp_path.glob("*.po")))

    assert list(found) == [("", "Reason for withdrawing")]


def test_one_msgid_one_wording_in_every_catalogue():
    found = clashes(catalogues())

    lines = [
        f"{ctxt + ' | ' if ctxt else ''}{msgid!r}: "
        + "; ".join(
            f"{text!r} in {', '.join(where)}" for text, where in wordings.items()
        )
        for (ctxt, msgid), wordings in sorted(found.items())
    ]
    assert lines == []
