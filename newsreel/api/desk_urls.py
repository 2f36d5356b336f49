"""The desk's Integrations pages, under /desk/integrations/ (namespace `integrations`)."""

from django.urls import path

from newsreel.api import desk_views

app_name = "integrations"

urlpatterns = [
    path("", desk_views.integrations, name="home"),
    path("keys/", desk_views.key_create, name="key_create"),
    path("keys/<str:public_id>/revoke/", desk_views.key_revoke, name="key_revoke"),
    path("webhooks/", desk_views.webhook_add, name="webhook_add"),
    path("webhooks/<int:pk>/", desk_views.webhook_detail, name="webhook"),
    path("webhooks/<int:pk>/remove/", desk_views.webhook_remove, name="webhook_remove"),
    path("deliveries/<int:pk>/redeliver/", desk_views.delivery_redeliver, name="delivery_redeliver"),
]
