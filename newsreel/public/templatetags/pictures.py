"""`{{ image|picture }}`: an Image's stored renditions as a Picture for `_picture.html`.

Reads what was made at upload or publish; never makes a rendition (templates run at render).
"""

from __future__ import annotations

from django import template

from newsreel.images.models import Image
from newsreel.images.renditions import Picture, picture as picture_of

register = template.Library()


@register.filter
def picture(image: Image | None) -> Picture | None:
    return picture_of(image)
