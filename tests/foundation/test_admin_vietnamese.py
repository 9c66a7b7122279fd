"""The admin speaks Vietnamese throughout (issue 17): Django's own strings that
its Vietnamese catalogue lacks are in the project's catalogue."""

import pytest
from django.urls import reverse

ENGLISH = (
    "Please correct the error below.",
    "Please correct the errors below.",
    "Show counts",
    "Hide counts",
    "Created at",
    "Reset password",
    "Skip to main content",
    "Toggle theme",
    "Bởi mã",
)


def _english_in(html):
    return [text for text in ENGLISH if text in html]


@pytest.mark.django_db
def test_admin_pages_render_no_english(client, office_user, sysadmin, chairman, plan):
    client.force_login(office_user)
    pages = {
        "index": client.get(reverse("admin:index")),
        "memberships": client.get(reverse("admin:units_membership_changelist")),
        "units": client.get(reverse("admin:units_unit_changelist")),
        "unit refused": client.post(reverse("admin:units_unit_add"), {}),
    }
    client.force_login(sysadmin)
    pages["account"] = client.get(
        reverse("admin:auth_user_change", args=[office_user.pk])
    )
    client.force_login(chairman)
    pages["nominations"] = client.get(reverse("admin:awards_nomination_changelist"))

    found = {
        name: _english_in(response.content.decode()) for name, response in pages.items()
    }

    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(
        pages, 200
    )
    assert found == dict.fromkeys(pages, [])
    refused = pages["unit refused"].content.decode()
    assert "Vui lòng sửa" in refused
    assert "Đặt lại mật khẩu" in pages["account"].content.decode()
    assert "Theo " in pages["nominations"].content.decode()
