"""Settings for several machines: read from the environment, checked together, documented."""

from __future__ import annotations

import re
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsreel.config import ConfigError, load_config
from newsreel.deployment import media_storage, media_url, trusted_origins

from .processes import ON_POSTGRES, POSTGRES_URL, base_env, newsreel

ROOT = Path(__file__).resolve().parents[2]
KEY = secrets.token_urlsafe(50)


def test_a_database_url_without_a_secret_key_stops_start_up_naming_the_setting(tmp_path):
    with pytest.raises(ConfigError, match="NEWSREEL_SECRET_KEY is required when DATABASE_URL is set"):
        load_config({"DATABASE_URL": "postgres://newsreel@db/newsreel"})
    result = newsreel("check", env=base_env(tmp_path, DATABASE_URL="postgres://newsreel@127.0.0.1:1/newsreel"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "NEWSREEL_SECRET_KEY" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "value"), [
    ("NEWSREEL_SECRET_KEY", "too-short"), ("NEWSREEL_SECRET_KEY_FALLBACKS", KEY + ",short"),
    ("NEWSREEL_PROXY_SSL_HEADER", "X Forwarded Proto"), ("NEWSREEL_SECURE_COOKIES", "sometimes"),
    ("NEWSREEL_HSTS_SECONDS", "a year"), ("NEWSREEL_S3_ENDPOINT_URL", "s3.example.com"),
    ("NEWSREEL_LOG_FORMAT", "xml"), ("NEWSREEL_ACCESS_LOG", "loud"),
])
def test_a_malformed_setting_is_named(name, value):
    with pytest.raises(ConfigError, match=name):
        load_config({name: value})


def test_settings_that_need_another_name_it():
    with pytest.raises(ConfigError, match="NEWSREEL_S3_BUCKET"):
        load_config({"NEWSREEL_S3_ENDPOINT_URL": "https://s3.example.com"})
    with pytest.raises(ConfigError, match="NEWSREEL_S3_SECRET_ACCESS_KEY"):
        load_config({"NEWSREEL_S3_BUCKET": "media", "NEWSREEL_S3_ACCESS_KEY_ID": "id"})
    with pytest.raises(ConfigError, match="must not repeat"):
        load_config({"NEWSREEL_SECRET_KEY": KEY, "NEWSREEL_SECRET_KEY_FALLBACKS": KEY})


def test_the_desk_accepts_posts_from_the_site_url_and_the_extra_hosts_on_its_scheme():
    config = load_config({"NEWSREEL_SITE_URL": "https://news.example.com",
                          "NEWSREEL_ALLOWED_HOSTS": "desk.example.com, .example.org"})
    assert trusted_origins(config) == ["https://news.example.com", "https://desk.example.com",
                                       "https://*.example.org"]


SECURITY_SETTINGS = ("ALLOWED_HOSTS SECURE_PROXY_SSL_HEADER SECURE_SSL_REDIRECT SESSION_COOKIE_SECURE "
                     "CSRF_COOKIE_SECURE SECURE_HSTS_SECONDS SECURE_HSTS_INCLUDE_SUBDOMAINS SECRET_KEY_FALLBACKS")


def django_settings(tmp_path: Path, **environment: str) -> dict:
    """The Django settings a server started with this environment has (asked in a process of its own)."""
    import json

    code = ("import json; from django.conf import settings; print(json.dumps({name: getattr(settings, name) "
            f"for name in {SECURITY_SETTINGS!r}.split()}}))")
    result = newsreel("shell", "-c", code, env=base_env(tmp_path, **environment))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_an_https_site_behind_a_proxy_gets_secure_cookies_hsts_the_redirect_and_its_hosts(tmp_path):
    old_key = secrets.token_urlsafe(50)
    values = django_settings(tmp_path, NEWSREEL_SITE_URL="https://news.example.com",
                             NEWSREEL_ALLOWED_HOSTS="desk.example.com", NEWSREEL_PROXY_SSL_HEADER="X-Forwarded-Proto",
                             NEWSREEL_HSTS_SECONDS="31536000", NEWSREEL_SECRET_KEY=KEY,
                             NEWSREEL_SECRET_KEY_FALLBACKS=old_key)
    assert {"news.example.com", "desk.example.com"} <= set(values["ALLOWED_HOSTS"])
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert (values["SECURE_HSTS_SECONDS"], values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]) == (31536000, True)
    assert values["SECRET_KEY_FALLBACKS"] == [old_key]


