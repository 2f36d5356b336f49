"""The content export's layout, shared by `newsreel export content` and `newsreel import content`.

    DIR/README.md          what the folder holds, for a person
    DIR/manifest.json      {"format": "newsreel-content", "version": 1, "exported_at", "counts", ...}
    DIR/site.json          site settings, sections, tags, authors (profiles), users (no passwords)
    DIR/images.json        every image: id, file (under media/), alt, credit, caption, focal point, tags
    DIR/media/...          the images' original files, at their paths in the media folder
    DIR/graph.json         films, people and credits as `newsreel import-kb` reads them (posters, photos)
    DIR/graph-extra.json   what import-kb has no field for: each film's and person's last change
    DIR/redirects.json     old addresses and where they lead (301)
    DIR/stories/SLUG.md    one story: Newsreel front matter, a `newsreel:` block, the body
    DIR/stories/SLUG.pending.md   a live story's saved changes not yet published
    DIR/revisions/SLUG.json       every revision of the story (with --revisions)
"""

from __future__ import annotations

FORMAT_NAME = "newsreel-content"
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
README = "README.md"
SITE = "site.json"
IMAGES = "images.json"
MEDIA = "media"
GRAPH = "graph.json"
GRAPH_EXTRA = "graph-extra.json"
REDIRECTS = "redirects.json"
STORIES = "stories"
REVISIONS = "revisions"
PENDING_SUFFIX = ".pending.md"

# The front matter key holding what the Markdown importer has no field for.
EXTRA_KEY = "newsreel"
