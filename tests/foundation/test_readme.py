"""The README tells each demo login what to try."""

from django.conf import settings


def test_readme_demo_table_says_what_to_try_for_each_login():
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| username | who | what to try") :]
    table = table[: table.index("\n\n")]
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    from units.demo import OFFICES

    logins = ["vanhoa", "chutich", "hoidong1", "thon1", "quantri"] + [
        username for username, *_rest in OFFICES
    ]
    for login in logins:
        row = next(r for r in rows if f"`{login}`" in r)
        what = row.rstrip("|").split("|")[-1].strip()
        assert len(what) > 20, login
    assert "`thon1`: the year-end report (due 10/12) is not started" in table
