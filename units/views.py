from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from phongquang_portal.core.mixins import ScopedPermissionMixin

from .enums import UnitKind
from .models import Unit
from .selectors import heads_of_units, unit_list, units_headed_by


class UnitListView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    """All participating units, for the office, the council and the chairman."""

    permission_required = "units.view_unit"
    template_name = "units/unit_list.html"
    context_object_name = "units"
    paginate_by = 50

    def has_permission(self):
        from .selectors import roles_for

        return roles_for(self.request.user).reads_everything

    def get_queryset(self):
        kind = self.request.GET.get("kind", "")
        return unit_list(
            kind=kind if kind in UnitKind.values else None,
            search=self.request.GET.get("q", "").strip(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            kinds=UnitKind.choices,
            kind=self.request.GET.get("kind", ""),
            q=self.request.GET.get("q", ""),
        )
        return context


class MyUnitsView(LoginRequiredMixin, ListView):
    """The units the signed-in user heads."""

    template_name = "units/my_units.html"
    context_object_name = "units"

    def get_queryset(self):
        return (
            units_headed_by(self.request.user)
            .select_related("parent")
            .order_by("kind", "name")
        )


class UnitDetailView(ScopedPermissionMixin, DetailView):
    """A unit's page; another unit's head gets 404."""

    permission_required = "units.view_unit"
    template_name = "units/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        # The apps' sections on this page read these relations; load them once.
        return Unit.objects.select_related("parent").prefetch_related(
            "reports__period", "nominations__award_kind", "nominations__campaign"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        context.update(
            children=list(unit.children.all()),
            heads=heads_of_units([unit.pk]).get(unit.pk, []),
            household_count=unit.households.count(),
            people_count=unit.people.count(),
        )
        return context
