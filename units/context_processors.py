from .selectors import roles_for


def roles(request):
    """The user's roles for templates not yet moved to ``{% has_perm %}``.

    Transitional: templates ask permissions, not roles.
    """
    user = getattr(request, "user", None)
    return {"user_roles": roles_for(user) if user is not None else None}
