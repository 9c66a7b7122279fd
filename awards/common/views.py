"""What the awards' views do alike with refusals and form errors."""

from django.contrib import messages


def error_text(exc):
    return " ".join(exc.messages)


def form_errors(request, form):
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
