"""Every limit the database has is checked at the intake, with a message, on both databases."""

import pytest

from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Revision, Tag
from newsreel.newsroom.publishing import save_and_publish, save_draft

pytestmark = pytest.mark.django_db


def refused(**fields) -> str:
    draft = ArticleDraft(**{"headline": "A harbour story", "body": "The pier at dusk.", **fields})
    with pytest.raises(IntakeError) as raised:
        save_and_publish(draft)
    assert not Article.objects.exists() and not Revision.objects.exists()
    return str(raised.value)


def test_a_tag_longer_than_its_column_is_refused_with_its_place():
    message = refused(tags=["Drama", "x" * 100])
    assert "tags[1]" in message and "100 characters; the limit is 80" in message
    assert not Tag.objects.exists()


def test_a_tag_whose_address_would_be_too_long_is_refused():
    # U+3392 (a squared "MHz") is one character that makes a three-letter slug.
    message = refused(tags=["\u3392" * 30])
    assert "tags[0]" in message and "address of 90 characters; the limit is 80" in message


def test_a_byline_longer_than_its_column_is_refused():
    message = refused(authors=["N" * 121])
    assert "authors[0]" in message and "the limit is 120" in message


@pytest.mark.parametrize("field", ["headline", "dek", "summary", "body"])
def test_a_nul_character_is_refused_in_every_text_field(field):
    message = refused(**{field: "Before\x00after"})
    assert f"{field}: contains a NUL character (U+0000) at character 7" in message


@pytest.mark.parametrize("field", ["headline", "body"])
def test_a_lone_surrogate_is_refused(field):
    assert "lone surrogate (U+D800)" in refused(**{field: "Bad \ud800 text"})


def test_nul_in_tags_sources_and_link_overrides_is_refused():
    message = refused(tags=["Dra\x00ma"], sources=[{"name": "Inter\x00view"}], link_overrides={"ada\x00": "x"})
    assert "tags[0]" in message and "sources[0].name" in message and "link_overrides" in message


def test_a_slug_longer_than_its_column_is_refused():
    assert "slug: is 201 characters; the limit is 200" in refused(slug="a" * 201)


def test_a_section_with_a_nul_is_refused_without_asking_the_database():
    assert "section" in refused(section="news\x00")


@pytest.mark.parametrize("image_id", [10**30, -1, "12"])
def test_a_hero_image_id_out_of_range_is_refused(image_id):
    assert "hero_image" in refused(hero_image=image_id)


def test_a_body_over_the_size_limit_is_refused(settings):
    settings.BODY_MAX_BYTES = 1000
    message = refused(body="word " * 250)
    assert "body: is 1,250 bytes; the limit is 1,000 (NEWSREEL_BODY_MAX_BYTES)" in message


def test_the_body_limit_is_a_megabyte_by_default(settings):
    assert settings.BODY_MAX_BYTES == 1_000_000
    assert "NEWSREEL_BODY_MAX_BYTES" in refused(body="a" * 1_000_001)


def test_nesting_deeper_than_the_renderer_keeps_is_refused_with_its_line():
    body = "A first paragraph.\n\n" + "> " * 25 + "Words that would vanish.\n"
    message = refused(body=body)
    assert "body, line 3" in message and "nested more than 20 levels" in message


def test_deep_lists_are_refused_too_not_cut():
    body = "Intro.\n\n" + "".join("  " * depth + "- item\n" for depth in range(15)) + "\nLast words.\n"
    assert "nested more than" in refused(body=body)


def test_nesting_within_the_limit_still_publishes():
    article = save_and_publish(ArticleDraft(headline="Quoted", body="> " * 10 + "Kept words.\n"))
    assert "Kept words." in article.body_html


def test_a_draft_with_a_text_limit_problem_is_not_saved_either():
    with pytest.raises(IntakeError):
        save_draft(ArticleDraft(headline="x", body="ok", tags=["t" * 81]))
    assert not Revision.objects.exists()
