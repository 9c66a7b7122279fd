from django.conf import settings


def portal(request):
    """Expose the commune's name to every template."""
    return {"commune_name": settings.COMMUNE_NAME}
