"""Every desk page, opened in Chromium, passes axe-core with no violation (wide and light,
320 px and dark) and the Nu HTML Checker with no error: sign-in, "forgot password", the story list (plain,
filtered, with a filter error), a new, an existing and a scheduled story, revisions, a
revision, images, the scheduled queue, the trash, the review queue, a story in review as its
editor and as its writer sees it, a live story's changes in review (both ways) and sent back, a
contributor's draft, and the refusal page. A desk address
that nobody visits here fails the last spec, so a new page cannot miss the check."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern
from django.utils import timezone

from newsreel.desk import urls as desk_urls
from newsreel.films.knowledge import import_knowledge_graph
from newsreel.films.models import Film, Person
from newsreel.images.services import create_image
from newsreel.newsroom import live_changes, review
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom import account_links
from newsreel.newsroom.models import Section
from newsreel.newsroom.people import add_person
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft
from newsreel.newsroom.trash import trash
from tests.browser.test_accessibility import AXE_RUN, VIEWS, axe_source  # noqa: F401  (fixture)
from tests.public.test_html_valid import validator  # noqa: F401  (fixture)

from .conftest import BODY, GRAPH, make_user, png_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Desk addresses that only take a POST (their answers are redirects or the pages below).
POST_ONLY = {"logout", "article_unpublish", "article_delete", "trash_restore", "trash_purge", "article_schedule_new",
             "article_schedule", "article_reschedule", "article_unschedule", "article_unpublish_time",
             "autosave", "autosave_new", "autosave_discard", "autosave_discard_new", "presence", "preview_link",
             "preview_link_revoke", "revision_restore", "person_role", "person_deactivate", "person_reactivate",
             "person_invite", "person_reset", "review_request_changes", "review_withdraw", "note_add", "quote_check",
             "graph_film_credit_add", "graph_film_credit_remove", "graph_film_merge", "graph_person_credit_add",
             "graph_person_credit_remove", "graph_person_merge", "image_replace", "image_delete",
             "live", "live_new", "image_upload", "graph_add", "changes_withdraw", "changes_request_changes",
             "changes_approve"}
# Desk addresses that answer JSON to the writing editor, not pages (tests/desk/test_writing.py).
JSON_ONLY = {"complete", "image_find", "graph_relink_status"}
# Desk pages whose own spec runs axe and the Nu checker on them.
CHECKED_ELSEWHERE = {
    "revision_compare": "test_editing_safely_accessibility.py, test_editing_safely_html.py",
}


def desk_pages() -> dict[str, tuple[str, str, int]]:
    """name -> (path, who is signed in, status): one story of each kind behind them."""
    import_knowledge_graph(GRAPH)
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    editor = make_user("edith", "editor")
    make_user("ann", "administrator")
    carla = make_user("carla", "contributor")
    image = create_image(png_upload(), alt="A lighthouse at dusk", credit="Newsroom photo")
    live = save_and_publish(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=BODY, section="news",
                                         authors=["Nadia Ferro"], hero_image=image.pk), user=editor)
    save_draft(ArticleDraft(headline="Ada Varga finishes Harbor Lights at last", body=BODY + "\nMore.\n",
                            slug=live.slug, section="news", authors=["Nadia Ferro"], hero_image=image.pk),
               article=live, user=editor)
    trash(save_draft(ArticleDraft(headline="A memo nobody needs", body="Nothing.\n"), user=editor), user=editor)
    scheduled = save_and_publish(ArticleDraft(headline="Harbor Lights review lifts on Friday", body=BODY,
                                              publish_at=timezone.now() + dt.timedelta(days=3)), user=editor)
    # Review: one story sent back with a note and submitted again, with an editors' note; one draft of carla's.
    in_review = review.submit(save_draft(ArticleDraft(headline="Harbor Lights: the keeper speaks", body=BODY),
                                         user=carla), user=carla, note="Ready for a read.\nThe ending is embargoed.")
    review.request_changes(in_review, user=editor, note="Name the distributor.")
    review.submit(in_review, user=carla, note="Done.")
    review.add_note(in_review, user=editor, text="Legal cleared the ending.")
    own_draft = save_draft(ArticleDraft(headline="Carla's first draft", body=BODY), user=carla)
    # Changes to a live story: carla's live stories (the system published them), changed and
    # submitted; one sent back.
    carla_live = publish(save_draft(ArticleDraft(headline="Harbor Lights opens the festival", body=BODY), user=carla))
    live_changes.submit(save_draft(ArticleDraft(headline="Harbor Lights opens the festival", body=BODY + "\nMore.\n",
                                                slug=carla_live.slug), article=carla_live, user=carla),
                        user=carla, note="The venue changed.")
    sent_back = publish(save_draft(ArticleDraft(headline="Harbor Lights sells out", body=BODY), user=carla))
    live_changes.submit(save_draft(ArticleDraft(headline="Harbor Lights sells out twice", body=BODY,
                                                slug=sent_back.slug), article=sent_back, user=carla), user=carla)
    live_changes.request_changes(sent_back, user=editor, note="Twice? Check the box office.")
    from tests.newsroom.test_quote_checks import BODY as QUOTED

    quoted = save_and_publish(ArticleDraft(headline="Ada Varga on the money", body=QUOTED), user=editor)
    invited = add_person(actor=None, username="iris", email="iris@newsroom.example", role="contributor",
                         first_name="Iris", last_name="Lund")
    # Integrations (the API's desk pages): a key of each kind, an endpoint with a failed delivery.
    from newsreel.api.keys import create_key
    from newsreel.api.models import WebhookDelivery
    from newsreel.api.webhooks.events import add_endpoint, emit

    create_key("Homepage widget", "content", origins=["https://widgets.example"])
    create_key("Wire importer", "admin", user=editor, scopes=["stories:write"])
    endpoint = add_endpoint("https://hooks.example.org/newsreel", description="Search team")
    emit("story.published", {"id": live.pk})
    WebhookDelivery.objects.update(state="failed", attempts=1, last_status=500, last_error="answered 500",
                                   log=[{"at": "2026-05-01T10:00:00+00:00", "status": 500, "error": "answered 500",
                                         "seconds": 0.2}])
    # A film whose stories the worker is linking again, half way, with one story that failed.
    from newsreel.newsroom.models import RelinkJob

    orchard = Film.objects.get(key="paper-orchard-2023")
    relinking = RelinkJob.objects.create(kind="film", entity_id=orchard.pk, label=str(orchard), state="running",
                                         story_ids=[live.pk, quoted.pk], total=2, checked=1, changed=1,
                                         errors=[{"story": live.pk, "error": "the renderer fell over"}],
                                         claimed_by="elsewhere:1", heartbeat_at=timezone.now())
    welcome = "/desk/welcome/{}/{}/".format(*account_links.make(account_links.INVITATION, invited))
    # Someone who signs in nowhere here: a sign-in retires a reset link, as Django means it to.
    reset = "/desk/password-reset/{}/{}/".format(*account_links.make(account_links.RESET, make_user("rita", "editor")))
    return {
        "login": ("/desk/login/", "", 200),
        "password_forgot": ("/desk/login/forgot/", "", 200),
        "password_forgot_sent": ("/desk/login/forgot/sent/", "", 200),
        "people": ("/desk/people/", "ann", 200),
        "person_add": ("/desk/people/new/", "ann", 200),
        "person": (f"/desk/people/{editor.pk}/", "ann", 200),
        "person-invited": (f"/desk/people/{invited.pk}/", "ann", 200),
        "account": ("/desk/account/", "carla", 200),
        "account_password": ("/desk/account/password/", "carla", 200),
        "invitation": (welcome, "", 200),
        "invitation-refused": (welcome[:-4] + "00/", "", 400),
        "password_reset": (reset, "", 200),
        "review": ("/desk/review/", "edith", 200),
        "article_edit-in-review": (f"/desk/articles/{in_review.pk}/", "edith", 200),
        "article_edit-contributor-in-review": (f"/desk/articles/{in_review.pk}/", "carla", 200),
        "article_edit-contributor-draft": (f"/desk/articles/{own_draft.pk}/", "carla", 200),
        "article_edit-live-changes": (f"/desk/articles/{carla_live.pk}/", "edith", 200),
        "article_edit-contributor-live-changes": (f"/desk/articles/{carla_live.pk}/", "carla", 200),
        "article_edit-contributor-live-sent-back": (f"/desk/articles/{sent_back.pk}/", "carla", 200),
        "articles": ("/desk/", "edith", 200),
        "articles-filtered": ("/desk/?q=harbor&state=published&sort=headline&section=news", "edith", 200),
        "articles-filter-error": ("/desk/?film=Nowhere+Film&since=2026-05-02&until=2026-05-01", "edith", 400),
        "article_new": ("/desk/articles/new/", "edith", 200),
        "article_edit": (f"/desk/articles/{live.pk}/", "edith", 200),
        "revisions": (f"/desk/articles/{live.pk}/revisions/", "edith", 200),
        "revision": (f"/desk/articles/{live.pk}/revisions/1/", "edith", 200),
        "images": ("/desk/images/", "edith", 200),
        "scheduled": ("/desk/scheduled/", "edith", 200),
        "article_edit-scheduled": (f"/desk/articles/{scheduled.pk}/", "edith", 200),
        "trash": ("/desk/trash/", "ann", 200),
        "article_edit-quotes": (f"/desk/articles/{quoted.pk}/", "edith", 200),
        "article_edit-quotes-contributor": (f"/desk/articles/{own_draft.pk}/", "carla", 200),
        "graph_films": ("/desk/films/?q=harbor", "edith", 200),
        "graph_people": ("/desk/film-people/", "edith", 200),
        "graph_film_new": ("/desk/films/new/", "edith", 200),
        "graph_person_new": ("/desk/film-people/new/", "edith", 200),
        "graph_film": (f"/desk/films/{Film.objects.get(key='harbor-lights-2025').pk}/", "edith", 200),
        "graph_film-contributor": (f"/desk/films/{Film.objects.get(key='harbor-lights-2025').pk}/", "carla", 200),
        "graph_person": (f"/desk/film-people/{Person.objects.get(key='ada-varga').pk}/", "edith", 200),
        "graph_film-relinking": (f"/desk/films/{relinking.entity_id}/", "edith", 200),
        "graph_relink": (f"/desk/knowledge/relinks/{relinking.pk}/", "edith", 200),
        "image": (f"/desk/images/{image.pk}/", "edith", 200),
        "image-contributor": (f"/desk/images/{image.pk}/", "carla", 200),
        "images-search": ("/desk/images/?q=lighthouse", "edith", 200),
        "forbidden": (f"/desk/articles/{live.pk}/", "carla", 403),
        "integrations": ("/desk/integrations/", "ann", 200),
        "integrations-webhook": (f"/desk/integrations/webhooks/{endpoint.pk}/", "ann", 200),
        "integrations-refused": ("/desk/integrations/", "edith", 403),
    }


@pytest.fixture
def pages(db):
    return desk_pages()


# Wide and light, narrow and dark: the two ends of the layouts and of the colours.
DESK_VIEWS = {name: VIEWS[name] for name in ("light", "320px-dark")}


def signed_in_context(chromium, live_server, username: str, view: dict):
    """A browser context signed in as `username` (a Django session cookie)."""
    from django.contrib.auth.models import User

    context = chromium.new_context(**view, bypass_csp=True)
    if username:
        client = Client()
        client.force_login(User.objects.get(username=username))
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    return context


def nu_errors(validator: list[str], documents: dict[str, bytes], folder) -> dict[str, list[str]]:
    """The Nu checker's errors for several pages in one run (Java starts once)."""
    for name, html in documents.items():
        (folder / f"{name}.html").write_bytes(html)
    command = [part for part in validator if part != "-"] + [str(folder / f"{name}.html") for name in documents]
    checked = subprocess.run(command, capture_output=True, timeout=300)
    report = json.loads(checked.stdout or b"{}")
    if "messages" not in report:
        raise AssertionError(f"the validator did not run: {checked.stderr.decode(errors='replace')[:500]}")
    found: dict[str, list[str]] = {name: [] for name in documents}
    for message in report["messages"]:
        if message.get("type") in {"error", "non-document-error"} or message.get("subType") == "fatal":
            name = Path(urlsplit(message.get("url", "")).path).stem  # file:/.../NAME.html
            found.setdefault(name, []).append(
                f"Nu line {message.get('lastLine', '?')}: {message['message']} ({message.get('extract', '').strip()})")
    return found


