"""Render administrative documents to PDF with WeasyPrint and the bundled fonts."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from . import documents


def render_pdf(template_name, context, *, request=None):
    """Return the PDF bytes of ``template_name`` rendered with ``context``.

    ``templates/pdf/base.html`` lays out the Decree 30/2020 header from
    ``issuer`` (``documents.issuer_header``; the commune's People's Committee
    unless given) and the column widths of ``documents``.
    """
    context = {
        "now": timezone.localtime(),
        "commune": settings.COMMUNE_NAME,
        "issuer": documents.commune_issuer(),
        "doc_layout": {
            "issuer_mm": documents.ISSUER_COLUMN_MM,
            "nation_mm": documents.NATION_COLUMN_MM,
            "issuer_pt": documents.ISSUER_SIZE_PT,
        },
        **context,
    }
    html = render_to_string(template_name, context, request=request)
    fonts = FontConfiguration()
    base_url = str(settings.BASE_DIR / "static")
    return HTML(string=html, base_url=base_url).write_pdf(font_config=fonts)


def pdf_response(pdf_bytes, filename, *, inline=False):
    """Return an HttpResponse carrying a PDF."""
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
