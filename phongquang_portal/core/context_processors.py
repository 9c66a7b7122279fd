from django.conf import settings


def portal(request):
    """Expose the commune's name and the user's roles to every template."""
    from units.selectors import roles_for

    user = getattr(request, "user", None)
    return {
        "commune_name": settings.COMMUNE_NAME,
        "user_roles": roles_for(user) if user is not None else None,
    }
