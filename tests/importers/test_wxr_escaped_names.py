"""WordPress keeps names escaped for HTML: a term's name and an author's display name always
(`R&amp;D`: `_wp_specialchars` on save), a post's title when its writer may not post raw HTML
(kses writes `Tom &amp; Jerry`), and a title may hold markup WordPress shows as such
(`<em>Vertigo</em> at 65`). Until the red-team pass of 2026-12-07 each came in as written: a tag
`R&amp;D` with the slug `r-ampd`, a headline showing `&amp;` and `<em>`. Every name is invented."""

from __future__ import annotations

import pytest

from newsreel.importers.wxr import parse_wxr
from newsreel.newsroom.models import Article, Tag, WorkflowState
from tests.importers.commands import wordpress_warnings
from tests.importers.wxr_samples import Post, wxr

pytestmark = pytest.mark.django_db



def test_titles_read_as_the_text_wordpress_showed(tmp_path):
    errors = wordpress_warnings(tmp_path, [
        Post(1, "Tom &amp; Jerry at the Pier", "tom-jerry", "<p>One.</p>"),
        Post(2, "<em>Vertigo</em> at 65", "vertigo", "<p>Two.</p>"),
        Post(3, "Rock &#8216;n&#8217; Roll night", "rock", "<p>Three.</p>"),
        Post(4, "R&D at 3 < 4", "r-d", "<p>Four.</p>"),
    ])
    headlines = dict(Article.objects.values_list("slug", "headline"))
    assert headlines == {"tom-jerry": "Tom & Jerry at the Pier", "vertigo": "Vertigo at 65",
                         "rock": "Rock \u2018n\u2019 Roll night", "r-d": "R&D at 3 < 4"}
    # Markup is worth a word (the italics are gone); a character reference is not.
    assert "the title holds HTML" in errors and "'<em>Vertigo</em> at 65'" in errors
    assert errors.count("the title holds HTML") == 1


def test_a_title_of_markup_alone_is_no_title(tmp_path):
    wordpress_warnings(tmp_path, [Post(1, "<b></b><i> </i>", "markup-only", "<p>The lamps on the pier were lit at six.</p>")])
    article = Article.objects.get()
    assert article.headline == "The lamps on the pier were lit at six" and article.state == WorkflowState.DRAFT


def test_term_and_author_names_are_unescaped_once(tmp_path):
    wordpress_warnings(tmp_path, [Post(1, "Terms", "terms", "<p>One.</p>",
                        categories=[("reviews-interviews", "Reviews &amp; Interviews")],
                        tags=[("tom-jerry", "Tom &amp; Jerry"), ("amp", "Fast &amp;amp; loose")])],
        replace=("<![CDATA[Nadia Ferro]]>", "<![CDATA[Nadia Ferro &amp; Co]]>"))
    article = Article.objects.get()
    assert sorted(Tag.objects.values_list("name", "slug")) == [
        ("Fast &amp; loose", "fast-amp-loose"), ("Reviews & Interviews", "reviews-interviews"), ("Tom & Jerry", "tom-jerry")]
    assert list(article.authors.values_list("name", flat=True)) == ["Nadia Ferro & Co"]


def test_the_channels_category_names_are_unescaped_too():
    export = parse_wxr(wxr([]).replace("<![CDATA[Festival Diary]]>", "<![CDATA[Festival &amp; Diary]]>").encode())
    assert export.categories["festival-diary"].name == "Festival & Diary"
