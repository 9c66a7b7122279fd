from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from phongquang_portal.core.mixins import PermissionRequiredMixin, ScopedPermissionMixin

from .enums import UnitKind
from .models import Unit
from .sections import unit_sections
from .selectors import heads_of_units, unit_list, units_headed_by


class UnitFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *UnitKind.choices],
    )


class UnitListView(PermissionRequiredMixin, ListView):
    """All participating units, for the office, the council and the chairman."""

    permission_required = "units.list_units"
    template_name = "units/unit_list.html"
    context_object_name = "units"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = UnitFilterForm(self.request.GET or None)
        filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return unit_list(
            kind=filters.get("kind") or None,
            search=(filters.get("q") or "").strip(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        context.update(
            kinds=UnitKind.choices,
            kind=filters.get("kind", ""),
            q=filters.get("q", ""),
            filter_form=self.filter_form,
        )
        return context


class MyUnitsView(PermissionRequiredMixin, ListView):
    """The units the signed-in user heads."""

    permission_required = "units.view_own_units"
    template_name = "units/my_units.html"
    context_object_name = "units"

    def get_queryset(self):
        return (
            units_headed_by(self.request.user)
            .select_related("parent")
            .order_by("kind", "name")
        )


class UnitDetailView(ScopedPermissionMixin, DetailView):
    """A unit's page; another unit's head gets 404. Each app adds its section."""

    permission_required = "units.view_unit"
    template_name = "units/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return Unit.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        context.update(
            children=list(unit.children.all()),
            heads=heads_of_units([unit.pk]).get(unit.pk, []),
            household_count=unit.households.count(),
            people_count=unit.people.count(),
            sections=unit_sections(unit, self.request),
        )
        return context
