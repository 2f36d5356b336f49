"""An import's chunk stores its stories' old addresses together, at its end (`redirects.kept_together`).

Each redirect is what storing it at once would have left: a story rolled back in its
savepoint leaves none, two kept for one path leave the later, and a path that already
holds a page is compared with it and updated as one redirect is.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from newsreel.importers.redirects import keep_old_address, kept_together
from newsreel.public.models import StoredPage
from newsreel.public.store import store_redirect

pytestmark = pytest.mark.django_db


class Story:
    def __init__(self, slug: str) -> None:
        self.slug = slug

    def get_absolute_url(self) -> str:
        return f"/articles/{self.slug}/"


class Refused(Exception):
    pass


def redirects() -> dict[str, str]:
    return dict(StoredPage.objects.filter(kind="redirect").values_list("path", "location"))


def test_the_redirects_are_stored_at_the_end_of_the_block_without_those_of_stories_rolled_back():
    store_redirect("/2019/05/old-pier/", "/articles/somewhere-else/")
    with transaction.atomic(), kept_together():
        assert keep_old_address("https://example.com/2020/01/ferry/", Story("ferry")) is None
        try:
            with transaction.atomic():
                keep_old_address("https://example.com/2020/01/lost/", Story("lost"))
                raise Refused
        except Refused:
            pass
        keep_old_address("https://example.com/2020/01/twice/", Story("first"))
        keep_old_address("https://example.com/2020/01/twice/", Story("second"))
        keep_old_address("https://example.com/2019/05/old-pier/", Story("pier"))
        assert not StoredPage.objects.filter(path="/2020/01/ferry/").exists()  # not yet
    assert redirects() == {"/2020/01/ferry/": "/articles/ferry/", "/2020/01/twice/": "/articles/second/",
                           "/2019/05/old-pier/": "/articles/pier/"}
    ferry = StoredPage.objects.get(path="/2020/01/ferry/")
    assert ferry.status == 301 and b'href="/articles/ferry/"' in bytes(ferry.body)


def test_what_cannot_be_kept_is_said_at_once_and_outside_the_block_each_is_stored_at_once():
    with transaction.atomic(), kept_together():
        assert "one of Newsreel's own addresses" in keep_old_address("https://example.com/articles/x/", Story("y"))
    assert keep_old_address("https://example.com/2020/02/now/", Story("now")) is None
    assert redirects() == {"/2020/02/now/": "/articles/now/"}
