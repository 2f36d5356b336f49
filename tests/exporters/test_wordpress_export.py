"""`newsreel export wordpress FILE.xml`: the demo newsroom as WXR 1.2, read back by our own importer.

The file has the structure WordPress's exporter writes (and its importer reads): an RSS
channel in the WXR 1.2 namespaces, authors, categories and tags as terms, one item per
story and per hero picture. Imported into an empty newsroom, the stories come back with
their headlines, slugs, dates, sections, tags, bylines, summaries and credited heroes.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from lxml import etree

from newsreel.demo.loader import load_demo
from newsreel.exporters.wordpress import cdata
from newsreel.importers.wxr import read_wxr
from newsreel.newsroom.models import Article, WorkflowState

pytestmark = pytest.mark.django_db

WP = "http://wordpress.org/export/1.2/"


@pytest.fixture
def exported(tmp_path):
    load_demo(report=lambda *args: None)
    path = tmp_path / "site.xml"
    out = StringIO()
    call_command("export", "wordpress", str(path), stdout=out, stderr=StringIO())
    assert "WXR 1.2" in out.getvalue()
    return path


def story_fields(article: Article) -> tuple:
    return (article.headline, article.published_at, article.section.slug if article.section else "",
            sorted(article.tags.values_list("name", flat=True)), list(article.authors.values_list("name", flat=True)),
            article.summary, (article.hero_image.alt, article.hero_image.credit) if article.hero_image else None)


def test_the_file_has_wxr_structure_with_every_story_and_its_terms(exported):
    root = etree.parse(str(exported), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0" and root.nsmap["wp"] == WP
    channel = root.find("channel")
    assert channel.findtext(f"{{{WP}}}wxr_version") == "1.2"
    assert channel.findtext(f"{{{WP}}}base_site_url") == settings.SITE_URL.rstrip("/")
    assert len(channel.findall(f"{{{WP}}}author")) >= 2 and channel.findall(f"{{{WP}}}category")
    posts = [item for item in channel.findall("item") if item.findtext(f"{{{WP}}}post_type") == "post"]
    assert sorted(item.findtext(f"{{{WP}}}post_name") for item in posts) == sorted(
        Article.objects.values_list("slug", flat=True))
    statuses = {item.findtext(f"{{{WP}}}post_name"): item.findtext(f"{{{WP}}}status") for item in posts}
    for article in Article.objects.all():
        assert statuses[article.slug] == {"published": "publish", "scheduled": "future"}.get(article.state, "draft")
    body = posts[0].findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert body.strip().startswith("<") and ' href="/' not in body and ' src="/' not in body  # links absolute


def test_our_own_importer_reads_every_story_back(exported, tmp_path):
    wxr = read_wxr(exported)
    assert wxr.version == "1.2" and wxr.problems == []  # nothing our reader had to repair
    before = {article.slug: story_fields(article) for article in Article.objects.filter(state=WorkflowState.PUBLISHED)
              if article.review_film_id is None}
    Article.objects.all().delete()
    # Fails (CommandError) if any story fails to import.
    call_command("import", "wordpress", str(exported), "--media", str(settings.MEDIA_ROOT),
                 stdout=StringIO(), stderr=StringIO(), verbosity=2)
    after = {article.slug: story_fields(article) for article in Article.objects.filter(slug__in=before)}
    assert before and set(after) == set(before)
    names = ("headline", "published_at", "section", "tags", "authors", "summary", "hero")
    differing = [(slug, name, was, now) for slug in before for name, was, now in zip(names, before[slug], after[slug])
                 if was != now]
    assert not differing, differing[:6]


def test_a_heros_credit_is_its_attachments_description_which_wordpress_keeps(exported):
    """WordPress's importer drops `_wp_attachment_metadata` (and the credit in it) and reads the
    picture again; the description it keeps (tools/wordpress_accepts.py checks it in WordPress)."""
    wxr = read_wxr(exported)
    attachments = {item.post_id: item for item in wxr.items if item.post_type == "attachment"}
    credits = {article.slug: article.hero_image.credit for article in Article.objects.exclude(hero_image=None)}
    posts = [item for item in wxr.items if item.post_type == "post" and item.post_name in credits]
    assert posts
    for post in posts:
        attachment = attachments[int(post.meta["_thumbnail_id"])]
        assert attachment.content == f"Credit: {credits[post.post_name]}"
        assert f'"credit";s:{len(credits[post.post_name].encode())}:"{credits[post.post_name]}";' in attachment.meta[
            "_wp_attachment_metadata"]


def test_text_is_kept_whole_in_cdata_even_with_a_closing_marker_inside():
    text = "a ]]> b \x00"
    section = etree.fromstring(f"<x>{cdata(text)}</x>".encode())
    assert section.text == "a ]]> b "


@pytest.mark.parametrize("headline", ["Tom & Jerry <3", "Writing &amp; in HTML", "The <em> tag, explained"])
def test_a_headline_is_written_as_wordpress_keeps_a_title_escaped_and_comes_back_exactly(tmp_path, headline):
    """WordPress shows a post's title as HTML: a title written raw, `Tom & Jerry <3`, is not the
    text WordPress's own exporter writes, and a headline that names a tag or an entity would show
    as markup. Written escaped, as WordPress keeps it, it comes back from `import wordpress` as it was."""
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.publishing import save_and_publish

    save_and_publish(ArticleDraft(headline=headline, slug="the-story", body="Words of the story.\n"))
    path = tmp_path / "site.xml"
    call_command("export", "wordpress", str(path), stdout=StringIO(), stderr=StringIO())
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    title = next(item.findtext("title") for item in root.iter("item") if item.findtext(f"{{{WP}}}post_name") == "the-story")
    assert title == headline.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    Article.objects.all().delete()
    call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=StringIO(), verbosity=2)
    assert Article.objects.get(slug="the-story").headline == headline


def test_term_and_author_names_are_written_escaped_as_wordpress_stores_them(tmp_path):
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.publishing import save_and_publish

    save_and_publish(ArticleDraft(headline="Pairs", slug="pairs", body="Words.\n", tags=["R&amp;D", "Film & TV"],
                                  authors=["Jo &amp; Ray"]))
    path = tmp_path / "site.xml"
    call_command("export", "wordpress", str(path), stdout=StringIO(), stderr=StringIO())
    written = path.read_text(encoding="utf-8")
    assert "<![CDATA[Film &amp; TV]]>" in written and "<![CDATA[R&amp;amp;D]]>" in written
    Article.objects.all().delete()
    call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=StringIO(), verbosity=2)
    article = Article.objects.get(slug="pairs")
    assert sorted(article.tags.values_list("name", flat=True)) == ["Film & TV", "R&amp;D"]
    assert list(article.authors.values_list("name", flat=True)) == ["Jo &amp; Ray"]
