"""What the campaigns app tells the apps built on it (scoring, awards).

Campaigns knows neither scoring nor awards: they listen here.
"""

from django.dispatch import Signal

# Sent inside campaign_copy's transaction once the goals, reporting periods and
# indicators are copied, so that every app copies what it hangs off a campaign
# (criteria, award kinds...). Arguments: source, target, goal_map
# ({old goal pk: new Goal}). Texts copied as they are that name the source's year
# ("năm 2025") go to the copy's review list: a receiver passes its own objects to
# ``campaigns.services.review_collect(campaign=target, source_year=source.year,
# entries=[(obj, [(field, label)])])``, which keeps those that name the year.
campaign_copied = Signal()

# Sent by plan_load after the 2025 campaign, its goals, periods and indicators
# exist, so that each app loads its part of the plan (award kinds, criteria...).
# Receivers must be idempotent. Arguments: campaign.
plan_loaded = Signal()

# Sent by the services that change a campaign's rules (campaign_dates_change:
# starts_on, ends_on, dossier_deadline; campaign_set_status: status), inside
# their transaction, with the campaign's row locked, after the permission,
# the reason and the bounds are checked and BEFORE anything is saved:
#
#     campaign_rules_changing.send(
#         sender=Campaign, campaign=campaign, changes={field: (old, new)}
#     )
#
# ``changes`` holds only the fields that really change. A receiver may refuse
# the change by raising ``ValidationError`` (with a ``code`` and a Vietnamese
# message): it is sent with ``send``, not ``send_robust``, so the error reaches
# the caller, the transaction rolls back and nothing is saved or logged. The
# awards app, for instance, refuses to move ``dossier_deadline`` once a
# nomination for a deadline-bound award has been submitted.
campaign_rules_changing = Signal()
