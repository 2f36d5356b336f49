"""The public site's wiring: connected once, from one place, in the order a publish runs it."""

from django.db.models.signals import post_save

from newsreel.newsroom.signals import article_published, article_unpublished
from newsreel.public import receivers, refresh


def test_every_page_family_is_registered_once_in_publish_order():
    assert refresh.EXTRA_REFRESHERS == receivers.REFRESHERS


def test_connecting_again_adds_nothing():
    before = [len(signal.receivers) for signal in (article_published, article_unpublished, post_save)]
    receivers.connect()
    after = [len(signal.receivers) for signal in (article_published, article_unpublished, post_save)]
    assert after == before and refresh.EXTRA_REFRESHERS == receivers.REFRESHERS


def test_pages_are_refreshed_before_the_search_index_follows():
    uids = [key[0] for key, *_ in article_published.receivers]
    assert uids.index("public.article_published") < uids.index("public.search.article_published")
