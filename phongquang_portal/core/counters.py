"""Numbers allocated from a locked counter: never the same number twice."""

from django.db import IntegrityError, transaction

from .models import Counter


@transaction.atomic
def counter_next(key):
    """Return the next number of sequence ``key`` (1, 2, …), holding its row lock.

    Callers run inside their own transaction; the lock lasts until it
    commits, so a second caller waits and then gets the following number.
    """
    counter = _locked(key)
    counter.value += 1
    counter.save(update_fields=["value"])
    return counter.value


@transaction.atomic
def counter_observe(key, number):
    """Record that ``number`` was used by hand; the sequence continues after it."""
    counter = _locked(key)
    if number > counter.value:
        counter.value = number
        counter.save(update_fields=["value"])
    return counter.value


def counter_peek(key):
    """The number ``counter_next`` would give now (a form's suggestion)."""
    value = Counter.objects.filter(key=key).values_list("value", flat=True).first()
    return (value or 0) + 1


def _locked(key):
    try:
        return Counter.objects.select_for_update().get(key=key)
    except Counter.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            Counter.objects.create(key=key)
    except IntegrityError:  # created at the same moment by another request
        pass
    return Counter.objects.select_for_update().get(key=key)
