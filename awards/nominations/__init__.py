"""The nomination dossiers: created and edited by units, checked by the office,
approved or not by the chairman; their documents and drafts."""
