"""Admin base classes shared by the apps: a window on the data, never a side door.

``PortalModelAdmin`` asks the same rules permissions as the portal
(``core.permissions.has_perm``: ``app.view_model``, ``app.add_model``…, and
the app's module permission ``app`` for the admin index). Fields a service
guards are listed in ``guarded_fields``: they are read-only once the object
exists, and change only through an admin action that calls the service.
Every other change made here is written to the activity log with its old
and new values. The pages that change a guarded field through its service
are declared in ``service_actions`` (``core.admin_forms.ServiceAction``);
a service's refusal while saving comes back on the form, with what was
typed (``core.admin_forms.RefusalKeepsFormMixin``).
"""

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist

from .activity import as_log_text, log_action
from .admin_forms import RefusalKeepsFormMixin, ServiceActionsMixin
from .ids import parse_id
from .permissions import has_perm


class PortalModelAdmin(ServiceActionsMixin, RefusalKeepsFormMixin, admin.ModelAdmin):
    """Admin that obeys the rules predicates and logs what it changes."""

    #: Fields only a service changes: read-only on an existing object.
    guarded_fields = ()
    #: Offers the ``service_actions`` of the object and says when they are locked.
    change_form_template = "admin/portal/change_form.html"

    def _perm(self, action):
        return f"{self.opts.app_label}.{action}_{self.opts.model_name}"

    def has_module_permission(self, request):
        return has_perm(request.user, self.opts.app_label)

    def _may(self, request, action, obj=None):
        # The app's admin section is the door: who may not enter it (the
        # chairman in the office's records) is refused on every page of it.
        return self.has_module_permission(request) and has_perm(
            request.user, self._perm(action), obj
        )

    def has_view_permission(self, request, obj=None):
        return self._may(request, "view", obj)

    def has_add_permission(self, request):
        return self._may(request, "add")

    def has_change_permission(self, request, obj=None):
        return self._may(request, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request, "delete", obj)

    def get_changeform_initial_data(self, request):
        """The add page's values from the query string, minus ids that are no ids.

        ``?unit=²`` would reach the autocomplete widget's query and answer 500:
        a related field's initial value is kept only when it is 0–9 digits.
        """
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            values = value if isinstance(value, list) else [value]
            if field.is_relation and any(parse_id(v) is None for v in values):
                del initial[name]
        return initial

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields += [f for f in self.guarded_fields if f not in fields]
        return fields

    def save_model(self, request, obj, form, change):
        before = (
            type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        )
        changes = admin_changes(form, before, obj) if change else {}
        super().save_model(request, obj, form, change)
        if change and not changes:
            return
        log_action(
            obj,
            "admin.changed" if change else "admin.added",
            actor=request.user,
            data={"changes": changes} if changes else {},
        )

    def history_view(self, request, object_id, extra_context=None):
        """The object's history from the portal's activity log, as officials read it."""
        from django.core.exceptions import PermissionDenied
        from django.template.response import TemplateResponse

        from .activity import history_for

        obj = self.get_object(request, object_id)
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "admin/portal_history.html",
            {
                **self.admin_site.each_context(request),
                "title": str(obj),
                "subtitle": None,
                "opts": self.opts,
                "object": obj,
                "entries": list(history_for(obj)[:200]),
                **(extra_context or {}),
            },
        )

    def delete_model(self, request, obj):
        log_action(obj, "admin.deleted", actor=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            log_action(obj, "admin.deleted", actor=request.user)
        super().delete_queryset(request, queryset)


class PortalInlineMixin:
    """Inlines ask the parent's permissions, so the office cannot change through them
    what it may not change on the page itself."""

    def has_add_permission(self, request, obj=None):
        return has_perm(request.user, self._perm("add"))

    def has_change_permission(self, request, obj=None):
        return has_perm(request.user, self._perm("change"), obj)

    def has_delete_permission(self, request, obj=None):
        return has_perm(request.user, self._perm("delete"), obj)

    def has_view_permission(self, request, obj=None):
        return has_perm(request.user, self._perm("view"), obj)

    def _perm(self, action):
        return f"{self.opts.app_label}.{action}_{self.opts.model_name}"


def admin_changes(form, before, after):
    """{field: {"label", "old", "new"}} for what an admin form changed.

    ``before`` is the object as stored, ``after`` as the form left it.
    """
    changes = {}
    concrete = {f.name for f in after._meta.concrete_fields}
    for name in form.changed_data:
        field = form.fields.get(name)
        if field is None:
            continue
        if name in concrete and before is not None:
            old, new = getattr(before, name), getattr(after, name)
        else:
            old, new = form.initial.get(name), form.cleaned_data.get(name)
        changes[name] = {
            "label": str(field.label or name),
            "old": _text(old),
            "new": _text(new),
        }
    return changes


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_text(v) for v in value)
    return as_log_text(value)
