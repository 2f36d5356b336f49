"""`newsreel relink-stories`: after an upgrade whose text core reads differently, every live
story's mentions and quotes are derived again; only the stories that changed are republished."""

from io import StringIO

import pytest
from django.core.management import call_command

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Quote
from newsreel.newsroom.publishing import save_and_publish

pytestmark = pytest.mark.django_db


def relink() -> str:
    out = StringIO()
    call_command("relink_stories", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_story_an_older_core_read_differently_is_linked_again_and_the_others_are_left(small_graph):
    quoted = save_and_publish(ArticleDraft(headline="Varga speaks", body="“We shot it in nine days,” Ada Varga said."),
                              origin="test")
    save_and_publish(ArticleDraft(headline="Prices", body="Ticket prices rose again this spring."), origin="test")
    right = list(Quote.objects.filter(article=quoted).values_list("person__key", "confidence"))
    assert right and right[0][0] == "ada-varga"
    # What an older core left: the speaker shown at another confidence than this core gives.
    Quote.objects.filter(article=quoted).update(confidence=0.5)
    revision = quoted.live_revision
    revision.derived = {**revision.derived, "quotes": [[*quote[:5], 0.5] for quote in revision.derived["quotes"]]}
    revision.save(update_fields=["derived"])

    assert "Checked 2 live stories" in (said := relink()) and "1 linked again, 1 unchanged, 0 failed" in said
    assert list(Quote.objects.filter(article=quoted).values_list("person__key", "confidence")) == right
    assert Article.objects.get(pk=quoted.pk).live_revision_id == revision.pk  # republished from its live revision
    assert "0 linked again, 2 unchanged" in relink()  # a second run finds nothing to do
