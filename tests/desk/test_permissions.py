"""The desk obeys the table of role × action (newsreel.newsroom.permissions), everywhere.

Every desk address is requested, for every action it performs, by a contributor, an editor,
an administrator, a signed-out visitor and a deactivated editor whose session is still open,
on a story of the contributor's own and on someone else's. What the table allows must not be
refused; what it refuses answers 403 (signed out: the login page) and changes nothing.

A desk address with no request below, or an action in the table that no request performs,
fails `test_every_desk_address_and_every_action_is_exercised`: a new page or a new action
cannot skip this spec.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from newsreel.desk import urls as desk_urls
from newsreel.desk.schedule_forms import local_input_value
from newsreel.newsroom import permissions
from newsreel.newsroom.intake import ArticleDraft
from newsreel.films.models import Credit, Film, Person
from newsreel.images.models import Image
from newsreel.images.services import create_image
from newsreel.newsroom.models import (Article, Autosave, EditingPresence, PreviewSecret, QuoteCheck, RelinkJob,
                                      Revision, StoryNote, TrashedArticle)
from newsreel.newsroom.permissions import (ACCOUNT_OWN, IMAGE_UPLOAD, NOTE_INTERNAL, PEOPLE_MANAGE, REVIEW_QUEUE,
                                           REVIEW_REQUEST_CHANGES, REVIEW_SUBMIT, REVIEW_WITHDRAW, STORY_CREATE, STORY_EDIT,
                                           STORY_PUBLISH, STORY_PURGE,
                                           STORY_SCHEDULE, STORY_SHARE_PREVIEW, STORY_TRASH, STORY_UNPUBLISH,
                                           STORY_VIEW, QUOTE_CHECK, GRAPH_EDIT, IMAGE_EDIT, IMAGE_DELETE, USE_DESK)
from newsreel.newsroom import graph_relinks, live_changes, review
from newsreel.newsroom.publishing import publish, save_draft
from newsreel.newsroom.scheduling import schedule
from newsreel.newsroom.trash import trash

from .conftest import BODY, article_form, make_user, png_upload

pytestmark = pytest.mark.django_db

# Addresses anyone may open, signed in or not (how one signs in and out, asks for a reset link,
# and the signed links of an invitation or a password reset, which check their own token).
OPEN_TO_ALL = {"login", "logout", "invitation", "password_reset", "password_forgot", "password_forgot_sent"}


@dataclass(frozen=True)
class Case:
    """One request: the desk address (by name), its method and data, the actions it performs,
    and which kind of story it targets ("draft", "live", "scheduled", "trashed", "in_review", "changed" (live
    with saved changes), "changes_in_review"; None: no story)."""

    url: str
    method: str
    actions: tuple[str, ...]
    story: str | None = None
    data: dict = field(default_factory=dict)
    query: str = ""
    number: bool = False  # the address also takes a revision number (1)
    person: bool = False  # the address names a person (the editor) instead of a story
    graph: str | None = None  # the address names a film or a film person ("film", "person"), not a story
    credit: bool = False  # the address also takes one of that film's or person's credits
    image: bool = False  # the address names the library's image instead of a story
    relink: bool = False  # the address names a relink job (a film's stories linked again)

    def __str__(self) -> str:
        return f"{self.method} {self.url}{'?' + self.query if self.query else ''} {self.data.get('action', '')}".strip()


def later(days: int) -> str:
    return local_input_value(timezone.now() + dt.timedelta(days=days))


CASES: list[Case] = [
    Case("articles", "GET", (USE_DESK,)),
    Case("article_new", "GET", (STORY_CREATE,)),
    Case("article_new", "POST", (STORY_CREATE,), data=article_form(headline="A new story")),
    Case("article_edit", "GET", (STORY_VIEW,), "draft"),
    Case("article_edit", "POST", (STORY_EDIT,), "draft", data=article_form(headline="Saved again")),
    Case("article_edit", "POST", (STORY_EDIT,), "draft", data=article_form(action="preview")),
    Case("article_edit", "POST", (STORY_EDIT, STORY_PUBLISH), "draft", data=article_form(action="publish")),
    Case("article_unpublish", "POST", (STORY_UNPUBLISH,), "live"),
    Case("revisions", "GET", (STORY_VIEW,), "draft"),
    Case("revision", "GET", (STORY_VIEW,), "draft", number=True),
    Case("revision_compare", "GET", (STORY_VIEW,), "draft", query="from=1&to=1"),
    Case("revision_restore", "POST", (STORY_EDIT,), "draft", number=True),
    Case("autosave_new", "POST", (STORY_CREATE,), data=article_form(headline="Typed, not saved")),
    Case("autosave", "POST", (STORY_EDIT,), "draft", data=article_form(headline="Typed, not saved")),
    Case("autosave_discard_new", "POST", (STORY_CREATE,)),
    Case("autosave_discard", "POST", (STORY_EDIT,), "draft"),
    Case("presence", "POST", (STORY_VIEW,), "draft"),
    Case("preview_link", "POST", (STORY_SHARE_PREVIEW,), "draft", data={"lifetime": "1 hour"}),
    Case("preview_link_revoke", "POST", (STORY_SHARE_PREVIEW,), "draft"),
    Case("quote_check", "POST", (QUOTE_CHECK,), "live", data={"quote": "The sea decides", "verdict": "confirmed"}),
    Case("graph_films", "GET", (USE_DESK,)),
    Case("graph_film_new", "GET", (GRAPH_EDIT,)),
    Case("graph_film", "GET", (USE_DESK,), graph="film"),
    Case("graph_film_credit_add", "POST", (GRAPH_EDIT,), graph="film",
         data={"other": "Ada Varga", "role": "producer", "job": "", "character": ""}),
    Case("graph_film_credit_remove", "POST", (GRAPH_EDIT,), graph="film", credit=True),
    Case("graph_people", "GET", (USE_DESK,)),
    Case("graph_person_new", "GET", (GRAPH_EDIT,)),
    Case("graph_person", "GET", (USE_DESK,), graph="person"),
    Case("graph_person_credit_add", "POST", (GRAPH_EDIT,), graph="person",
         data={"other": "The Paper Orchard", "role": "producer", "job": "", "character": ""}),
    Case("graph_person_credit_remove", "POST", (GRAPH_EDIT,), graph="person", credit=True),
    Case("graph_film_new", "POST", (GRAPH_EDIT,), data={"title": "Winter Ferry", "key": "winter-ferry-2026"}),
    Case("graph_film", "POST", (GRAPH_EDIT,), graph="film", data={"title": "Harbor Lights II", "aliases_text": ""}),
    Case("graph_film_merge", "POST", (GRAPH_EDIT,), graph="film", data={"duplicate": "paper-orchard-2023"}),
    Case("graph_person_new", "POST", (GRAPH_EDIT,), data={"name": "Ines Marlow", "key": "ines-marlow"}),
    Case("graph_person", "POST", (GRAPH_EDIT,), graph="person", data={"name": "Ada V. Varga", "aliases_text": ""}),
    Case("graph_person_merge", "POST", (GRAPH_EDIT,), graph="person", data={"duplicate": "mira-sol"}),
    Case("graph_relink", "GET", (USE_DESK,), relink=True),
    Case("graph_relink_status", "GET", (USE_DESK,), relink=True),
    Case("images", "GET", (USE_DESK,)),
    Case("image", "GET", (USE_DESK,), image=True),
    Case("image", "POST", (IMAGE_EDIT,), image=True,
         data={"alt": "A pier at dawn", "credit": "Desk photo", "caption": "", "focal_x": "0.3", "focal_y": "0.5",
               "tags": ""}),
    Case("image_replace", "POST", (IMAGE_EDIT,), image=True, data={"file": "png"}),
    Case("image_delete", "POST", (IMAGE_DELETE,), image=True),
    Case("images", "POST", (USE_DESK, IMAGE_UPLOAD), data={"alt": "A pier at night", "credit": "Desk photo",
                                                           "caption": "", "file": "png"}),
    Case("live_new", "POST", (STORY_CREATE,), data=article_form(headline="Typed in the editor")),
    Case("live", "POST", (STORY_EDIT,), "draft", data=article_form(headline="Typed in the editor")),
    Case("complete", "GET", (USE_DESK,), query="q=Harb"),
    Case("graph_add", "POST", (GRAPH_EDIT,), data={"kind": "person", "name": "Mara Quellon"}),
    Case("image_find", "GET", (USE_DESK,), query="q=pier"),
    Case("image_upload", "POST", (USE_DESK, IMAGE_UPLOAD), data={"alt": "A pier at noon", "credit": "Desk photo",
                                                                 "caption": "", "file": "png"}),
    Case("scheduled", "GET", (USE_DESK,)),
    Case("article_schedule_new", "POST", (STORY_CREATE, STORY_SCHEDULE),
         data=article_form(headline="Scheduled from new", publish_at=later(3))),
    Case("article_schedule", "POST", (STORY_EDIT, STORY_SCHEDULE), "draft",
         data=article_form(headline="Scheduled draft", publish_at=later(3))),
    Case("article_reschedule", "POST", (STORY_SCHEDULE,), "scheduled", data={"publish_at": later(5)}),
    Case("article_unschedule", "POST", (STORY_SCHEDULE,), "scheduled"),
    Case("article_unpublish_time", "POST", (STORY_SCHEDULE,), "live", data={"unpublish_at": later(9)}),
    Case("article_delete", "POST", (STORY_TRASH,), "draft"),
    Case("trash", "GET", (USE_DESK,)),
    Case("trash_restore", "POST", (STORY_TRASH,), "trashed"),
    Case("trash_purge", "POST", (STORY_PURGE,), "trashed"),
    Case("article_new", "POST", (STORY_CREATE, REVIEW_SUBMIT),
         data=article_form(headline="Written and submitted", action="submit", review_note="Ready when you are.")),
    Case("article_edit", "POST", (STORY_EDIT, REVIEW_SUBMIT), "draft",
         data=article_form(headline="Submitted draft", action="submit", review_note="Please read.")),
    Case("article_edit", "POST", (STORY_EDIT, STORY_PUBLISH), "in_review", data=article_form(action="publish")),
    Case("review", "GET", (REVIEW_QUEUE,)),
    Case("review_request_changes", "POST", (REVIEW_REQUEST_CHANGES,), "in_review",
         data={"note": "Cut the second paragraph."}),
    Case("review_withdraw", "POST", (REVIEW_WITHDRAW,), "in_review", data={"note": "One more pass first."}),
    Case("note_add", "POST", (NOTE_INTERNAL,), "draft", data={"text": "Legal has seen this."}),
    Case("article_edit", "POST", (STORY_EDIT, permissions.CHANGES_SUBMIT), "changed",
         data=article_form(headline="Changed again", action="submit_changes", changes_note="New venue.")),
    Case("changes_withdraw", "POST", (permissions.CHANGES_WITHDRAW,), "changes_in_review", data={"note": "Not yet."}),
    Case("changes_request_changes", "POST", (permissions.CHANGES_REQUEST,), "changes_in_review",
         data={"note": "Which harbour?"}),
    Case("changes_approve", "POST", (permissions.CHANGES_APPROVE,), "changes_in_review"),
    Case("people", "GET", (PEOPLE_MANAGE,)),
    Case("person_add", "GET", (PEOPLE_MANAGE,)),
    Case("person", "GET", (PEOPLE_MANAGE,), person=True),
    Case("person_role", "POST", (PEOPLE_MANAGE,), person=True, data={"role-role": "contributor"}),
    Case("person_deactivate", "POST", (PEOPLE_MANAGE,), person=True),
    Case("person_reactivate", "POST", (PEOPLE_MANAGE,), person=True),
    Case("person_invite", "POST", (PEOPLE_MANAGE,), person=True),
    Case("person_reset", "POST", (PEOPLE_MANAGE,), person=True),
    Case("account", "GET", (ACCOUNT_OWN,)),
    Case("account_password", "GET", (ACCOUNT_OWN,)),
]

IDENTITIES = ("contributor", "editor", "administrator", "signed out", "deactivated")


@pytest.fixture
def world(graph):
    """A contributor, an editor, an administrator, a deactivated editor, and one story of each
    kind both by the contributor ("own") and by the editor ("other")."""
    people = {
        "contributor": make_user("carla", "contributor"), "editor": make_user("edith", "editor"),
        "administrator": make_user("ann", "administrator"), "deactivated": make_user("dora", "editor"),
    }
    stories = {}
    create_image(png_upload(), alt="The library's picture", credit="Desk photo")
    graph_relinks.queue(Film.objects.get(key="harbor-lights-2025"))  # a film's stories waiting to be linked again
    for owner, writer in (("own", people["contributor"]), ("other", people["editor"])):
        def draft(kind: str) -> Article:
            return save_draft(ArticleDraft(headline=f"{owner} {kind} story", body=BODY), user=writer)
        stories[owner, "draft"] = draft("draft")
        stories[owner, "live"] = publish(draft("live"))  # made live by the system: contributors cannot
        stories[owner, "scheduled"] = schedule(draft("scheduled"), at=timezone.now() + dt.timedelta(days=2))
        stories[owner, "trashed"] = trash(draft("trashed"))
        stories[owner, "in_review"] = review.submit(draft("in review"), user=writer, note="Ready.")
        for kind in ("changed", "changes_in_review"):  # live, with changes its writer saved since
            story = publish(draft(kind))
            stories[owner, kind] = save_draft(ArticleDraft(headline=f"{owner} {kind} story, changed", body=BODY,
                                                           slug=story.slug), article=story, user=writer)
        live_changes.submit(stories[owner, "changes_in_review"], user=writer, note="New venue.")
    return people, stories


def fingerprint() -> tuple:
    """Everything a desk request may change, to prove a refusal changed nothing."""
    return (
        list(Article.objects.order_by("pk").values_list("pk", "state", "latest_revision_id", "published_at",
                                                         "unpublish_at", "headline", "changes_review",
                                                         "live_revision_id")),
        Revision.objects.count(), TrashedArticle.objects.count(), Autosave.objects.count(),
        list(PreviewSecret.objects.order_by("pk").values_list("article_id", "secret")),
        list(Image.objects.order_by("pk").values_list("pk", "alt", "focal_x", "width", "file")),
        EditingPresence.objects.count(), StoryNote.objects.count(),
        list(QuoteCheck.objects.values_list("article_id", "verdict")),
        list(Film.objects.order_by("pk").values_list("pk", "title", "aliases")),
        list(Person.objects.order_by("pk").values_list("pk", "name", "aliases")),
        list(Credit.objects.order_by("pk").values_list("pk", "film_id", "person_id", "role")),
        list(User.objects.order_by("pk").values_list("pk", "is_active", "password", "email", "groups__name")),
    )


def client_for(identity: str, people: dict) -> Client:
    client = Client()
    if identity in people:
        client.force_login(people[identity])
    if identity == "deactivated":  # signed in while active, then deactivated by an administrator
        User.objects.filter(pk=people[identity].pk).update(is_active=False)
    return client


def address(case: Case, story: Article | None, people: dict) -> str:
    args = [story.pk] if story is not None else []
    if case.person:
        args = [people["editor"].pk]
    if case.image:
        args = [Image.objects.get().pk]
    if case.graph:
        entity = (Film.objects.get(key="harbor-lights-2025") if case.graph == "film"
                  else Person.objects.get(key="ada-varga"))
        args = [entity.pk]
        if case.credit:
            args.append(Credit.objects.filter(**{case.graph: entity}).first().pk)
    if case.relink:
        args = [RelinkJob.objects.order_by("pk").first().pk]
    if case.number:
        args.append(1)
    return reverse(f"desk:{case.url}", args=args) + (f"?{case.query}" if case.query else "")


def run(client: Client, case: Case, story: Article | None, people: dict):
    url = address(case, story, people)
    if case.method == "GET":
        return client.get(url)
    data = dict(case.data)
    if data.get("file") == "png":
        data["file"] = png_upload()
    if story is not None and "body" in data:
        data["base_revision"] = story.latest_revision.number
    return client.post(url, data)


def expected(identity: str, people: dict, case: Case, story: Article | None) -> bool:
    if identity in ("signed out", "deactivated"):
        return False
    return all(permissions.allowed(people[identity], action, story) for action in case.actions)


def targets(case: Case) -> list[str | None]:
    return ["own", "other"] if case.story else [None]


def switch_off_service_checks(monkeypatch) -> None:
    """Make every newsroom service's own check a no-op, so only the views' checks remain."""
    import sys

    import newsreel.newsroom.autosave, newsreel.newsroom.preview_links, newsreel.newsroom.scheduling  # noqa: F401,E401
    import newsreel.newsroom.trash  # noqa: F401  (all loaded, so all are switched off)

    real = permissions.require
    patched = [module for name, module in list(sys.modules.items())
               if name.startswith("newsreel.") and module is not permissions and getattr(module, "require", None) is real]
    assert len(patched) >= 5, patched
    for module in patched:
        monkeypatch.setattr(module, "require", lambda *args, **kwargs: None)


@pytest.mark.parametrize("layer", ["views and services", "views alone"])
@pytest.mark.parametrize("identity", IDENTITIES)
def test_every_desk_address_answers_each_role_as_the_table_says(world, identity, layer, monkeypatch):
    """With the services' own checks switched off, the views alone still refuse (the services
    alone are checked in tests/newsroom/test_permissions.py)."""
    people, stories = world
    if layer == "views alone":
        switch_off_service_checks(monkeypatch)
    problems = []
    for case in CASES:
        for owner in targets(case):
            story = stories[owner, case.story] if owner else None
            with transaction.atomic():  # each request starts from the same world
                client = client_for(identity, people)
                before = fingerprint()
                response = run(client, case, story, people)
                may = expected(identity, people, case, story)
                where = f"{identity} · {case} · {owner or 'no'} story"
                refused_to_login = response.status_code == 302 and response["Location"].startswith("/desk/login/")
                if may:
                    if response.status_code == 403 or refused_to_login or response.status_code >= 500:
                        problems.append(f"{where}: allowed by the table, answered {response.status_code}")
                else:
                    wanted = "login" if identity == "signed out" else 403
                    got = "login" if refused_to_login else response.status_code
                    if got != wanted:
                        problems.append(f"{where}: refused by the table, answered {response.status_code}, not {wanted}")
                    if fingerprint() != before:
                        problems.append(f"{where}: refused, but something changed")
                    if identity == "deactivated" and "has been deactivated" not in response.content.decode():
                        problems.append(f"{where}: the refusal does not say the account was deactivated")
                transaction.set_rollback(True)
    assert problems == [], "\n".join(problems)


# Actions whose pages live outside newsreel.desk.urls, with the spec that requests each of them
# for every role the way this one does.
EXERCISED_ELSEWHERE = {
    permissions.INTEGRATIONS_MANAGE: "tests/api/test_desk_integrations.py (the API's pages under /desk/integrations/)",
}


def test_every_desk_address_and_every_action_is_exercised():
    names = {pattern.name for pattern in desk_urls.urlpatterns if isinstance(pattern, URLPattern)}
    unexercised = names - OPEN_TO_ALL - {case.url for case in CASES}
    assert unexercised == set(), (
        f"desk addresses no case requests: {sorted(unexercised)}; add a Case for each (and a row to "
        "newsreel.newsroom.permissions.ACTIONS for any new action)")
    unused = set(permissions.ACTIONS) - {action for case in CASES for action in case.actions} - set(EXERCISED_ELSEWHERE)
    assert unused == set(), f"actions in the table no desk request performs: {sorted(unused)}"


def test_an_action_missing_from_the_table_fails_loudly(editor):
    with pytest.raises(permissions.UnknownAction, match="no row"):
        permissions.allowed(editor, "story.frobnicate")
