"""/robots.txt: crawl everything public, never the desk, and find the sitemaps."""

from __future__ import annotations

from django.conf import settings

from newsreel.public.models import StoredPage


def test_robots_txt_allows_the_site_disallows_the_desk_and_names_the_sitemap_index(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /desk/" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: /desk/" for line in lines)


def test_robots_txt_is_a_stored_page_with_cache_headers(client, db):
    response = client.get("/robots.txt")
    assert StoredPage.objects.filter(path="/robots.txt", kind="robots").exists()
    assert "s-maxage" in response["Cache-Control"] and response["Last-Modified"]
    assert client.get("/robots.txt", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_robots_txt_follows_the_site_url(client, db, settings):
    client.get("/robots.txt")
    settings.SITE_URL = "https://films.example"
    assert "Sitemap: https://films.example/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_the_sitemap_named_by_robots_txt_answers(client, db):
    sitemap = next(line for line in client.get("/robots.txt").content.decode().splitlines() if line.startswith("Sitemap:"))
    path = sitemap.removeprefix(f"Sitemap: {settings.SITE_URL}")
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml; charset=utf-8"
