"""Old path of the exemplary models a dossier cites: ``citable_models_for`` lives in
``awards.nominations.selectors``, ``nomination_models_cite`` in its services."""

from .nominations.selectors import citable_models_for
from .nominations.services import nomination_models_cite

__all__ = ["citable_models_for", "nomination_models_cite"]
