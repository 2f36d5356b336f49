"""The table of role × action, and the newsroom's services checking it on their own.

Every service a desk action calls is called here directly, by each role, on a story of the
contributor's own and on someone else's: where the table refuses, the service raises
NotAllowed with the table's sentence and changes nothing, whatever page called it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Callable

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.utils import timezone

from newsreel.newsroom import people as people_service
from newsreel.films.models import Film
from newsreel.images.models import Image
from newsreel.newsroom import graph_edits, image_usage, quote_checks
from newsreel.newsroom import autosave, live_changes, permissions, preview_links, review, revisions, scheduling, trash
from newsreel.api.keys import create_key
from newsreel.api.webhooks.events import add_endpoint
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models.quote_checks import QuoteVerdict
from newsreel.newsroom.models import Article, Autosave, PreviewSecret, Revision, StoryNote, TrashedArticle
from newsreel.newsroom.permissions import (ACCOUNT_OWN, ALL, NO, GRAPH_EDIT, IMAGE_DELETE, IMAGE_EDIT, IMAGE_UPLOAD, QUOTE_CHECK, NOTE_INTERNAL, PEOPLE_MANAGE,
                                           REVIEW_QUEUE, REVIEW_REQUEST_CHANGES, REVIEW_SUBMIT, REVIEW_WITHDRAW,
                                           STORY_CREATE,
                                           STORY_EDIT, STORY_PUBLISH, STORY_PURGE, STORY_SCHEDULE,
                                           STORY_SHARE_PREVIEW, STORY_TRASH, STORY_UNPUBLISH, STORY_VIEW, USE_DESK,
                                           NotAllowed)
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft, unpublish
from newsreel.newsroom.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR, ROLES

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*, a lighthouse story.\n"
QUOTED = BODY + "\n“The lamp room was colder than any set I have worked on,” Ada Varga said.\n"


def an_image() -> Image:
    return Image.objects.create(file=f"spec/{next(NEW)}.png", width=8, height=8, alt="A grey square", credit="Spec")


def person(username: str, role: str | None) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


# ---------------------------------------------------------------- the table itself


def test_every_row_names_every_role_and_says_what_a_refused_person_reads():
    for name, rule in permissions.ACTIONS.items():
        assert set(rule.access) == set(ROLES), name
        assert rule.what and rule.refusal.endswith("."), name


def test_contributors_never_publish_unpublish_schedule_or_purge():
    for action in (STORY_PUBLISH, STORY_UNPUBLISH, STORY_SCHEDULE, STORY_PURGE):
        assert permissions.role_access(CONTRIBUTOR, action) is NO


def test_editors_do_everything_editorial_and_only_administrators_purge():
    for action in permissions.ACTIONS:
        if action != STORY_PURGE and permissions.role_access(EDITOR, action) is not ALL:
            assert action.startswith(("people.", "settings.", "integrations.")), f"{action}: editors should do it to every story"
    assert permissions.role_access(EDITOR, STORY_PURGE) is NO
    assert permissions.role_access(ADMINISTRATOR, STORY_PURGE) is ALL


def test_contributors_work_on_their_own_stories_only(small_graph):
    carla, otto = person("carla", CONTRIBUTOR), person("otto", CONTRIBUTOR)
    own = save_draft(ArticleDraft(headline="Carla's", body=BODY), user=carla)
    others = save_draft(ArticleDraft(headline="Otto's", body=BODY), user=otto)
    for action in (STORY_VIEW, STORY_EDIT, STORY_SHARE_PREVIEW, STORY_TRASH):
        assert permissions.allowed(carla, action, own) and not permissions.allowed(carla, action, others), action


def test_signed_out_roleless_and_deactivated_people_may_do_nothing_and_the_system_everything(small_graph):
    nobody, dora = person("nora", None), person("dora", EDITOR)
    dora.is_active = False
    for action in permissions.ACTIONS:
        assert not permissions.allowed(AnonymousUser(), action)
        assert not permissions.allowed(nobody, action)
        assert not permissions.allowed(dora, action)
        assert permissions.allowed(None, action)
    with pytest.raises(NotAllowed, match="deactivated"):
        permissions.require(dora, STORY_EDIT)


def test_an_action_missing_from_the_table_is_an_error_not_a_refusal():
    with pytest.raises(permissions.UnknownAction, match="story.frobnicate"):
        permissions.require(None, "story.frobnicate")


# ---------------------------------------------------------------- the services on their own

LATER = dt.timedelta(days=2)
NEW = itertools.count(1)

# action -> the service calls that perform it: (what, kind of story it needs, call(user, story)).
SERVICE_CALLS: dict[str, list[tuple[str, str | None, Callable]]] = {
    STORY_CREATE: [("save_draft (new)", None, lambda user, story: save_draft(
        ArticleDraft(headline=f"Brand new {next(NEW)}", body=BODY), user=user))],
    STORY_EDIT: [
        ("save_draft", "draft", lambda user, story: save_draft(
            ArticleDraft(headline="Changed", body=BODY, slug=story.slug), article=story, user=user)),
        ("autosave.keep", "draft", lambda user, story: autosave.keep(user, story, {"headline": "Typed"})),
        ("revisions.restore", "draft", lambda user, story: revisions.restore(story, 1, user=user)),
    ],
    STORY_PUBLISH: [
        ("publish", "draft", lambda user, story: publish(story, user=user)),
        ("save_and_publish", "draft", lambda user, story: save_and_publish(
            ArticleDraft(headline="Changed and live", body=BODY, slug=story.slug), article=story, user=user)),
    ],
    STORY_UNPUBLISH: [("unpublish", "live", lambda user, story: unpublish(story, user=user))],
    STORY_SCHEDULE: [
        ("schedule", "draft", lambda user, story: scheduling.schedule(story, at=timezone.now() + LATER, user=user)),
        ("unschedule", "scheduled", lambda user, story: scheduling.unschedule(story, user=user)),
        ("set_unpublish_time", "live", lambda user, story: scheduling.set_unpublish_time(
            story, timezone.now() + LATER, user=user)),
    ],
    STORY_SHARE_PREVIEW: [
        ("make_token", "draft", lambda user, story: preview_links.make_token(story, dt.timedelta(hours=1), user=user)),
        ("revoke_all", "draft", lambda user, story: preview_links.revoke_all(story, user=user)),
    ],
    STORY_TRASH: [
        ("trash", "draft", lambda user, story: trash.trash(story, user=user)),
        ("restore", "trashed", lambda user, story: trash.restore(story, user=user)),
    ],
    STORY_PURGE: [("purge", "trashed", lambda user, story: trash.purge(story, user=user))],
    REVIEW_SUBMIT: [("review.submit", "draft", lambda user, story: review.submit(story, user=user, note="Ready"))],
    REVIEW_REQUEST_CHANGES: [("review.request_changes", "in_review", lambda user, story: review.request_changes(
        story, user=user, note="Shorter, please"))],
    REVIEW_WITHDRAW: [("review.withdraw", "in_review", lambda user, story: review.withdraw(story, user=user))],
    REVIEW_QUEUE: [("review.queue", None, lambda user, story: review.queue(user)),
                   ("review.sent_back", None, lambda user, story: review.sent_back(user))],
    permissions.CHANGES_SUBMIT: [("live_changes.submit", "changed", lambda user, story: live_changes.submit(
        story, user=user, note="New venue"))],
    permissions.CHANGES_WITHDRAW: [("live_changes.withdraw", "changes_in_review", lambda user, story:
                                    live_changes.withdraw(story, user=user))],
    permissions.CHANGES_REQUEST: [("live_changes.request_changes", "changes_in_review", lambda user, story:
                                   live_changes.request_changes(story, user=user, note="Name the harbour"))],
    permissions.CHANGES_APPROVE: [("live_changes.approve", "changes_in_review", lambda user, story:
                                   live_changes.approve(story, user=user))],
    NOTE_INTERNAL: [("review.add_note", "draft", lambda user, story: review.add_note(story, user=user, text="Legal ok"))],
    PEOPLE_MANAGE: [("people.change_role", None, lambda user, story: people_service.change_role(
        person(f"target{next(NEW)}", CONTRIBUTOR), EDITOR, actor=user))],
    QUOTE_CHECK: [("quote_checks.check_quote", "quoted", lambda user, story: quote_checks.check_quote(
        story, text=quote_checks.found_quotes(story)[0].text, verdict=QuoteVerdict.CONFIRMED, user=user))],
    GRAPH_EDIT: [("graph_edits.save_entity", None, lambda user, story: graph_edits.save_entity(
        Film(key=f"invented-{next(NEW)}", title="An Invented Film", year=2031), user=user))],
    IMAGE_DELETE: [("image_usage.delete_image", None, lambda user, story: image_usage.delete_image(
        an_image(), user=user))],
    # The API's services; tests/api/test_desk_integrations.py checks they change nothing when refused.
    permissions.INTEGRATIONS_MANAGE: [
        ("api.keys.create_key", None, lambda user, story: create_key("Spec key", "content", by=user)),
        ("api.webhooks.add_endpoint", None, lambda user, story: add_endpoint("https://hooks.example.org/h", by=user)),
    ],
}
# Actions that read or that another app's service performs, checked by the desk only.
NO_NEWSROOM_SERVICE = {
    ACCOUNT_OWN: "Django's password form and the profile form act on the signed-in person only",
    USE_DESK: "reads lists",
    STORY_VIEW: "reads a story",
    IMAGE_UPLOAD: "newsreel.images sits below the newsroom and cannot import its table",
    IMAGE_EDIT: "the image's own form saves it; newsreel.images sits below the newsroom and cannot import its table",
}


def test_every_action_in_the_table_has_its_service_calls_here_or_a_reason():
    assert set(permissions.ACTIONS) - set(SERVICE_CALLS) - set(NO_NEWSROOM_SERVICE) == set()


def fingerprint() -> tuple:
    return (list(Article.objects.order_by("pk").values_list("pk", "state", "latest_revision_id", "headline",
                                                             "published_at", "unpublish_at", "changes_review",
                                                             "live_revision_id")),
            Revision.objects.count(), TrashedArticle.objects.count(), Autosave.objects.count(),
            StoryNote.objects.count(),
            list(PreviewSecret.objects.values_list("secret", flat=True)))


def story_of(kind: str | None, writer: User, number: int) -> Article | None:
    if kind is None:
        return None
    body = QUOTED if kind == "quoted" else BODY
    story = save_draft(ArticleDraft(headline=f"A {kind} story by {writer.username}, {number}", body=body), user=writer)
    if kind == "live":
        return publish(story)
    if kind in ("changed", "changes_in_review"):  # live, with changes its writer saved since
        story = save_draft(ArticleDraft(headline=story.headline + ", changed", body=body, slug=publish(story).slug),
                           article=story, user=writer)
        return live_changes.submit(story, user=None) if kind == "changes_in_review" else story
    if kind == "scheduled":
        return scheduling.schedule(story, at=timezone.now() + LATER)
    if kind == "trashed":
        return trash.trash(story)
    if kind == "in_review":
        return review.submit(story, user=None)
    return story


@pytest.mark.parametrize("role", [CONTRIBUTOR, EDITOR, ADMINISTRATOR, "signed out"])
@pytest.mark.parametrize("action", sorted(SERVICE_CALLS))
def test_each_service_refuses_what_the_table_refuses_and_changes_nothing(small_graph, action, role):
    carla, edith = person("carla", CONTRIBUTOR), person("edith", EDITOR)
    actor = {CONTRIBUTOR: carla, EDITOR: edith, ADMINISTRATOR: person("ann", ADMINISTRATOR),
             "signed out": AnonymousUser()}[role]
    for number, (what, kind, call) in enumerate(SERVICE_CALLS[action]):
        for writer in (carla, edith):  # the contributor's own story, and someone else's
            story = story_of(kind, writer, number)
            may = permissions.allowed(actor, action, story)
            before = fingerprint()
            if may:
                call(actor, story)
            else:
                with pytest.raises(NotAllowed) as refusal:
                    call(actor, story)
                assert str(refusal.value) == permissions.rule(action).refusal, what
                assert fingerprint() == before, f"{what} by {role} changed something when refused"
