"""Film data from public sources, read into the knowledge-graph records `import-kb` writes.

Each reader turns one source's own format into the same dict our JSON format holds
({"films": [...], "people": [...], "credits": [...]}), so every source goes through one
validation and one write (`newsreel.films.knowledge.import_knowledge_graph`):

    imdb      the IMDb non-commercial datasets (a folder of title.basics, title.akas,
              title.ratings, title.crew, title.principals and name.basics, .tsv or .tsv.gz)
    wikidata  a Wikidata JSON dump (one entity a line, plain, .gz or .bz2): film and human items
    tmdb      TMDB movie records fetched with append_to_response=credits (JSON Lines, a JSON
              array, or a folder of one-record .json files)

Readers stream their files (one line in memory at a time) and keep only what the selection
asks for, so memory grows with the films kept, not with the size of the dump. A record that
cannot be read is an error naming the file and line; nothing is written then.

Depends on: newsreel.films.models (to keep the keys films and people already have) and
newsreel.json_input (the JSON reader every importer shares, so a fault reads alike in each).
"""

from newsreel.films.sources.common import Selection, SourceError

__all__ = ["Selection", "SourceError", "read_source", "SOURCES"]

SOURCES = ("imdb", "wikidata", "tmdb")


def read_source(kind: str, path, selection: Selection) -> dict:
    """The knowledge-graph records the source at `path` holds, as `import-kb` JSON would give them."""
    if kind == "imdb":
        from newsreel.films.sources.imdb import read_imdb as reader
    elif kind == "wikidata":
        from newsreel.films.sources.wikidata import read_wikidata as reader
    elif kind == "tmdb":
        from newsreel.films.sources.tmdb import read_tmdb as reader
    else:
        raise SourceError(f"unknown source {kind!r}; sources are {', '.join(SOURCES)}")
    return reader(path, selection)
