"""The unit page is shared: each app adds its own section to it.

Units knows no workflow. An app that has something to show about a unit
registers a section in its AppConfig.ready::

    register_unit_section(
        "campaigns/_unit_section.html", context=report_section_context, position=10
    )

``context(unit, request)`` returns the section's template context (its own
queries, a fixed number whatever the size).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitSection:
    template: str
    context: Callable
    position: int


_SECTIONS = []


def register_unit_section(template, *, context, position=100):
    if any(section.template == template for section in _SECTIONS):
        return
    _SECTIONS.append(UnitSection(template, context, position))
    _SECTIONS.sort(key=lambda section: section.position)


def unit_sections(unit, request):
    """Every app's section for ``unit``, rendered, in order."""
    from django.template.loader import render_to_string

    return [
        render_to_string(section.template, section.context(unit, request), request)
        for section in _SECTIONS
    ]
