"""The one admin pattern for a change that a service makes, with a reason.

The admin is a window, not a side door: what a service guards (a state, a
date, a quota, a role) changes in the admin only through that service, which
checks the permission, takes the lock and writes the log with the reason. An
app declares each such page on its ``PortalModelAdmin`` in a few lines::

    service_actions = [
        ServiceAction(
            name="due",
            title=_("Change the due date"),
            form=PeriodDueForm,
            initial=("due_on",),
            service=period_due_change,
            target="period",
            permission="campaigns.change_period_rules",
            success=_("The due date of %(object)s is changed."),
        ),
    ]

and gets:

- a page at ``<object id>/<name>/``, named ``admin:<app>_<model>_<name>`` (a
  declaration named like one of Django's own pages, ``delete``, takes its
  place). Whoever may not see the model's admin gets 403, an object outside
  the user's scope 404, and whoever lacks ``permission`` on the object 403
  (or, for a ``readable`` action, the page without its form);
- on a valid submission ``service(actor=request.user, reason=…, <target>=obj,
  **the form's other cleaned data)``; the service checks again (one door).
  Its ``ValidationError`` comes back on the form, on the fields it names or
  above them, and the form keeps everything that was typed; success shows
  ``success`` and returns to the object's change page (or the list);
- a button on the object's change form (``admin/portal/change_form.html``)
  for who may use it, and the ``locked`` notice when the object's state
  forbids the change;
- with ``selection``, the same form as an action on a selection from the
  list (``<name>_selected``), the service called for each object in turn.

``RefusalKeepsFormMixin`` does the same for the ordinary add and change
forms whose ``save_model``/``save_related`` call a service: a refusal is
shown on the form, with what was typed, instead of a 500 or a lost edit.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .permissions import has_perm

#: What a page says when its declaration gives no introduction of its own.
DEFAULT_INTRO = gettext_lazy(
    "The change is checked, recorded in the history with the old and the new "
    "values, and needs a reason."
)


@dataclass(frozen=True)
class ServiceAction:
    """One admin page whose form calls ``service(actor=…, reason=…, **values)``.

    - ``name``: the URL's last part and name (``admin:<app>_<model>_<name>``);
    - ``form``: a form class (with a ``reason`` field, usually core's
      ``ReasonForm``); ``initial``: the object's attributes the form starts
      from (names, or a callable of the object returning a dict);
      ``form_target``: the keyword the form takes the object as, if it does;
    - ``service`` and ``target``: the keyword the service takes the object as
      (None when it takes it through the form's data); ``values``: a callable
      of the valid form returning what else the service takes (default: the
      form's cleaned data but the reason);
    - ``permission``: asked with the object before the form is shown and
      before the service is called (the service asks again);
      ``button_permission``: asked to offer the button (default: the same);
    - ``success``: the message after it (``%(object)s``: the object), or a
      callable of the object returning it; ``intro`` likewise;
    - ``locked``: a callable returning why the object's state forbids the
      change now ("" when it does not); shown on the page and the change form;
    - ``readable``: who may see the object but not make the change sees the
      page (the notice, not the form) instead of 403;
    - ``button``: offer the page in the change form's tools (else the app's
      template places ``service_actions.<name>`` where it belongs);
    - ``back_to``: ``"change"`` (the object's page) or ``"changelist"``;
    - ``selection``: the permission for offering the same form on a
      selection from the list; ``order`` sorts the selection;
      ``success_many`` reports it (``%(count)s``, ``%(names)s``).
    """

    name: str
    title: Any
    form: Any
    service: Any
    success: Any
    target: str | None = None
    form_target: str | None = None
    initial: Any = ()
    values: Any = None
    permission: str | None = None
    button_permission: str | None = None
    locked: Any = None
    intro: Any = DEFAULT_INTRO
    label: Any = ""
    submit: Any = gettext_lazy("Save the change")
    readable: bool = False
    button: bool = True
    back_to: str = "change"
    selection: str | None = None
    order: Any = None
    success_many: Any = gettext_lazy("Done for %(count)s: %(names)s.")

    @property
    def button_id(self):
        return "change-" + self.name.replace("_", "-")

    @property
    def selection_name(self):
        return f"{self.name}_selected"

    def url_name(self, opts):
        return f"{opts.app_label}_{opts.model_name}_{self.name}"

    def make_form(self, obj=None, data=None, files=None):
        kwargs = {}
        if obj is not None:
            if callable(self.initial):
                kwargs["initial"] = self.initial(obj)
            elif self.initial:
                kwargs["initial"] = {name: getattr(obj, name) for name in self.initial}
            if self.form_target:
                kwargs[self.form_target] = obj
        return self.form(data, files, **kwargs)

    def call(self, obj, form, actor):
        """Call the service with the form's cleaned data, the reason and the object."""
        if self.values is not None:
            values = dict(self.values(form))
        else:
            values = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
        reason = form.cleaned_data.get("reason", "")
        if self.target:
            values[self.target] = obj
        return self.service(actor=actor, reason=reason, **values)

    def lock_message(self, obj):
        return (self.locked(obj) or "") if self.locked and obj is not None else ""

    def intro_for(self, obj):
        return self.intro(obj) if callable(self.intro) else self.intro

    def success_for(self, obj):
        if callable(self.success):
            return self.success(obj)
        return self.success % {"object": obj}


def add_refusal(form, error):
    """Show a service's ``ValidationError`` on ``form``.

    Errors that name one of the form's fields go on that field; the others
    above the form. The form stays bound, so everything typed is kept.
    """
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ServiceActionsMixin:
    """The pages, buttons and list actions of a ModelAdmin's ``service_actions``."""

    #: The ``ServiceAction`` declarations of this admin.
    service_actions = ()
    service_form_template = "admin/portal/service_form.html"

    def get_service_action(self, name):
        for action in self.service_actions:
            if action.name == name:
                return action
        raise KeyError(name)

    def get_urls(self):
        urls = super().get_urls()
        if not self.service_actions:
            return urls
        own = [
            path(
                f"<path:object_id>/{action.name}/",
                self.admin_site.admin_view(self._service_view(action.name)),
                name=action.url_name(self.opts),
            )
            for action in self.service_actions
        ]
        names = {pattern.name for pattern in own}
        return own + [u for u in urls if getattr(u, "name", None) not in names]

    def _service_view(self, name):
        def view(request, object_id):
            return self.service_action_view(request, object_id, name)

        return view

    # --- One object -------------------------------------------------------------

    def service_object(self, request, object_id):
        """The object of a service page: 403 outside the admin's door, 404 out of scope."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(str(object_id)))
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404
        return obj

    def service_action_view(self, request, object_id, name):
        action = self.get_service_action(name)
        obj = self.service_object(request, object_id)
        may = action.permission is None or has_perm(
            request.user, action.permission, obj
        )
        posted = request.method == "POST"
        if not may and (posted or not action.readable):
            raise PermissionDenied
        form = None
        if may:
            form = action.make_form(
                obj, request.POST if posted else None, request.FILES if posted else None
            )
            if posted and form.is_valid():
                try:
                    action.call(obj, form, request.user)
                except ValidationError as refusal:
                    add_refusal(form, refusal)
                else:
                    self.message_user(
                        request, action.success_for(obj), messages.SUCCESS
                    )
                    return HttpResponseRedirect(self._service_back(action, obj))
        return self.render_service_page(
            request, action, form, obj=obj, objects=[obj] if action.selection else ()
        )

    def _service_back(self, action, obj):
        opts = self.opts
        if action.back_to == "changelist" or obj is None:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)]
        )

    def render_service_page(self, request, action, form, *, obj=None, objects=()):
        media = self.media
        adminform = None
        if form is not None:
            media += form.media
            adminform = helpers.AdminForm(
                form, [(None, {"fields": list(form.fields)})], {}, model_admin=self
            )
        return TemplateResponse(
            request,
            self.service_form_template,
            {
                **self.admin_site.each_context(request),
                "title": action.title,
                "subtitle": str(obj) if obj is not None and not objects else None,
                "opts": self.opts,
                "original": obj,
                "action": action,
                "intro": action.intro_for(obj),
                "locked": action.lock_message(obj),
                "objects": list(objects),
                "selection": obj is None,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "form": form,
                "adminform": adminform,
                "media": media,
                "back": self._service_back(action, obj),
            },
        )

    # --- A selection from the list -------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        for action in self.service_actions:
            if action.selection and has_perm(request.user, action.selection):
                actions[action.selection_name] = (
                    self._service_selection(action.name),
                    action.selection_name,
                    action.label or action.title,
                )
        return actions

    def _service_selection(self, name):
        def run(modeladmin, request, queryset):
            return modeladmin.service_selection_view(request, queryset, name)

        return run

    def service_selection_view(self, request, queryset, name):
        """The action's form for the selection; then the service on each, in order.

        Each refusal is reported with its object. When the service refused
        every one, the form comes back with the refusals and what was typed.
        """
        action = self.get_service_action(name)
        objects = list(action.order(queryset) if action.order else queryset)
        bound = "_service_form" in request.POST or "reason" in request.POST
        form = action.make_form(None, request.POST if bound else None)
        if bound and form.is_valid():
            done, refused = run_each(
                objects, lambda obj: action.call(obj, form, request.user)
            )
            if done:
                report_each(self, request, done, refused, action.success_many)
                return None  # back to the list
            for obj, refusal in refused:
                form.add_error(None, refusal_text(obj, refusal))
        return self.render_service_page(request, action, form, objects=objects)

    # --- The change form's buttons -------------------------------------------------

    def service_buttons(self, request, obj):
        """The change form's links to the object's service pages, and their notices.

        A link is offered to who may use it while the object's state allows
        the change; a locked action shows why, to whoever reads the page.
        """
        opts = self.opts
        buttons, locks = {}, []
        for action in self.service_actions:
            locked = action.lock_message(obj)
            if locked:
                locks.append({"id": f"{action.name}-locked", "text": locked})
                continue
            perm = action.button_permission or action.permission
            if perm is not None and not has_perm(request.user, perm, obj):
                continue
            buttons[action.name] = {
                "url": reverse(f"admin:{action.url_name(opts)}", args=[quote(obj.pk)]),
                "label": action.label or action.title,
                "id": action.button_id,
                "in_tools": action.button,
            }
        return {
            "service_actions": buttons,
            "service_tools": [b for b in buttons.values() if b["in_tools"]],
            "service_links": [b for b in buttons.values() if not b["in_tools"]],
            "service_locks": locks,
        }

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and obj.pk is not None and self.service_actions:
            context.update(self.service_buttons(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)


def run_each(objects, call):
    """Call ``call(obj)`` on each object in turn: (done, [(obj, refusal), …])."""
    done, refused = [], []
    for obj in objects:
        try:
            call(obj)
        except ValidationError as refusal:
            refused.append((obj, refusal))
        else:
            done.append(obj)
    return done, refused


def refusal_text(obj, refusal, template=None, name=str):
    return (template or _("Refused for %(name)s: %(why)s")) % {
        "name": name(obj),
        "why": " ".join(refusal.messages),
    }


def report_each(
    modeladmin, request, done, refused, success, *, refused_message=None, name=str
):
    """Say which objects the service refused (and why), then how many it did."""
    for obj, refusal in refused:
        modeladmin.message_user(
            request, refusal_text(obj, refusal, refused_message, name), messages.ERROR
        )
    if done:
        modeladmin.message_user(
            request,
            success % {"count": len(done), "names": "; ".join(name(o) for o in done)},
            messages.SUCCESS,
        )


class RefusalKeepsFormMixin:
    """A service's refusal while the admin saves comes back on the form, as typed.

    Django's add and change pages validate the form, then call
    ``save_model`` and ``save_related``, which here may call a service that
    refuses (``ValidationError``). The save runs in a savepoint: on a refusal
    it is rolled back, and the page is built again from the same request with
    the refusal added to the form's errors (``get_form``), so Django's own
    invalid-form path shows it: the typed values, the inlines, the field
    errors on their fields, the rest above the form.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return super().changeform_view(
                    request, object_id, form_url, extra_context
                )
        except ValidationError as refusal:
            request._service_refusal = refusal
        for name in request.FILES:
            for upload in request.FILES.getlist(name):
                upload.seek(0)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "_service_refusal", None)
        if refusal is None:
            return form

        class RefusedForm(form):
            def _post_clean(self):
                super()._post_clean()
                add_refusal(self, refusal)

        return RefusedForm
