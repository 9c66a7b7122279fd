"""Decisions: issued and replaced through one pipeline, signed, kept as issued.

The services live in ``awards.decisions.services``. Nothing is re-exported
here: Django imports this package with the app's models, and the services
bring the documents' renderers (WeasyPrint, openpyxl) with them.
"""
