"""Full-text search over live articles: one interface, SQLite FTS5 or PostgreSQL behind it.

    query.py        what a reader typed -> a parsed query that cannot fail in the database
    backend.py      the interface (SearchBackend, SearchRequest, SearchPage) and its choice
    sqlite_fts5.py  the embedded default
    postgres.py     production
    index.py        keeping the index current on publish / unpublish, and rebuilding it
    views.py        the /search/ page
"""
