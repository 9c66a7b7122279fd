"""Reporting periods and indicators follow their campaign: seeded with the plan, copied with it."""

from django.dispatch import receiver

from .signals import campaign_copied, plan_loaded


@receiver(plan_loaded, dispatch_uid="campaigns.load_reporting_plan")
def load_reporting_plan(sender, campaign, **kwargs):
    from .services import reporting_plan_load

    reporting_plan_load(campaign=campaign)


@receiver(campaign_copied, dispatch_uid="campaigns.copy_reporting_plan")
def copy_reporting_plan(sender, source, target, goal_map, **kwargs):
    from .services import reporting_plan_copy

    reporting_plan_copy(source=source, target=target, goal_map=goal_map)
