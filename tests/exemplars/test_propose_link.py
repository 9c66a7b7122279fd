"""A unit head reaches "propose an exemplary model" from his own pages (issue 17)."""

import re

from django.urls import reverse


def test_unit_head_home_and_unit_page_offer_proposing(
    client, hamlet_head, hamlet, plan
):
    client.force_login(hamlet_head)

    home = client.get(reverse("home")).content.decode()
    unit_page = client.get(hamlet.get_absolute_url()).content.decode()

    link = re.search(r'id="propose-exemplar" href="([^"]+)"', home)
    assert link is not None
    assert link.group(1).startswith(reverse("exemplars:create"))
    assert "Đề xuất mô hình điển hình" in home
    assert 'id="propose-exemplar"' in unit_page
    assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200


def test_office_home_has_no_unit_head_proposal_button(client, office_user, plan):
    client.force_login(office_user)

    home = client.get(reverse("home")).content.decode()

    assert 'id="propose-exemplar"' not in home
