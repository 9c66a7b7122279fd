"""Rows of the register of exemplary models: public page and photos, the register.

Objects come from the seeded 2026 campaign: thon1's hamlet's model (recognised,
spread to two hamlets, with photos) and thon4's hamlet's proposal (waiting for
the office).
"""

from .harness import Row

ALL_200 = "200 200 200 200 200 200 200"
ALL_405 = "405 405 405 405 405 405 405"


def own_model(world):
    from exemplars.models import ExemplaryModel

    return ExemplaryModel.objects.filter(
        campaign=world.campaign, unit=world.hamlet
    ).first()


def proposal(world):
    from exemplars.models import ExemplaryModel

    return (
        ExemplaryModel.objects.filter(campaign=world.campaign, status="proposed")
        .order_by("pk")
        .first()
    )


def photo(world):
    return own_model(world).evidence.filter(is_photo=True).order_by("pk").first()


def _pk(fn):
    return lambda world: [fn(world).pk]


ROWS = {
    #                         anon own  other office council chair sysadm
    "exemplars:public": Row(get=ALL_200, post=ALL_405),
    # A recognised model's photos are public.
    "exemplars:photo": Row(get=ALL_200, post=ALL_405, args=_pk(photo)),
    "exemplars:evidence": Row(get=ALL_200, post=ALL_405, args=_pk(photo)),
    "exemplars:register": Row(get="L 200 200 200 200 200 200", post=ALL_405),
    "exemplars:export": Row(get="L 404 404 200 200 200 200", post=ALL_405),
    # Units propose, the office records (an empty form is shown again).
    "exemplars:create": Row(
        get="L 200 200 200 404 404 404", post="L 200 200 200 404 404 404"
    ),
    "exemplars:detail": Row(
        get="L 200 404 200 200 200 200", post=ALL_405, args=_pk(own_model)
    ),
    # Recognised: only the office still corrects it.
    "exemplars:edit": Row(
        get="L 404 404 200 404 404 404",
        post="L 404 404 200 404 404 404",
        args=_pk(own_model),
    ),
    "exemplars:evidence_add": Row(
        get=ALL_405, post="L 404 404 R 404 404 404", args=_pk(own_model)
    ),
    "exemplars:evidence_delete": Row(
        get=ALL_405, post="L 404 404 R 404 404 404", args=_pk(photo)
    ),
    "exemplars:recognise": Row(
        get=ALL_405, post="L 404 404 R 404 404 404", args=_pk(proposal)
    ),
    "exemplars:decline": Row(
        get=ALL_405, post="L 404 404 R 404 404 404", args=_pk(proposal)
    ),
    "exemplars:spread": Row(
        get=ALL_405, post="L 404 404 R 404 404 404", args=_pk(own_model)
    ),
}