def test_a_plain_http_site_keeps_cookies_usable_and_sends_no_hsts(tmp_path):
    values = django_settings(tmp_path, NEWSREEL_SITE_URL="http://127.0.0.1:8000")
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0 and values["SECURE_PROXY_SSL_HEADER"] is None
    forced = django_settings(tmp_path, NEWSREEL_SITE_URL="http://127.0.0.1:8000", NEWSREEL_SECURE_COOKIES="true")
    assert forced["SESSION_COOKIE_SECURE"] is forced["CSRF_COOKIE_SECURE"] is True


def test_media_go_to_the_bucket_with_public_urls_that_never_change():
    config = load_config({"NEWSREEL_S3_BUCKET": "newsroom-media", "NEWSREEL_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
                          "NEWSREEL_S3_ACCESS_KEY_ID": "id", "NEWSREEL_S3_SECRET_ACCESS_KEY": "secret"})
    storage = media_storage(config)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["querystring_auth"] is False and options["file_overwrite"] is False
    assert (options["bucket_name"], options["endpoint_url"], options["access_key"]) == (
        "newsroom-media", "http://127.0.0.1:9000", "id")
    assert media_url(config) == "http://127.0.0.1:9000/newsroom-media/"
    behind_cdn = load_config({"NEWSREEL_S3_BUCKET": "newsroom-media", "NEWSREEL_MEDIA_URL": "https://media.example.com"})
    assert media_url(behind_cdn) == "https://media.example.com/"
    assert media_storage(behind_cdn)["OPTIONS"]["custom_domain"] == "media.example.com"
    assert media_storage(load_config({}))["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_the_embedded_default_keeps_its_database_and_secret_key_private(tmp_path):
    site = tmp_path / "site"
    env = base_env(site)
    env.pop("NEWSREEL_SECRET_KEY", None)
    result = newsreel("check", env=env)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(site.stat().st_mode) == 0o700
    for name in ("newsreel.sqlite3", "secret_key"):
        assert stat.S_IMODE((site / name).stat().st_mode) == 0o600, name
    key = (site / "secret_key").read_text()
    assert newsreel("check", env=env).returncode == 0
    assert (site / "secret_key").read_text() == key, "the key is made once and kept"


def test_processes_starting_at_once_on_a_new_data_folder_share_one_whole_secret_key(tmp_path):
    """Two `migrate`s on one new folder once raced: one found the folder made under it, or the key empty."""
    site = tmp_path / "site"
    script = ("from newsreel.config import ensure_data_dir, load_config, secret_key\n"
              "config = load_config()\nensure_data_dir(config)\nprint(secret_key(config))")
    env = base_env(site)
    env.pop("NEWSREEL_SECRET_KEY", None)
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(8)]
    results = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _out, err in results]
    keys = {out.strip() for out, _err in results}
    assert keys == {(site / "secret_key").read_text()} and len(keys.pop()) >= 50
    assert sorted(path.name for path in site.iterdir() if "secret" in path.name) == ["secret_key"]


def test_an_empty_secret_key_file_stops_start_up_saying_what_to_do(tmp_path):
    site = tmp_path / "site"
    site.mkdir(mode=0o700)
    (site / "secret_key").write_text("\n")
    env = base_env(site)
    env.pop("NEWSREEL_SECRET_KEY", None)
    result = newsreel("check", env=env)
    assert result.returncode != 0
    assert "secret_key is empty" in result.stderr and "Traceback" not in result.stderr


def _deploy_doc_environment() -> dict[str, str]:
    """The environment block of docs/deploy.md, as an operator would copy it."""
    doc = (ROOT / "docs" / "deploy.md").read_text()
    block = re.search(r"```sh\n# /etc/newsreel/env\n(.*?)```", doc, re.S)
    assert block, "docs/deploy.md has no /etc/newsreel/env block"
    return dict(line.split("=", 1) for line in block.group(1).splitlines() if line and not line.startswith("#"))


