"""Who may do what: one table of role × action, read by the desk's views and by the
newsroom's services alike, so a page and the service behind it cannot disagree.

Each row names an action, what each role may do (`ALL` stories, only their `OWN`, only
their own stories that were never published, or `NO`), and the sentence a refused person
reads. Signed-out visitors and deactivated accounts may do nothing; `user=None` is the
system itself (a command, an importer, the worker) and may do everything.

To add an action: add its constant and its row to ACTIONS (every role must be named), call
`require(user, ACTION, article)` in the service and check it in the view (`allowed`). The
desk's permission spec (tests/desk/test_permissions.py) then needs a request for it: it
fails for a desk address or an action it does not exercise.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from newsreel.newsroom.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR, ROLES, role_of


class Access(enum.Enum):
    NO = "no"
    OWN_NEVER_PUBLISHED = "own stories never published"
    OWN = "own stories"
    ALL = "yes"


NO, OWN_NEVER_PUBLISHED, OWN, ALL = Access.NO, Access.OWN_NEVER_PUBLISHED, Access.OWN, Access.ALL


@dataclass(frozen=True)
class Rule:
    """One row of the table: what each role may do, and what a refused person is told."""

    what: str
    access: dict[str, Access]
    refusal: str


def row(what: str, *, contributor: Access, editor: Access, administrator: Access, refusal: str) -> Rule:
    return Rule(what, {CONTRIBUTOR: contributor, EDITOR: editor, ADMINISTRATOR: administrator}, refusal)


class NotAllowed(PermissionDenied):
    """A person's role does not allow the action; the message says so and who can."""

    def __init__(self, message: str, *, action: str) -> None:
        super().__init__(message)
        self.action = action


class UnknownAction(KeyError):
    """An action with no row in ACTIONS: every action must be in the table."""


# ---------------------------------------------------------------- the actions

USE_DESK = "desk.use"
STORY_CREATE = "story.create"
STORY_VIEW = "story.view"
STORY_EDIT = "story.edit"
STORY_SHARE_PREVIEW = "story.share_preview"
STORY_PUBLISH = "story.publish"
STORY_UNPUBLISH = "story.unpublish"
STORY_SCHEDULE = "story.schedule"
STORY_TRASH = "story.trash"
STORY_PURGE = "story.purge"
IMAGE_UPLOAD = "image.upload"
REVIEW_SUBMIT = "review.submit"
REVIEW_WITHDRAW = "review.withdraw"
REVIEW_QUEUE = "review.queue"
REVIEW_REQUEST_CHANGES = "review.request_changes"
CHANGES_SUBMIT = "changes.submit"
CHANGES_WITHDRAW = "changes.withdraw"
CHANGES_REQUEST = "changes.request_changes"
CHANGES_APPROVE = "changes.approve"
NOTE_INTERNAL = "note.internal"
PEOPLE_MANAGE = "people.manage"
ACCOUNT_OWN = "account.own"
QUOTE_CHECK = "quote.check"
GRAPH_EDIT = "graph.edit"
IMAGE_EDIT = "image.edit"
IMAGE_DELETE = "image.delete"
INTEGRATIONS_MANAGE = "integrations.manage"

NOT_YOURS = "This article belongs to another writer; contributors can edit only their own articles."
EDITORS_ONLY = "Your role cannot do this; an editor or an administrator can."

