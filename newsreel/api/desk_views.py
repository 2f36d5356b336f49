"""The desk's Integrations pages: API keys and webhook endpoints, their delivery log and
redelivery, for administrators.

They live with the API (not in `newsreel.desk`) because they are the API's own settings; they
wear the desk's frame and ask the same table of role × action (`integrations.manage`) before
the page, and the services they call ask it again.
"""

from __future__ import annotations

from typing import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from newsreel.api.desk_forms import ApiKeyForm, WebhookForm
from newsreel.api.keys import KeyProblem, create_key, revoke
from newsreel.api.models import ApiKey, WebhookDelivery, WebhookEndpoint
from newsreel.api.webhooks.delivery import redeliver
from newsreel.api.webhooks.events import add_endpoint, remove_endpoint
from newsreel.desk.access import desk_view, forbidden, refuse
from newsreel.newsroom.permissions import INTEGRATIONS_MANAGE

DELIVERIES_PER_PAGE = 25


def administrators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The desk's check before the page (the table's sentence on a 403); services check again."""
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return refuse(request, INTEGRATIONS_MANAGE) or view(request, *args, **kwargs)
    wrapper.__name__, wrapper.__doc__ = view.__name__, view.__doc__
    return desk_view(wrapper)


def _page(request: HttpRequest, *, key_form: ApiKeyForm | None = None, webhook_form: WebhookForm | None = None,
          new_token: str = "", status: int = 200) -> HttpResponse:
    keys = ApiKey.objects.select_related("user").order_by("revoked_at", "-created_at")
    endpoints = WebhookEndpoint.objects.order_by("-created_at")
    return render(request, "api/desk/integrations.html", {
        "nav": "integrations", "keys": keys, "endpoints": endpoints, "new_token": new_token,
        "key_form": key_form or ApiKeyForm(), "webhook_form": webhook_form or WebhookForm(),
    }, status=status)


@never_cache
@administrators_only
def integrations(request: HttpRequest) -> HttpResponse:
    return _page(request)


@never_cache
@require_POST
@administrators_only
def key_create(request: HttpRequest) -> HttpResponse:
    """Make a key and show it once, in this answer only (never in a redirect, a message or a log)."""
    form = ApiKeyForm(request.POST)
    if not form.is_valid():
        return _page(request, key_form=form, status=400)
    data = form.cleaned_data
    try:
        made = create_key(data["name"], data["kind"], user=data["user"], scopes=data["scopes"],
                          origins=form.origin_list(), by=request.user)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except KeyProblem as problem:
        form.add_error(None, str(problem))
        return _page(request, key_form=form, status=400)
    return _page(request, new_token=made.token)


@require_POST
@administrators_only
def key_revoke(request: HttpRequest, public_id: str) -> HttpResponse:
    key = get_object_or_404(ApiKey, public_id=public_id)
    try:
        revoked = revoke(key.public_id, by=request.user)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    if revoked:
        messages.success(request, f"The key “{key.name}” is revoked: requests carrying it are refused from now on.")
    else:
        messages.info(request, f"The key “{key.name}” was already revoked.")
    return redirect("integrations:home")


@require_POST
@administrators_only
def webhook_add(request: HttpRequest) -> HttpResponse:
    form = WebhookForm(request.POST)
    if not form.is_valid():
        return _page(request, webhook_form=form, status=400)
    try:
        endpoint = add_endpoint(form.cleaned_data["url"], events=form.cleaned_data["events"],
                                description=form.cleaned_data["description"], by=request.user)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValueError as problem:
        form.add_error("url", str(problem))
        return _page(request, webhook_form=form, status=400)
    messages.success(request, "The endpoint is added. Give its signing secret (below) to the receiver so it can "
                              "check each message.")
    return redirect("integrations:webhook", pk=endpoint.pk)


@never_cache
@administrators_only
def webhook_detail(request: HttpRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("-created_at", "-pk")
    page = Paginator(deliveries, DELIVERIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "api/desk/webhook_detail.html",
                  {"nav": "integrations", "endpoint": endpoint, "page": page})


@require_POST
@administrators_only
def webhook_remove(request: HttpRequest, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    try:
        remove_endpoint(endpoint.pk, by=request.user)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    messages.success(request, f"The endpoint {endpoint.url} and its delivery log are removed.")
    return redirect("integrations:home")


@require_POST
@administrators_only
def delivery_redeliver(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
    was_disabled = not delivery.endpoint.enabled
    try:
        redeliver(delivery.pk, by=request.user)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    messages.success(request, f"Message {delivery.message_id} is queued again; the worker sends it within a minute."
                     + (" The endpoint is enabled again." if was_disabled else ""))
    return redirect("integrations:webhook", pk=delivery.endpoint_id)
