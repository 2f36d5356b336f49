"""The search index: its own tables, plus the full-text index each database does best.

SQLite: an FTS5 table over public_searchdocument (external content, so text is stored
once; its rowid is the document's search_key, which sorts in publication order), kept in
step by triggers, so any insert, update or delete of a document, including Django's
cascades and test flushes, updates the index in the same transaction.
PostgreSQL: a generated tsvector column (weights A headline, B dek/summary/names, C
spoiler-safe text) with a GIN index; the database computes it on every write.
Each vendor's SQL runs only on that vendor. Articles already live are indexed at the end.
"""

import hashlib

import django.db.models.deletion
from django.db import migrations, models

# Columns in FTS5 order; bm25() weights and snippet() column numbers follow this order.
FTS_COLUMNS = ("headline", "dek", "summary", "safe_text", "names", "filter_terms")
_cols = ", ".join(FTS_COLUMNS)
_new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)

SQLITE_CREATE = [
    # porter over unicode61: English stems ("premieres" finds "premiere"), accents folded.
    f"""CREATE VIRTUAL TABLE public_search_fts USING fts5({_cols},
        content='public_searchdocument', content_rowid='search_key',
        tokenize='porter unicode61 remove_diacritics 2', prefix='3')""",
    f"""CREATE TRIGGER public_search_fts_insert AFTER INSERT ON public_searchdocument BEGIN
        INSERT INTO public_search_fts(rowid, {_cols}) VALUES (new.search_key, {_new}); END""",
    f"""CREATE TRIGGER public_search_fts_delete AFTER DELETE ON public_searchdocument BEGIN
        INSERT INTO public_search_fts(public_search_fts, rowid, {_cols}) VALUES ('delete', old.search_key, {_old}); END""",
    f"""CREATE TRIGGER public_search_fts_update AFTER UPDATE ON public_searchdocument BEGIN
        INSERT INTO public_search_fts(public_search_fts, rowid, {_cols}) VALUES ('delete', old.search_key, {_old});
        INSERT INTO public_search_fts(rowid, {_cols}) VALUES (new.search_key, {_new}); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS public_search_fts_update",
    "DROP TRIGGER IF EXISTS public_search_fts_delete",
    "DROP TRIGGER IF EXISTS public_search_fts_insert",
    "DROP TABLE IF EXISTS public_search_fts",
]

POSTGRES_CREATE = [
    """ALTER TABLE public_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'A')
        || setweight(to_tsvector('english'::regconfig,
                                 coalesce(dek, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(names, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(safe_text, '')), 'C')
    ) STORED""",
    "CREATE INDEX public_search_vector ON public_searchdocument USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS public_search_vector",
    "ALTER TABLE public_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)
    return run


def _token(kind, value):
    return "zz" + kind + hashlib.sha1(str(value).encode()).hexdigest()[:16]


def index_live_articles(apps, schema_editor):
    """Index what is already live (later publishes keep it current)."""
    Article = apps.get_model("newsroom", "Article")
    Mention = apps.get_model("newsroom", "Mention")
    SearchDocument = apps.get_model("public", "SearchDocument")
    SearchFacet = apps.get_model("public", "SearchFacet")
    for article in Article.objects.filter(state="published", published_at__isnull=False).iterator():
        names, facets = [], set()
        for mention in Mention.objects.filter(article=article, in_spoiler=False).select_related("film", "person"):
            thing = mention.film or mention.person
            kind = "film" if mention.film_id else "person"
            if (kind, thing.key) in facets:
                continue
            facets.add((kind, thing.key))
            label = thing.title if kind == "film" else thing.name
            names.append(" ".join([label, *[a for a in (thing.aliases or []) if isinstance(a, str)]]))
        seconds = max(0, int(article.published_at.timestamp()))
        document = SearchDocument.objects.create(
            search_key=(seconds << 24) | (article.pk & 0xFFFFFF),
            article=article, slug=article.slug, headline=article.headline, dek=article.dek,
            summary=article.summary or article.generated_summary, safe_text=article.safe_text,
            names="\n".join(names), section_id=article.section_id, published_at=article.published_at,
            filter_terms=" ".join([_token("s", article.section_id)] * bool(article.section_id)
                                  + [_token(kind[0], key) for kind, key in sorted(facets)]),
        )
        SearchFacet.objects.bulk_create(SearchFacet(document=document, kind=k, key=key) for k, key in sorted(facets))


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0003_feed_html_and_section_index'),
        ('public', '0002_storedpage_location'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='newsroom.article')),
                ('slug', models.CharField(max_length=200)),
                ('headline', models.CharField(max_length=300)),
                ('dek', models.TextField(blank=True)),
                ('summary', models.TextField(blank=True, help_text='Article.display_summary')),
                ('safe_text', models.TextField(blank=True, help_text='Article.safe_text: spoiler blocks removed')),
                ('names', models.TextField(blank=True, help_text='Films and people mentioned outside spoiler blocks, one a line')),
                ('published_at', models.DateTimeField(db_index=True)),
                ('search_key', models.BigIntegerField(unique=True)),
                ('filter_terms', models.TextField(blank=True)),
                ('section', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='newsroom.section')),
            ],
        ),
        migrations.CreateModel(
            name='SearchFacet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('film', 'film'), ('person', 'person')], max_length=6)),
                ('key', models.CharField(max_length=120)),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facets', to='public.searchdocument')),
            ],
        ),
        migrations.AddIndex(
            model_name='searchdocument',
            index=models.Index(fields=['section', 'published_at'], name='public_search_section_date'),
        ),
        migrations.AddConstraint(
            model_name='searchfacet',
            constraint=models.UniqueConstraint(fields=('kind', 'key', 'document'), name='public_search_facet_once'),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
        migrations.RunPython(index_live_articles, migrations.RunPython.noop),
    ]
