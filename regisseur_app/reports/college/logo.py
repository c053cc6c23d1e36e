"""The association's logo (PNG or SVG from the settings) as a flowable no larger than the box given."""

from __future__ import annotations

import io
import logging

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Image

log = logging.getLogger(__name__)


def logo_flowable(data: bytes, kind: str, max_width: float, max_height: float) -> Flowable | None:
    """None when there is no logo or it cannot be read (the report is then made without it, logged)."""
    if not data:
        return None
    try:
        if kind == "svg":
            return _svg(data, max_width, max_height)
        image = Image(io.BytesIO(data))
        scale = min(max_width / image.imageWidth, max_height / image.imageHeight, 1.0)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        image.hAlign = "LEFT"
        return image
    except Exception:  # noqa: BLE001 - a damaged logo must not stop a report
        log.warning("logo kon niet gelezen worden", exc_info=True)
        return None


def _svg(data: bytes, max_width: float, max_height: float) -> Drawing | None:
    from lxml import etree
    from svglib.svglib import SvgRenderer

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    drawing = SvgRenderer("logo.svg").render(root)
    if drawing is None or not drawing.width or not drawing.height:
        return None
    scale = min(max_width / drawing.width, max_height / drawing.height)
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.hAlign = "LEFT"
    return drawing
