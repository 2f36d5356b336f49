"""The story page's quote panel: confirm a quote's speaker, change it, or mark words as not
a quote (newsreel.newsroom.quote_checks keeps the decisions).

The writing editor's panel posts to the same view with `Accept: application/json` and is
answered in JSON (what was done, or why not) instead of being sent back to the page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from newsreel.desk.access import desk_view, refuse
from newsreel.films.models import Person
from newsreel.newsroom import permissions, quote_checks
from newsreel.newsroom.models import Article, QuoteVerdict, SpeakerKind
from newsreel.newsroom.permissions import QUOTE_CHECK

DONE = {
    QuoteVerdict.CONFIRMED: "Confirmed the speaker of “{quote}”.",
    QuoteVerdict.SPEAKER: "“{quote}” is now given to {speaker}.",
    QuoteVerdict.NOT_A_QUOTE: "“{quote}” is no longer treated as a quote.",
}


def person_key_from(typed: str) -> str:
    """A person typed in the panel: `person:key` from the list, a bare key, or an exact name."""
    typed = " ".join(typed.split())
    key = typed.removeprefix("person:")
    if Person.objects.filter(key=key).exists():
        return key
    named = list(Person.objects.filter(name__iexact=typed).values_list("key", flat=True)[:2])
    return named[0] if len(named) == 1 else key


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@require_POST
@desk_view
def quote_check(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("latest_revision", "live_revision"), pk=pk)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if refusal := refuse(request, QUOTE_CHECK, article):
        return JsonResponse({"error": permissions.rule(QUOTE_CHECK).refusal}, status=403) if wants_json else refusal
    text = request.POST.get("quote", "")
    verdict = request.POST.get("verdict", "")
    back = redirect(f"{article_url(article)}#quotes")

    def done(message: str) -> HttpResponse:
        if wants_json:
            return JsonResponse({"message": message})
        messages.success(request, message)
        return back

    try:
        if verdict == "undo":
            if quote_checks.undo_check(article, text=text, user=request.user):
                return done(f"“{_short(text)}” is read by the text core again.")
            return JsonResponse({"message": ""}) if wants_json else back
        kind = request.POST.get("speaker_kind", "")
        check = quote_checks.check_quote(
            article, text=text, verdict=verdict, user=request.user, speaker_kind=kind,
            person_key=person_key_from(request.POST.get("person", "")) if kind == SpeakerKind.PERSON else "",
            speaker_name=request.POST.get("speaker_name", ""),
        )
    except quote_checks.QuoteCheckError as error:
        if wants_json:
            return JsonResponse({"error": f"Quote not changed: {error}"}, status=400)
        messages.error(request, f"Quote not changed: {error}")
        return back
    speaker = check.person.name if check.person else check.speaker_name
    if check.speaker_kind == SpeakerKind.ORGANISATION:
        speaker += " (an organisation)"
    return done(DONE[QuoteVerdict(check.verdict)].format(quote=_short(check.text), speaker=speaker))


def article_url(article: Article) -> str:
    from django.urls import reverse

    return reverse("desk:article_edit", args=[article.pk])
