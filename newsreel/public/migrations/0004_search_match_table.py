"""PostgreSQL search reads two narrow tables instead of a wide generated column.

Before: the tsvector (about 3.6 kB for a 250-word article) lived on public_searchdocument,
whose rows are wide (the spoiler-safe text is stored inline). Matching a common word
walked the search_key index and detoasted the vector of every row it passed (12,000 rows
for a word in 4% of articles); a bitmap scan instead visited the wide heap (115 MB at
100,000 articles); a phrase rechecked the vector of every row holding all its words
(88,000 rows for "box office", to find 2,500).

After, one row per document in each of:

- public_search_match (search_key, article_id, section_id, terms): `terms` is the
  vector's lexemes without positions plus every pair of neighbouring lexemes
  (`public_search_pairs`, "box offic"), GIN-indexed and stored out of line, so a bitmap
  scan visits a heap of a few MB and never reads a vector, and a two-word phrase is one
  exact index lookup.
- public_search_vectors (search_key, article_id, section_id, vector): the weighted
  vector that ranks and checks phrases exactly, kept in the row up to a page so that
  reading one is one heap visit, not a TOAST lookup.

Triggers on public_searchdocument keep both in step (TRUNCATE included). SQLite is
untouched: every statement here is PostgreSQL's and runs on PostgreSQL only.
"""

from django.db import migrations

# The same weighted vector migration 0003 generated: A headline, B dek, summary and
# names, C the spoiler-safe text.
VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce(NEW.headline, '')), 'A')
    || setweight(to_tsvector('english'::regconfig,
                             coalesce(NEW.dek, '') || ' ' || coalesce(NEW.summary, '') || ' ' || coalesce(NEW.names, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(NEW.safe_text, '')), 'C')"""

POSTGRES_CREATE = [
    # Lexemes at neighbouring positions as one token ("box offic"); a space never occurs
    # inside a lexeme, so no word a reader types can collide with a pair.
    """CREATE FUNCTION public_search_pairs(v tsvector) RETURNS tsvector
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         WITH p AS (SELECT u.lexeme, pos FROM unnest(v) AS u, unnest(u.positions) AS pos)
         SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
         FROM p AS a JOIN p AS b ON b.pos = a.pos + 1
       $$""",
    # Two narrow tables, one row per document each. public_search_match: what the GIN
    # index matches (`terms`: the vector's lexemes without positions, plus the pairs),
    # kept out of line (EXTERNAL, toast_tuple_target 128) so a bitmap scan visits a heap
    # of a few MB. public_search_vectors: the weighted vector that ranks and checks
    # phrases exactly, kept in the row (MAIN) up to a page, so reading one is a heap
    # visit rather than a TOAST lookup of several chunks.
    "DROP INDEX IF EXISTS public_search_vector",
    """CREATE TABLE public_search_match (
         search_key bigint PRIMARY KEY,
         article_id bigint NOT NULL,
         section_id bigint,
         terms tsvector NOT NULL
       ) WITH (toast_tuple_target = 128)""",
    "ALTER TABLE public_search_match ALTER COLUMN terms SET STORAGE EXTERNAL",
    """CREATE TABLE public_search_vectors (
         search_key bigint PRIMARY KEY,
         article_id bigint NOT NULL,
         section_id bigint,
         vector tsvector NOT NULL
       )""",
    "ALTER TABLE public_search_vectors ALTER COLUMN vector SET STORAGE MAIN",
    f"""CREATE FUNCTION public_search_match_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          v tsvector;
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            DELETE FROM public_search_match WHERE search_key = OLD.search_key;
            DELETE FROM public_search_vectors WHERE search_key = OLD.search_key;
          END IF;
          IF TG_OP <> 'DELETE' THEN
            v := {VECTOR};
            INSERT INTO public_search_match (search_key, article_id, section_id, terms)
            VALUES (NEW.search_key, NEW.article_id, NEW.section_id, strip(v) || public_search_pairs(v));
            INSERT INTO public_search_vectors (search_key, article_id, section_id, vector)
            VALUES (NEW.search_key, NEW.article_id, NEW.section_id, v);
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE FUNCTION public_search_match_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN TRUNCATE public_search_match, public_search_vectors; RETURN NULL; END $$""",
    """CREATE TRIGGER public_search_match_sync AFTER INSERT OR UPDATE OR DELETE ON public_searchdocument
       FOR EACH ROW EXECUTE FUNCTION public_search_match_sync()""",
    # Django's flush (tests) truncates the document table; the search tables follow.
    """CREATE TRIGGER public_search_match_truncate AFTER TRUNCATE ON public_searchdocument
       FOR EACH STATEMENT EXECUTE FUNCTION public_search_match_truncate()""",
    f"""INSERT INTO public_search_vectors (search_key, article_id, section_id, vector)
        SELECT NEW.search_key, NEW.article_id, NEW.section_id, {VECTOR} FROM public_searchdocument AS NEW""",
    """INSERT INTO public_search_match (search_key, article_id, section_id, terms)
       SELECT search_key, article_id, section_id, strip(vector) || public_search_pairs(vector)
       FROM public_search_vectors""",
    # A small pending list: every search reads all of it, and publishing stays cheap.
    """CREATE INDEX public_search_match_terms ON public_search_match USING gin (terms)
       WITH (fastupdate = on, gin_pending_list_limit = 256)""",
    # Film and person filters start from the few articles they name.
    "CREATE INDEX public_search_vectors_article ON public_search_vectors (article_id)",
    "ALTER TABLE public_searchdocument DROP COLUMN IF EXISTS search_vector",
    "ANALYZE public_search_match",
    "ANALYZE public_search_vectors",
]

POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS public_search_match_truncate ON public_searchdocument",
    "DROP TRIGGER IF EXISTS public_search_match_sync ON public_searchdocument",
    "DROP TABLE IF EXISTS public_search_match",
    "DROP TABLE IF EXISTS public_search_vectors",
    "DROP FUNCTION IF EXISTS public_search_match_truncate()",
    "DROP FUNCTION IF EXISTS public_search_match_sync()",
    "DROP FUNCTION IF EXISTS public_search_pairs(tsvector)",
    """ALTER TABLE public_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'A')
        || setweight(to_tsvector('english'::regconfig,
                                 coalesce(dek, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(names, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(safe_text, '')), 'C')
    ) STORED""",
    "CREATE INDEX public_search_vector ON public_searchdocument USING gin (search_vector)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('public', '0003_search_index'),
    ]

    operations = [
        migrations.RunPython(_run({"postgresql": POSTGRES_CREATE}), _run({"postgresql": POSTGRES_DROP})),
    ]
