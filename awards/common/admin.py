"""The awards' admin pages whose form calls a service with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse


class ServiceFormMixin:
    """A small admin page whose form calls a service (with a reason), never save()."""

    service_form_template = "admin/awards/service_form.html"

    def _service_object(self, request, pk):
        obj = self.get_queryset(request).filter(pk=pk).first()
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return obj

    def _service_page(self, request, obj, form, *, title, intro, locked_message=""):
        return TemplateResponse(
            request,
            self.service_form_template,
            {
                **self.admin_site.each_context(request),
                "title": title,
                "intro": intro,
                "opts": self.model._meta,
                "original": obj,
                "form": form,
                "locked_message": locked_message,
                "back": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[obj.pk],
                ),
            },
        )

    def _run_service(self, request, obj, form, service, success, **kwargs):
        """Call ``service``; on success go back to the object, else show the refusal."""
        try:
            service(actor=request.user, reason=form.cleaned_data["reason"], **kwargs)
        except ValidationError as exc:
            form.add_error(None, exc)
            return None
        self.message_user(request, success, messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[obj.pk],
            )
        )
