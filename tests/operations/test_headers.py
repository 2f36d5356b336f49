"""The desk's front door: no cache keeps a desk page, and no page may use the camera."""

from __future__ import annotations

import pytest
from django.conf import settings

from newsreel.public.store import store_page

pytestmark = pytest.mark.django_db


def test_every_desk_page_is_private_and_never_stored(client, django_user_model):
    login = client.get("/desk/login/")
    assert login.headers["Cache-Control"] == "private, no-store"
    editor = django_user_model.objects.create_user("desk-editor", password="a-long-passphrase")
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    for path in ("/desk/", "/desk/images/", "/desk/articles/new/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "private, no-store", path
        assert "Expires" not in response.headers


def test_public_pages_keep_their_cdn_headers_and_refuse_powerful_features(client):
    store_page("/", b"<!doctype html><title>Home</title>", "home")
    response = client.get("/")
    assert response.headers["Cache-Control"].startswith("public")
    policy = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_the_stored_page_fast_path_sends_the_same_permissions_policy(db):
    import io

    from newsreel.wsgi import application

    store_page("/", b"<!doctype html><title>Home</title>", "home")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "QUERY_STRING": "", "SERVER_NAME": "testserver",
               "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
               "wsgi.input": io.BytesIO(b""), "wsgi.errors": io.StringIO(), "HTTP_HOST": "testserver"}
    started = {}
    application(environ, lambda status, headers: started.update(status=status, headers=dict(headers)))
    assert started["status"] == "200 OK"
    assert started["headers"]["Permissions-Policy"] == settings.PERMISSIONS_POLICY
