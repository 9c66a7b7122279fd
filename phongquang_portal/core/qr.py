"""QR codes for printed documents (a certificate's verification link)."""

import io

import segno


def qr_svg_data_uri(text, *, scale=4, border=1):
    """An ``data:image/svg+xml`` URI of a QR code for ``text``, for WeasyPrint's <img>."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(
        buffer, kind="svg", scale=scale, border=border, xmldecl=False, svgns=True
    )
    return _data_uri(buffer.getvalue())


def _data_uri(svg_bytes):
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg_bytes).decode("ascii")
