"""What a batched WordPress import asks the database for each story (issue #10's speed).

Most of an import's time per story is the ORM building queries, so the questions a story
repeats are counted here: each one removed has a spec that fails if it comes back, and
the whole import has a budget of queries per story.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsreel.importers import runner
from newsreel.newsroom import publishing
from newsreel.newsroom.models import Article, Byline, SourceId
from newsreel.public import refresh
from tests.importers.test_import_same_as_one_by_one import site_data, write_export

pytestmark = pytest.mark.django_db(transaction=True)

# Posts in the export that become stories (nine published posts, one scheduled, one draft).
STORIES = 11


def imported(tmp_path, settings) -> list[str]:
    """Import the shared export into this site; every statement the import sent."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    site_data()
    export, uploads = write_export(tmp_path)
    with CaptureQueriesContext(connection) as queries:
        call_command("import", "wordpress", str(export), "--media", str(uploads), "--render-pages",
                     stdout=StringIO(), stderr=StringIO())
    assert Article.objects.count() == STORIES
    return [query["sql"] for query in queries.captured_queries]


def about(statements: list[str], pattern: str) -> list[str]:
    return [sql for sql in statements if re.search(pattern, sql)]


def test_a_story_s_source_id_is_read_once_and_written_without_savepoints(tmp_path, settings):
    statements = imported(tmp_path, settings)
    # One look-up per story (which story it updates), one insert: update_or_create read it
    # again, inside two savepoints of its own.
    assert len(about(statements, r'^SELECT .* FROM "newsroom_sourceid"')) == STORIES
    assert len(about(statements, r'^INSERT INTO "newsroom_sourceid"')) == STORIES
    assert SourceId.objects.count() == STORIES


def test_a_reimported_story_keeps_its_source_id_without_writing_it(tmp_path, settings):
    imported(tmp_path, settings)
    before = dict(SourceId.objects.values_list("external_id", "article_id"))
    export, uploads = write_export(tmp_path)
    with CaptureQueriesContext(connection) as queries:
        call_command("import", "wordpress", str(export), "--media", str(uploads), "--render-pages",
                     stdout=StringIO(), stderr=StringIO())
    statements = [query["sql"] for query in queries.captured_queries]
    assert not about(statements, r'^(INSERT INTO|UPDATE) "newsroom_sourceid"')
    assert dict(SourceId.objects.values_list("external_id", "article_id")) == before
    assert Article.objects.count() == STORIES


def test_tags_and_authors_are_looked_up_once_per_chunk(tmp_path, settings):
    statements = imported(tmp_path, settings)
    by_slug = about(statements, r'^SELECT .* FROM "newsroom_tag" WHERE "newsroom_tag"\."slug" IN')
    one_by_one = about(statements, r'^SELECT .* FROM "newsroom_tag" WHERE "newsroom_tag"\."slug" = ')
    published = Article.objects.live().count()
    # Every published story has two tags, of the export's three, and all its stories are one
    # chunk: a story asks only for the tags no story before it in the chunk found or made
    # (`publishing.names_kept`), in one query, and a get_or_create each for those that are new.
    assert 1 <= len(by_slug) <= 3 < published
    assert len(one_by_one) <= 3
    assert len(about(statements, r'^SELECT .* FROM "newsroom_author" WHERE "newsroom_author"\."slug" IN')) <= 2
    assert len(about(statements, r'^INSERT INTO "newsroom_byline"')) == published  # one bulk insert each
    assert len(about(statements, r'^SELECT .* FROM "newsroom_author" WHERE "newsroom_author"\."slug" = ')) <= 2
    assert sorted(Byline.objects.values_list("article__slug", "author__slug", "order"))[:2] == [
        ("dispatch-0", "nadia-ferro", 0), ("dispatch-1", "tomas-okafor", 0)]


def test_a_revision_saved_to_be_published_is_not_validated_again(tmp_path, settings, monkeypatch):
    calls = []
    original = publishing.validate_draft

    def counted(draft, **kwargs):
        calls.append(draft.slug)
        return original(draft, **kwargs)
    monkeypatch.setattr(publishing, "validate_draft", counted)
    imported(tmp_path, settings)
    published = list(Article.objects.live().values_list("slug", flat=True))
    # Saving the revision validates the draft; publishing that very revision moments later
    # in the same transaction asked the database the same questions again.
    for slug in published:
        assert calls.count(slug) == 1, slug


def test_a_new_story_deletes_and_reads_nothing_that_cannot_exist_yet(tmp_path, settings):
    statements = imported(tmp_path, settings)
    # Its row was made in this very transaction: no mentions, quotes, bylines, tags or
    # editor's quote checks point to it, and its first revision is number 1.
    for table in ("newsroom_mention", "newsroom_quote", "newsroom_byline"):
        assert not about(statements, rf'^DELETE FROM "{table}"'), table
    assert not about(statements, r'FROM "newsroom_quotecheck"')
    assert not about(statements, r'^SELECT MAX\(.*FROM "newsroom_revision"')
    # The revision already holds the text core's summary it was saved with.
    assert not about(statements, r'^UPDATE "newsroom_revision" SET "derived"')


