from django.utils import timezone
from django.views.generic import DetailView, ListView

from units.selectors import participant_counts

from .models import Campaign
from .selectors import campaign_list, campaign_with_goals


class CampaignListView(ListView):
    """Every campaign, newest first; public."""

    template_name = "campaigns/campaign_list.html"
    context_object_name = "campaigns"

    def get_queryset(self):
        return campaign_list()


class CampaignDetailView(DetailView):
    """The plan as a page: purpose, goals a–h with h's fields, participants, timeline."""

    template_name = "campaigns/campaign_detail.html"
    context_object_name = "campaign"

    def get_object(self, queryset=None):
        try:
            return campaign_with_goals(self.kwargs["pk"])
        except Campaign.DoesNotExist as exc:
            from django.http import Http404

            raise Http404 from exc

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = self.object
        now = timezone.now()
        deadline = campaign.dossier_deadline_ends_at
        context.update(
            goals=list(campaign.goals.all()),
            participants=participant_counts(),
            now=now,
            deadline_at=deadline,
            dossiers_open=campaign.dossiers_open(now),
            days_left=max((deadline - now).days, 0),
        )
        return context