def test_every_desk_page_passes_axe_and_the_nu_checker(chromium, live_server, axe_source, validator, pages, tmp_path):
    found: dict[str, list[str]] = {name: [] for name in pages}
    documents: dict[str, bytes] = {}
    for view_name, view in DESK_VIEWS.items():
        contexts = {}
        try:
            for name, (path, username, status) in pages.items():
                if username not in contexts:
                    contexts[username] = signed_in_context(chromium, live_server, username, view)
                page = contexts[username].new_page()
                page.set_default_timeout(15_000)
                response = page.goto(live_server.url + path)
                assert response is not None and response.status == status, (name, path, response and response.status)
                documents[name] = response.body()
                page.add_script_tag(content=axe_source)
                found[name] += [f"axe {view_name}: {v['id']} ({v['impact']}): {v['help']}: " + "; ".join(v["nodes"])
                                for v in page.evaluate(AXE_RUN)]
                page.close()
        finally:
            for context in contexts.values():
                context.close()
    for name, errors in nu_errors(validator, documents, tmp_path).items():
        found.setdefault(name, []).extend(errors)
    problems = [f"{name}: {problem}" for name, items in found.items() for problem in items]
    assert problems == [], "\n".join(problems)


def test_the_nu_run_over_several_pages_reports_each_pages_errors(validator, tmp_path):
    """The one-run check above could not pass by accident: a broken page is named."""
    good = b"<!doctype html><html lang=en><title>x</title><p>fine</p></html>"
    broken = b"<!doctype html><html lang=en><title>x</title><p><div>open</p></span>"
    found = nu_errors(validator, {"good": good, "broken": broken}, tmp_path)
    assert found["good"] == [] and found["broken"] != []


def test_the_spec_above_visits_every_desk_page():
    names = {pattern.name for pattern in desk_urls.urlpatterns if isinstance(pattern, URLPattern)}
    visited = {"login", "articles", "article_new", "article_edit", "revisions", "revision", "images", "trash",
               "scheduled", "people", "person_add", "person", "account", "account_password", "invitation",
               "password_reset", "review", "graph_films", "graph_people", "graph_film_new", "graph_person_new",
               "graph_film", "graph_person", "graph_relink", "image", "password_forgot", "password_forgot_sent"}
    unvisited = names - visited - POST_ONLY - JSON_ONLY - CHECKED_ELSEWHERE.keys()
    assert unvisited == set(), (
        f"desk pages not checked by axe and the Nu checker: {sorted(unvisited)}; add each to desk_pages() "
        "and to `visited` (or to POST_ONLY if it answers only POST)")
