"""`{% quote_panel %}`: the story page's list of quotes to check (desk/_quote_panel.html)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse

from newsreel.newsroom.permissions import QUOTE_CHECK, allowed
from newsreel.newsroom.quote_checks import found_quotes
from newsreel.text.quotes import SURE_CONFIDENCE

register = template.Library()


@register.inclusion_tag("desk/_quote_panel.html", takes_context=True)
def quote_panel(context) -> dict:
    article = context.get("article")
    request = context["request"]
    quotes = found_quotes(article) if article is not None else []
    return {
        "article": article,
        "quotes": quotes,
        "waiting": sum(1 for quote in quotes if quote.waiting),
        "may_check": article is not None and allowed(request.user, QUOTE_CHECK, article),
        "every_quote": settings.CONFIRM_EVERY_QUOTE,
        "sure_percent": round(SURE_CONFIDENCE * 100),
        "check_url": reverse("desk:quote_check", args=[article.pk]) if article is not None else "",
        "csrf_token": context.get("csrf_token"),
    }
