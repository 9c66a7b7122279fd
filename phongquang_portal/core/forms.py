"""Small forms every app shares."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .validators import no_control_characters

REASON_MAX_CHARS = 2000


class ReasonForm(forms.Form):
    """The one reason form: returning, reopening, refusing, correcting, granting.

    ``label`` and ``required_message`` say what the reason is for.
    """

    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_CHARS,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={
            "required": _("Please give the reason."),
            "max_length": _("Please keep the reason under 2,000 characters."),
        },
    )

    def __init__(self, *args, label=None, required_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        if label is not None:
            field.label = label
        if required_message is not None:
            field.error_messages = {
                **field.error_messages,
                "required": required_message,
            }

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()


class PortalAuthenticationForm(AuthenticationForm):
    """The log-in form whose fields point at the refusal (``#login-error``).

    A screen reader reading the username or password field after a refused
    log-in also reads why (``aria-describedby``), and the field is marked
    invalid; the template announces the message itself (``role="alert"``).
    """

    def add_error(self, field, error):
        super().add_error(field, error)
        if field is None:
            for name in ("username", "password"):
                attrs = self.fields[name].widget.attrs
                attrs["aria-describedby"] = "login-error"
                attrs["aria-invalid"] = "true"
                attrs.pop("autofocus", None)
