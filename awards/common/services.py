"""What several of the awards' services do alike."""


def sync_fields(target, source):
    """Copy the fields a service changed back onto the caller's instance."""
    for field in source._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
    return target
