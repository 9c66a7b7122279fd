import rules

from units.rules import is_office_staff, is_sysadmin, reads_everything

rules.add_perm("awards.view_awardkind", reads_everything | is_sysadmin)
rules.add_perm("awards.add_awardkind", is_office_staff | is_sysadmin)
rules.add_perm("awards.change_awardkind", is_office_staff | is_sysadmin)
rules.add_perm("awards.delete_awardkind", is_sysadmin)
