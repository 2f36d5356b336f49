"""Who may do what on the desk.

The role groups (newsreel.newsroom.roles) carry the permissions; this module turns them into
the desk's questions: may this person enter, edit this article, publish?
"""

from __future__ import annotations

from functools import wraps
from typing import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from newsreel.newsroom.models import Article
from newsreel.newsroom.roles import role_of

PUBLISH_PERMISSION = "newsroom.publish_article"
EDIT_ANY_PERMISSION = "newsroom.edit_any_article"
ADD_ARTICLE_PERMISSION = "newsroom.add_article"
ADD_IMAGE_PERMISSION = "images.add_image"

NOT_YOURS = "This article belongs to another writer; contributors can edit only their own articles."
NO_PUBLISHING = "Your role cannot publish or unpublish articles; an editor can."
NO_WRITING = "Your role cannot write articles."


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit_any(user) -> bool:
    return user.has_perm(EDIT_ANY_PERMISSION)


def can_edit(user, article) -> bool:
    """Editors edit every article; a contributor only the ones they created."""
    if can_edit_any(user):
        return True
    return user.has_perm("newsroom.change_article") and article.created_by_id == user.pk


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """A 403 that says why, in the desk's own frame."""
    return render(request, "desk/forbidden.html", {"message": message}, status=403)


def article_to_edit(request: HttpRequest, pk: int | None, *related: str) -> tuple[Article | None, HttpResponse | None]:
    """The story `pk` when this person may edit it (None for a new story they may write), or
    the refusal to answer with instead; `related` names relations to fetch with it."""
    if pk is None:
        return None, (None if request.user.has_perm(ADD_ARTICLE_PERMISSION) else forbidden(request, NO_WRITING))
    article = get_object_or_404(Article.objects.select_related(*related) if related else Article, pk=pk)
    if not can_edit(request.user, article):
        return None, forbidden(request, NOT_YOURS)
    return article, None


def article_to_publish(request: HttpRequest, pk: int) -> tuple[Article | None, HttpResponse | None]:
    """The story `pk` when this person may publish (or schedule, or take down) it, or the refusal."""
    article = get_object_or_404(Article, pk=pk)
    if not can_publish(request.user):
        return None, forbidden(request, NO_PUBLISHING)
    if not can_edit(request.user, article):
        return None, forbidden(request, NOT_YOURS)
    return article, None


def desk_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Require a signed-in user who holds a desk role; puts the role on request.desk_role."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        role = role_of(request.user)
        if role is None:
            return forbidden(
                request,
                "Your account has no newsroom role (contributor, editor or administrator), "
                "so it cannot use the desk. Ask an administrator to give you one.",
            )
        request.desk_role = role
        return view(request, *args, **kwargs)

    return wrapper
