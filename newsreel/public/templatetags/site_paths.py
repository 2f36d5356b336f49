"""{% site_path "name" key=value %}: a path of the site from the URL configuration
(newsreel.links.path), for the links templates write themselves: the front page, the archive,
the search form's action."""

from __future__ import annotations

from django import template

from newsreel import links

register = template.Library()


@register.simple_tag
def site_path(name: str, **values: object) -> str:
    return links.path(name, **values)