def test_a_chunk_reads_its_stories_tags_bylines_and_names_once_for_all_of_them(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(runner, "CHUNK_SECONDS", 3600)  # one chunk, however busy the machine
    rendered = []
    original = refresh.refresh_article
    monkeypatch.setattr(refresh, "refresh_article", lambda article: rendered.append(article.pk) or original(article))
    statements = imported(tmp_path, settings)
    # Each page read its own tags (and its search-engine data read them a second time).
    assert not about(statements, r'^SELECT "newsroom_tag"\."id", "newsroom_tag"\."slug".* INNER JOIN "newsroom_article_tags"')
    tags = about(statements, r'^SELECT "newsroom_article_tags"\."id".* FROM "newsroom_article_tags" INNER JOIN "newsroom_tag"')
    bylines = about(statements, r'^SELECT "newsroom_byline"\."id".* FROM "newsroom_byline" INNER JOIN "newsroom_author"')
    names = about(statements, r'^SELECT "newsroom_mention"\."id".* FROM "newsroom_mention" LEFT OUTER JOIN "films_film"')
    assert len(rendered) > 2 and len(tags) == len(bylines) == len(names) == 1


def test_a_new_search_document_has_no_facets_to_delete(tmp_path, settings):
    statements = imported(tmp_path, settings)
    assert not about(statements, r'^DELETE FROM "public_searchfacet"')


def test_a_chunk_reads_what_its_stories_touch_at_once_and_each_story_s_neighbours_once(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(runner, "CHUNK_SECONDS", 3600)  # one chunk, however busy the machine
    rendered = []
    original = refresh.refresh_article
    monkeypatch.setattr(refresh, "refresh_article", lambda article: rendered.append(article.pk) or original(article))
    statements = imported(tmp_path, settings)
    # A publish noted its story's authors, tags, mentions and quotes in a query each; the
    # chunk now reads them for all its stories together when it renders.
    assert not about(statements, r'^SELECT "newsroom_author"\."id" AS "id" FROM "newsroom_author" INNER JOIN')
    assert len(about(statements, r'FROM "newsroom_byline" WHERE "newsroom_byline"\."article_id" IN')) == 1
    # Neighbours (two lookups, older and newer) were read at each publish and again for the
    # page; now once, where the page reads them (a page rendered again at the import's end
    # reads them again, being in another transaction).
    lookups = about(statements, r'^SELECT "id" FROM "newsroom_article" WHERE .*\) [<>] \(')
    assert len(lookups) == 2 * len(rendered)


def test_a_story_s_slug_is_asked_about_once_though_its_draft_is_validated_again(tmp_path, settings):
    statements = imported(tmp_path, settings)
    # The import looks up who holds the slug (the story it updates, if any), in the story's
    # transaction: nobody does, so the slug is free, and no validation (before its pictures
    # are stored, when saved, a draft once more when its text is prepared) asks again.
    assert len(about(statements, r'FROM "newsroom_article" WHERE "newsroom_article"\."slug" = ')) == STORIES
    assert not about(statements, r'AS "a" FROM "newsroom_article" WHERE \("newsroom_article"\."slug" = ')


def test_a_picture_the_import_stored_is_neither_asked_for_nor_read_back(tmp_path, settings):
    statements = imported(tmp_path, settings)
    # The hero picture a post names was stored (or found stored) by this import moments ago:
    # validation does not ask whether it exists, and publishing does not read its row back.
    assert not about(statements, r'^SELECT 1 AS "a" FROM "images_image" WHERE "images_image"\."id" = ')
    assert not about(statements, r'^SELECT "images_image"\."id", .* WHERE "images_image"\."id" = ')
    assert Article.objects.filter(hero_image__isnull=False).count() == 9


def test_an_import_asks_once_which_embeds_have_a_stored_poster(tmp_path, settings):
    statements = imported(tmp_path, settings)
    # Half the posts embed a video no one has fetched a poster for: one question for the
    # whole import, not one per embed (tests/embeds says a stored poster is still found).
    assert len(about(statements, r'FROM "embeds_embedposter"')) == 1


def test_a_published_story_s_row_is_not_written_for_its_latest_revision_alone(tmp_path, settings):
    statements = imported(tmp_path, settings)
    # Its publish writes the whole row moments later, latest revision with it; only the draft
    # and the scheduled story (whose scheduling writes its own fields) write it on its own.
    alone = about(statements, r'^UPDATE "newsroom_article" SET "updated_at" = .*, "latest_revision_id" = [^,]* WHERE')
    assert len(alone) == STORIES - Article.objects.live().count() == 2
