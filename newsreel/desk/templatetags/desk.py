"""Small template helpers for the desk's forms."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def described(field, extra_errors=None):
    """Render a field's widget pointing at its help text and its errors (aria-describedby).

    `extra_errors` are problems shown beside the field that are not form errors (the text
    problems of a saved revision)."""
    has_errors = bool(field.errors or extra_errors)
    ids = []
    if has_errors:
        ids.append(f"{field.auto_id}_errors")
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if has_errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def may(user, action: str) -> bool:
    """`{% if user|may:"review.queue" %}`: the table of role × action, asked from a template."""
    from newsreel.newsroom.permissions import allowed

    return allowed(user, action)


@register.filter
def is_required(field) -> bool:
    return field.field.required or getattr(field.field, "show_required", False)
