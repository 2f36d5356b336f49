"""What the newsroom tells the rest of Newsreel; the public site listens.

Each signal is sent inside the publishing transaction, so a receiver that raises rolls
the whole publish back and the previous version goes on serving.
"""

from django.dispatch import Signal

# kwargs: article (the live Article after the change), previous (an ArticleSnapshot of
# what readers saw before, neighbours included, or None when it was not live).
article_published = Signal()
# kwargs: article, previous (ArticleSnapshot of what was live)
article_unpublished = Signal()
# kwargs: article (now scheduled; published_at is when it goes live)
article_scheduled = Signal()
# kwargs: article (live), people (keys of the people whose pages showed or now show its
# quotes): an editor checked a quote of a live story (newsreel.newsroom.quote_checks).
quotes_checked = Signal()
# kwargs: kind ("film" or "person"), old_key, new_key, old_url, new_url: a duplicate film or
# person was merged into another (newsreel.newsroom.graph_edits); its old address should
# answer with the new one.
entity_merged = Signal()
