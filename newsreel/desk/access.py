"""Who may do what on the desk.

The newsroom's table of role × action (newsreel.newsroom.permissions) decides; this module
asks it the desk's questions (may this person enter, edit this article, publish?) and turns
a refusal into the desk's 403 page with the table's sentence. The services the views call
ask the same table again.
"""

from __future__ import annotations

from functools import wraps
from typing import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from newsreel.newsroom import permissions
from newsreel.newsroom.models import Article
from newsreel.newsroom.permissions import ALL, STORY_EDIT, STORY_PUBLISH, allowed, role_access
from newsreel.newsroom.roles import role_of

DEACTIVATED = ("Your account has been deactivated, so it can no longer use the desk and nothing was changed. "
               "Ask an administrator if this is a mistake.")


def can_publish(user) -> bool:
    return allowed(user, STORY_PUBLISH)


def can_edit_any(user) -> bool:
    """Whether the person edits every story (editors), not only their own (contributors)."""
    return user.is_authenticated and user.is_active and role_access(role_of(user), STORY_EDIT) is ALL


def can_edit(user, article) -> bool:
    """Editors edit every article; a contributor only the ones they created."""
    return allowed(user, STORY_EDIT, article)


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """A 403 that says why, in the desk's own frame."""
    return render(request, "desk/forbidden.html", {"message": message}, status=403)


def refuse(request: HttpRequest, action: str, article=None) -> HttpResponse | None:
    """None when the person may do `action` (to `article`); else the 403 with the table's reason."""
    if allowed(request.user, action, article):
        return None
    return forbidden(request, permissions.rule(action).refusal)


def article_or_refusal(request: HttpRequest, pk: int, action: str, *related: str
                       ) -> tuple[Article, HttpResponse | None]:
    """The story `pk` (404 when there is none, its `related` revisions joined) and the refusal
    when the person may not do `action` to it (None when they may): every story view's first step."""
    article = get_object_or_404(Article.objects.select_related(*related), pk=pk)
    return article, refuse(request, action, article)


def deactivated_session(request: HttpRequest) -> bool:
    """Whether the request carries the session of an account deactivated since it signed in
    (Django's auth then treats it as signed out; the person deserves to know why)."""
    from django.contrib.auth import SESSION_KEY, get_user_model

    user_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if user_id is None:
        return False
    model = get_user_model()
    try:
        return model.objects.filter(pk=model._meta.pk.to_python(user_id), is_active=False).exists()
    except (ValueError, TypeError):
        return False


def desk_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Require a signed-in user who holds a desk role; puts the role on request.desk_role."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if deactivated_session(request):
                return forbidden(request, DEACTIVATED)
            return redirect_to_login(request.get_full_path())
        role = role_of(request.user)
        if role is None or not allowed(request.user, permissions.USE_DESK):
            return forbidden(
                request,
                "Your account has no newsroom role (contributor, editor or administrator), "
                "so it cannot use the desk. Ask an administrator to give you one.",
            )
        request.desk_role = role
        return view(request, *args, **kwargs)

    return wrapper
