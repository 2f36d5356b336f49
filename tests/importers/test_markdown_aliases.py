"""A static site's old addresses (`aliases`, `redirect_from`) answer 301 with the story's new one.
Until the red-team pass of 2026-12-07 every value was made a path by putting a `/` before it: an
address on another site (`https://elsewhere.example/x`) became a redirect from `/https://elsewhere.example/x`,
and one that climbs (`../../up`) a redirect from `/../../up`, which no browser ever asks for."""

from __future__ import annotations

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db


def import_with_aliases(tmp_path, aliases: str) -> str:
    post = tmp_path / "site" / "posts" / "pier-lamps.md"
    post.parent.mkdir(parents=True)
    post.write_text(f"---\ntitle: Pier lamps\ndate: 2024-03-01\naliases: {aliases}\n---\nFour lamps were lit at six.\n",
                    encoding="utf-8")
    err = StringIO()
    call_command("import", "markdown", str(post.parent.parent), stdout=StringIO(), stderr=err, verbosity=2)
    return err.getvalue()


def redirects() -> list[str]:
    return sorted(StoredPage.objects.filter(kind="redirect").values_list("path", flat=True))


def test_an_alias_on_another_site_is_left_out_with_a_warning_naming_file_line_and_value(tmp_path):
    err = import_with_aliases(tmp_path, '["https://elsewhere.example/x", "//elsewhere.example/y", "javascript:alert(1)"]')
    assert redirects() == []
    assert ("pier-lamps.md: front matter aliases, line 4: 'https://elsewhere.example/x' is an address on another "
            "site (elsewhere.example); no redirect kept") in err
    assert "front matter aliases, line 4: '//elsewhere.example/y' is an address on another site (elsewhere.example)" in err
    assert "front matter aliases, line 4: 'javascript:alert(1)' is not an address of a page; no redirect kept" in err


def test_an_alias_on_the_site_s_own_host_keeps_its_path(tmp_path):
    host = urlsplit(settings.SITE_URL).netloc
    err = import_with_aliases(tmp_path, f'["https://{host}/2019/old-pier/?ref=feed"]')
    assert redirects() == ["/2019/old-pier/"], err
    response = Client().get("/2019/old-pier/")
    assert response.status_code == 301 and response["Location"] == "/articles/pier-lamps/"


def test_an_alias_that_climbs_above_the_root_is_refused_and_one_that_stays_inside_is_normalised(tmp_path):
    err = import_with_aliases(tmp_path, '["../../up", "/2019/drafts/../pier/"]')
    assert redirects() == ["/2019/pier/"]
    assert "front matter aliases, line 4: '../../up' climbs above the site's root (..); no redirect kept" in err
    assert "front matter aliases, line 4: '/2019/drafts/../pier/' is read as '/2019/pier/', as a browser asks for it" in err
