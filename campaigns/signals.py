from django.dispatch import Signal

# Sent inside campaign_copy's transaction once goals are copied, so that every
# app copies what it hangs off a campaign (criteria, award kinds, periods...).
# Arguments: source, target, goal_map ({old goal pk: new Goal}).
campaign_copied = Signal()

# Sent by plan_load after the 2025 campaign and its goals exist, so that each
# app loads its part of the plan (award kinds, indicators, criteria...).
# Receivers must be idempotent. Arguments: campaign.
plan_loaded = Signal()

# Sent inside the campaign rules service before a guarded change is saved; a receiver raising ValidationError refuses it. Arguments: campaign, changes ({field: (old, new)}).
campaign_rules_changing = Signal()