def test_check_deploy_finds_nothing_to_warn_about_in_the_documented_deployment(tmp_path):
    documented = _deploy_doc_environment()
    assert {"NEWSREEL_SECRET_KEY", "NEWSREEL_PROXY_SSL_HEADER", "NEWSREEL_HSTS_SECONDS", "NEWSREEL_S3_BUCKET"} <= set(documented)
    # Placeholders become real values; the database is this run's PostgreSQL, or the embedded default.
    documented.update(NEWSREEL_SECRET_KEY=KEY, NEWSREEL_DATA_DIR=str(tmp_path / "data"))
    if ON_POSTGRES:
        documented["DATABASE_URL"] = re.sub(r"/[^/]*$", "/postgres", POSTGRES_URL)
    else:
        del documented["DATABASE_URL"]
    result = newsreel("check", "--deploy", "--fail-level", "WARNING", env=base_env(tmp_path, **documented))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_about_a_deployment_left_on_plain_http(tmp_path):
    result = newsreel("check", "--deploy", "--fail-level", "WARNING", env=base_env(tmp_path))
    assert result.returncode != 0 and "SECURE_HSTS_SECONDS" in result.stderr


def test_json_logs_carry_the_level_the_logger_and_the_traceback():
    import json
    import logging

    from newsreel.operations.logs import JsonFormatter

    try:
        raise ValueError("bucket said no")
    except ValueError:
        import sys

        record = logging.LogRecord("newsreel.operations.health", logging.WARNING, __file__, 1,
                                   "readyz: %s", ("storage",), sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert (entry["level"], entry["logger"], entry["message"]) == ("warning", "newsreel.operations.health",
                                                                   "readyz: storage")
    assert "ValueError: bucket said no" in entry["exception"] and entry["time"].endswith("+00:00")


@pytest.mark.django_db
@pytest.mark.parametrize("configured", [True, False], ids=["proxy-header-and-origins", "neither"])
def test_the_desk_login_works_behind_a_tls_proxy_once_configured(settings, django_user_model, configured):
    from django.test import Client

    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("proxy-editor", password="a-long-passphrase")
    editor.groups.add(Group.objects.get(name="editor"))
    config = load_config({"NEWSREEL_SITE_URL": "https://news.example.com"})
    settings.ALLOWED_HOSTS = ["news.example.com"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    if configured:
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        settings.CSRF_TRUSTED_ORIGINS = trusted_origins(config)
    else:  # as main had it: the proxy's https is invisible to Django
        settings.SECURE_PROXY_SSL_HEADER = None
        settings.CSRF_TRUSTED_ORIGINS = []
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="news.example.com", HTTP_X_FORWARDED_PROTO="https")
    form = browser.get("/desk/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode()).group(1)
    response = browser.post("/desk/login/", {"username": "proxy-editor", "password": "a-long-passphrase",
                                             "csrfmiddlewaretoken": token},
                            HTTP_ORIGIN="https://news.example.com", HTTP_REFERER="https://news.example.com/desk/login/")
    assert response.status_code == (302 if configured else 403)


def test_a_shared_cache_holds_the_sessions(tmp_path):
    result = newsreel("shell", "-c", "from django.conf import settings; print(settings.SESSION_ENGINE, "
                      "settings.CACHES['default']['BACKEND'])",
                      env=base_env(tmp_path, NEWSREEL_CACHE_URL="redis://127.0.0.1:6379/0"))
    assert result.stdout.strip().splitlines()[-1].split() == ["django.contrib.sessions.backends.cached_db",
                                     "django.core.cache.backends.redis.RedisCache"], result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(("fallbacks", "still_logged_in"), [(True, True), (False, False)],
                         ids=["old-key-in-fallbacks", "old-key-dropped"])
def test_rotating_the_secret_key_keeps_sessions_while_the_old_key_is_a_fallback(
        client, settings, django_user_model, fallbacks, still_logged_in):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("rotating-editor", password="a-long-passphrase")
    editor.groups.add(Group.objects.get(name="editor"))
    old_key, new_key = settings.SECRET_KEY, secrets.token_urlsafe(50)
    settings.SECRET_KEY_FALLBACKS = []
    client.force_login(editor)
    assert client.get("/desk/").status_code == 200
    settings.SECRET_KEY = new_key
    settings.SECRET_KEY_FALLBACKS = [old_key] if fallbacks else []
    response = client.get("/desk/")
    assert (response.status_code == 200) is still_logged_in
    if not still_logged_in:
        assert response.status_code == 302 and response.headers["Location"].startswith("/desk/login/")