ACTIONS: dict[str, Rule] = {
    USE_DESK: row("see the desk's lists: stories, images, scheduled queue, trash (contributors: their own stories)",
                  contributor=ALL, editor=ALL, administrator=ALL,
                  refusal="Your account has no newsroom role, so it cannot use the desk."),
    STORY_CREATE: row("write a new story", contributor=ALL, editor=ALL, administrator=ALL,
                      refusal="Your role cannot write articles."),
    STORY_VIEW: row("open a story, its revisions and comparisons", contributor=OWN, editor=ALL, administrator=ALL,
                    refusal=NOT_YOURS),
    STORY_EDIT: row("save, autosave, preview, restore a revision", contributor=OWN, editor=ALL, administrator=ALL,
                    refusal=NOT_YOURS),
    STORY_SHARE_PREVIEW: row("make and revoke shareable preview links", contributor=OWN, editor=ALL,
                             administrator=ALL, refusal=NOT_YOURS),
    STORY_PUBLISH: row("publish a story or its changes (approving a submitted story)", contributor=NO, editor=ALL,
                       administrator=ALL, refusal="Your role cannot publish articles; an editor can."),
    STORY_UNPUBLISH: row("take a live story off the site", contributor=NO, editor=ALL, administrator=ALL,
                         refusal="Your role cannot publish or unpublish articles; an editor can."),
    STORY_SCHEDULE: row("schedule, reschedule, unschedule, set an unpublish time", contributor=NO, editor=ALL,
                        administrator=ALL, refusal="Your role cannot schedule articles; an editor can."),
    STORY_TRASH: row("move a story to the trash, restore it from there", contributor=OWN_NEVER_PUBLISHED,
                     editor=ALL, administrator=ALL,
                     refusal="Your role cannot delete this story: contributors can delete only their own stories "
                             "that were never published; an editor can delete any."),
    STORY_PURGE: row("purge a story from the trash for good", contributor=NO, editor=NO, administrator=ALL,
                     refusal="Only an administrator can purge stories from the trash."),
    IMAGE_UPLOAD: row("upload an image", contributor=ALL, editor=ALL, administrator=ALL,
                      refusal="Your role cannot upload images."),
    REVIEW_SUBMIT: row("submit a story for review, with a note to the editors", contributor=OWN, editor=ALL,
                       administrator=ALL, refusal=NOT_YOURS),
    REVIEW_WITHDRAW: row("withdraw a story from review (back to draft) before an editor acts", contributor=OWN,
                         editor=ALL, administrator=ALL, refusal=NOT_YOURS),
    REVIEW_QUEUE: row("see the review queue", contributor=NO, editor=ALL, administrator=ALL,
                      refusal="The review queue is for editors; your submitted stories are in your article list."),
    REVIEW_REQUEST_CHANGES: row("send a story in review back to its writer with a note", contributor=NO, editor=ALL,
                                administrator=ALL, refusal="Only an editor can request changes to a story."),
    CHANGES_SUBMIT: row("submit the saved changes to a live story for review (the site keeps the live version)",
                        contributor=OWN, editor=ALL, administrator=ALL, refusal=NOT_YOURS),
    CHANGES_WITHDRAW: row("withdraw changes to a live story from review before an editor acts", contributor=OWN,
                          editor=ALL, administrator=ALL, refusal=NOT_YOURS),
    CHANGES_REQUEST: row("send changes to a live story back to their writer with a note", contributor=NO,
                         editor=ALL, administrator=ALL,
                         refusal="Only an editor can send changes to a live story back to their writer."),
    CHANGES_APPROVE: row("approve changes to a live story, which publishes them", contributor=NO, editor=ALL,
                         administrator=ALL,
                         refusal="Your role cannot approve changes to a live story; an editor can, and they go "
                                 "live when one does."),
    NOTE_INTERNAL: row("read and write editors' internal notes on a story", contributor=NO, editor=ALL,
                       administrator=ALL, refusal="Internal notes are for editors and administrators only."),
    PEOPLE_MANAGE: row("add and invite people, change roles, deactivate and reactivate, reset passwords",
                       contributor=NO, editor=NO, administrator=ALL,
                       refusal="Only an administrator can manage people (invite, change roles, deactivate, "
                               "reset passwords)."),
    QUOTE_CHECK: row("confirm a quote's speaker, change it, or mark words as not a quote", contributor=NO,
                     editor=ALL, administrator=ALL,
                     refusal="Checking who said a quote is an editor's call; ask an editor to confirm or correct it."),
    IMAGE_EDIT: row("change an image's alt text, credit, caption, focal point, tags or file", contributor=NO,
                    editor=ALL, administrator=ALL,
                    refusal="Images in the library are changed by editors: the change shows wherever they are used."),
    IMAGE_DELETE: row("delete an image that no live story uses", contributor=NO, editor=ALL, administrator=ALL,
                      refusal="Only an editor can delete images from the library."),
    GRAPH_EDIT: row("create and edit films, people and credits (also from the writing editor's panel); merge duplicates",
                    contributor=NO, editor=ALL,
                    administrator=ALL,
                    refusal="Films, people and credits are edited by editors; ask one to make the change."),
    INTEGRATIONS_MANAGE: row("make and revoke API keys, add and remove webhook endpoints, read their delivery log "
                             "and redeliver", contributor=NO, editor=NO, administrator=ALL,
                             refusal="API keys and webhooks are managed by an administrator: a key acts with a "
                                     "person's role and a webhook sends the newsroom's changes elsewhere."),
    ACCOUNT_OWN: row("change one's own author profile and password", contributor=ALL, editor=ALL, administrator=ALL,
                     refusal="Your account has no newsroom role, so it cannot use the desk."),
}


# ---------------------------------------------------------------- asking the table


def rule(action: str) -> Rule:
    try:
        return ACTIONS[action]
    except KeyError:
        raise UnknownAction(f"“{action}” has no row in newsreel.newsroom.permissions.ACTIONS") from None


def role_access(role: str | None, action: str) -> Access:
    """What a role may do (None: signed out or no role, which may do nothing)."""
    found = rule(action)
    return NO if role is None else found.access.get(role, NO)


def allowed(user, action: str, article=None) -> bool:
    """May `user` do `action` (to `article`, when the action is on a story)? With no
    article, an OWN action is allowed: the person may do it to their own stories."""
    rule(action)  # an action with no row fails here, whoever asks
    if user is None:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    access = role_access(role_of(user), action)
    if access is ALL:
        return True
    if access is NO:
        return False
    if article is None:
        return True
    own = article.created_by_id is not None and article.created_by_id == user.pk
    if access is OWN_NEVER_PUBLISHED:
        return own and article.first_published_at is None
    return own


def require(user, action: str, article=None) -> None:
    """Raise NotAllowed, with the row's sentence, unless `user` may do `action`."""
    if not allowed(user, action, article):
        if user is not None and user.is_authenticated and not user.is_active:
            raise NotAllowed("This account has been deactivated; it can no longer change anything.", action=action)
        raise NotAllowed(rule(action).refusal, action=action)


def table() -> list[tuple[str, str, dict[str, Access]]]:
    """The table as rows (action, what it is, role -> access), in ROLES order, for docs and tests."""
    return [(name, found.what, {role: found.access.get(role, NO) for role in ROLES}) for name, found in ACTIONS.items()]
