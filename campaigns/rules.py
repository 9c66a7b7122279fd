import rules

from units.rules import is_office_staff, is_sysadmin, reads_everything

for model in ("campaign", "goal", "priorityfield"):
    rules.add_perm(f"campaigns.view_{model}", reads_everything | is_sysadmin)
    rules.add_perm(f"campaigns.add_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.change_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.delete_{model}", is_sysadmin)
