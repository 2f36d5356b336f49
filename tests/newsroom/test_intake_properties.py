"""Property-based: whatever Markdown, front matter, knowledge-graph JSON or image arrives, the
intake either publishes it or answers with a clear error (IntakeError, KnowledgeGraphError,
ValidationError) and never another exception, and the version already live keeps serving.

Examples are few (the suite stays quick: 20 a test) and each runs in a savepoint rolled back
after it, so they do not pile up. For a long hunt: HYPOTHESIS_PROFILE=thorough (400 a test).
"""

from __future__ import annotations

import io
import json
import os
import string

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image as PILImage

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.models import Film
from newsreel.images.models import Image
from newsreel.images.services import create_image
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.management.commands.publish import publish_file
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import save_and_publish
from newsreel.public.models import StoredPage
from tests.graph import GRAPH

pytestmark = pytest.mark.django_db

settings.register_profile("quick", max_examples=20, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("thorough", settings.get_profile("quick"), max_examples=400)
FEW = settings(settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick")))
STEADY = "/articles/steady-harbor/"

# Pieces of Newsreel Markdown and of trouble, strung together at random.
PIECES = st.sampled_from([
    "\n", "\n\n", "# ", "## ", "> ", "- ", "1. ", "* ", "**", "_", "`", "```\n", "---\n", "| a | b |\n|---|---|\n",
    ":::spoiler harbor-lights-2025\n", ":::spoiler no-such-film\n", ":::note\n", ':::figure credit="Desk"\n', ":::\n",
    "[^1]", "[^1]: a note\n", "[a link](https://example.org/)", "![alt](image:1)", "![alt](still.png)",
    "![alt](../../etc/passwd)", "<b>", "</b>", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">',
    "Ada Varga", "Harbor Lights", "\u201cI wrote it,\u201d Ada Varga said.", "\x00", "\ud800", "\u202e", "&amp;",
    "    indented\n", "\t", "\r\n",
])
MARKDOWN = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)
YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40) | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(["headline", "title", "slug", "dek", "summary", "section", "tags", "authors", "author",
                          "hero", "sources", "published_at", "date", "unknown"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=15,
)
KEYS = st.text(alphabet=string.ascii_lowercase + string.digits + "- ", min_size=0, max_size=12)


@pytest.fixture
def steady(db, settings, tmp_path):
    """A live story whose stored page must survive every failed attempt."""
    settings.MEDIA_ROOT = tmp_path / "media"
    import_knowledge_graph(GRAPH)
    return save_and_publish(ArticleDraft(headline="Steady harbor", body="The pier at dusk.", slug="steady-harbor"))


def live_bytes() -> bytes:
    return bytes(StoredPage.objects.get(path=STEADY).body)


class Rollback(Exception):
    """Raised to undo an example's writes."""


def attempt(action, allowed: tuple[type[BaseException], ...]) -> bool:
    """Run `action` in a savepoint that is always rolled back; True if it succeeded.

    Any exception but the clear errors in `allowed` fails the test with its traceback.
    """
    before = live_bytes()
    succeeded = False
    try:
        with transaction.atomic():
            try:
                action()
                succeeded = True
            except allowed as error:
                assert str(error).strip(), "an error with no message"
                assert live_bytes() == before, "a failed attempt changed the live page"
            raise Rollback
    except Rollback:
        pass
    return succeeded


@FEW
@given(body=MARKDOWN, headline=st.text(max_size=60))
def test_any_markdown_body_publishes_or_gets_a_clear_error(steady, body, headline):
    draft = ArticleDraft(headline=headline or "H", body=body, slug="steady-harbor")
    attempt(lambda: save_and_publish(draft, article=Article.objects.get(slug="steady-harbor")), (IntakeError,))


@FEW
@given(meta=st.dictionaries(FIELDS, YAML_VALUES, max_size=6), body=MARKDOWN, raw=st.booleans(),
       raw_text=st.text(max_size=80))
def test_any_front_matter_publishes_or_gets_a_clear_error(steady, tmp_path, meta, body, raw, raw_text):
    meta.setdefault("slug", "steady-harbor")
    front = raw_text if raw else yaml.safe_dump(meta, allow_unicode=True)
    path = tmp_path / "story.md"
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    attempt(lambda: publish_file(path), (IntakeError,))


@FEW
@given(data=st.one_of(JSON_VALUES, st.fixed_dictionaries({
    "films": st.lists(st.dictionaries(st.sampled_from(["key", "title", "year", "aliases", "status", "release_date",
                                                       "distributor", "imdb_id"]), JSON_VALUES | KEYS), max_size=3),
    "people": st.lists(st.dictionaries(st.sampled_from(["key", "name", "bio", "aliases"]), JSON_VALUES | KEYS), max_size=3),
    "credits": st.lists(st.dictionaries(st.sampled_from(["film", "person", "role", "job", "character"]),
                                        JSON_VALUES | KEYS | st.sampled_from(["director", "crew", "actor"])), max_size=3),
})))
def test_any_knowledge_graph_imports_or_gets_a_clear_error(steady, data):
    films = Film.objects.count()
    # Through JSON text, as `import-kb` reads it.
    document = json.loads(json.dumps(data))
    if not attempt(lambda: import_knowledge_graph(document), (KnowledgeGraphError,)):
        assert Film.objects.count() == films


def _image_bytes(kind: str, width: int, height: int, cut: float) -> bytes:
    buffer = io.BytesIO()
    mode = {"PNG": "RGBA", "GIF": "P", "WEBP": "RGB", "JPEG": "RGB"}[kind]
    PILImage.new(mode, (width, height)).save(buffer, kind)
    data = buffer.getvalue()
    return data if cut >= 1 else data[: max(1, int(len(data) * cut))]


IMAGES = st.one_of(
    st.binary(max_size=2000),
    st.builds(_image_bytes, st.sampled_from(["PNG", "JPEG", "GIF", "WEBP"]), st.integers(1, 400), st.integers(1, 400),
              st.sampled_from([0.1, 0.5, 0.9, 0.99, 1.0, 1.0])),
)


@FEW
@given(data=IMAGES, alt=st.text(max_size=20), credit=st.text(max_size=20))
def test_any_image_is_stored_or_gets_a_clear_error_and_leaves_nothing(steady, data, alt, credit):
    images = Image.objects.count()

    def upload():
        create_image(ContentFile(data, name="upload.png"), alt=alt, credit=credit)

    if not attempt(upload, (ValidationError,)):
        assert Image.objects.count() == images


@FEW
@given(data=IMAGES)
def test_any_hero_file_next_to_a_markdown_article_publishes_or_gets_a_clear_error(steady, tmp_path, data):
    (tmp_path / "hero.png").write_bytes(data)
    path = tmp_path / "story.md"
    path.write_text("---\nslug: steady-harbor\nheadline: Steady harbor\n"
                    "hero: {image: hero.png, alt: A pier, credit: Desk}\n---\nThe pier at dusk, again.\n")
    attempt(lambda: publish_file(path), (IntakeError,))
