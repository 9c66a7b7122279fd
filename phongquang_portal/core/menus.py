"""The main menu: each app registers the entries it owns; the kernel shows them.

The kernel names no app's page or permission. An app registers its entries
in its AppConfig.ready (from its ``menus`` module)::

    register_menu_entry(
        "units:list", label=_("Units"), position=30, perm="units.list_units"
    )

An entry is shown when the user passes its permission (asked through
``core.permissions.has_perm``, without an object, like every page), its
predicate ``when(user)``, and, for ``signed_in=True``, is signed in.
Top-level entries and groups are shown in order of ``position``; an entry
with ``group`` goes into that group's dropdown, in order of its own
position. The kernel registers one group, ``PUBLISHED``: what the portal
publishes (công khai), the same menu for every visitor.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .permissions import has_perm

PUBLISHED = "published"


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str
    position: int
    perm: str | None = None
    when: Callable | None = None
    signed_in: bool = False
    group: str | None = None

    is_group = False

    def shown_to(self, user):
        if self.signed_in and not (user is not None and user.is_authenticated):
            return False
        if self.perm is not None and not has_perm(user, self.perm):
            return False
        return self.when is None or bool(self.when(user))


@dataclass(frozen=True)
class MenuGroup:
    name: str
    label: str
    position: int
    element_id: str = ""


@dataclass(frozen=True)
class ShownGroup:
    """A group as one user sees it: its label and the entries shown to him."""

    group: MenuGroup
    entries: tuple = field(default=())

    is_group = True

    @property
    def label(self):
        return self.group.label

    @property
    def element_id(self):
        return self.group.element_id


_ENTRIES = {}
_GROUPS = {}


def register_menu_entry(
    url_name,
    *,
    label,
    position,
    perm=None,
    when=None,
    signed_in=False,
    group=None,
):
    """Add a link to ``url_name`` to the menu (again: replaces the earlier one)."""
    _ENTRIES[url_name] = MenuEntry(
        url_name=url_name,
        label=label,
        position=position,
        perm=perm,
        when=when,
        signed_in=signed_in,
        group=group,
    )


def register_menu_group(name, *, label, position, element_id=""):
    """Add a dropdown ``name``; the entries registered with ``group=name`` fill it."""
    _GROUPS[name] = MenuGroup(
        name=name, label=label, position=position, element_id=element_id
    )


def menu_for(user):
    """The menu as ``user`` sees it: entries and groups (with their entries), in order.

    A group none of whose entries is shown to the user is left out.
    """
    items = []
    for group in _GROUPS.values():
        entries = tuple(
            entry
            for entry in sorted(_ENTRIES.values(), key=_order)
            if entry.group == group.name and entry.shown_to(user)
        )
        if entries:
            items.append(ShownGroup(group, entries))
    items.extend(
        entry
        for entry in _ENTRIES.values()
        if entry.group is None and entry.shown_to(user)
    )
    return sorted(items, key=_item_order)


def _order(entry):
    return (entry.position, entry.url_name)


def _item_order(item):
    if isinstance(item, ShownGroup):
        return (item.group.position, item.group.name)
    return _order(item)
