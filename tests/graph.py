"""The knowledge graph the tests share, defined once, and the few extras a spec adds to it.

GRAPH: four invented films and their people. Tests load it through the newsroom's own
`import_knowledge_graph(GRAPH)`, so every spec reads the same names: Harbor Lights (alias
Harbour Lights, in theaters from Kestrel Films) by Ada Varga with Tomas Ilic as Jonah, The
Paper Orchard with Tomas Ilic as The Gardener, Glass Meridian with Lena Osei, and Salt
Meridian by Mira Sol. Text-core specs read the same graph without a
database through `text_graph()`, the core's own reader of knowledge-graph JSON. A spec that
needs more imports an extra below, named for why, beside GRAPH.
"""

from newsreel.text.evaluation import graph_from_json
from newsreel.text.types import KnowledgeGraph

GRAPH = {
    "films": [
        {"key": "harbor-lights-2025", "title": "Harbor Lights", "year": 2025, "aliases": ["Harbour Lights"],
         "distributor": "Kestrel Films", "status": "in theaters"},
        {"key": "paper-orchard-2023", "title": "The Paper Orchard", "year": 2023},
        {"key": "glass-meridian-2026", "title": "Glass Meridian", "year": 2026},
        {"key": "salt-meridian-2026", "title": "Salt Meridian", "year": 2026},
    ],
    "people": [
        {"key": "ada-varga", "name": "Ada Varga"},
        {"key": "tomas-ilic", "name": "Tomas Ilic"},
        {"key": "mira-sol", "name": "Mira Sol"},
        {"key": "lena-osei", "name": "Lena Osei"},
    ],
    "credits": [
        {"film": "harbor-lights-2025", "person": "ada-varga", "role": "director"},
        {"film": "harbor-lights-2025", "person": "tomas-ilic", "role": "actor", "character": "Jonah"},
        {"film": "paper-orchard-2023", "person": "tomas-ilic", "role": "actor", "character": "The Gardener"},
        {"film": "glass-meridian-2026", "person": "lena-osei", "role": "actor", "character": "The Pilot"},
        {"film": "salt-meridian-2026", "person": "mira-sol", "role": "director"},
    ],
}


def _enriched(graph: dict, *, films: dict[str, dict], people: dict[str, dict], credits: list[dict]) -> dict:
    """`graph` with more fields on the films and people named by key, and more credits."""
    return {
        "films": [{**film, **films.get(film["key"], {})} for film in graph["films"]],
        "people": [{**person, **people.get(person["key"], {})} for person in graph["people"]],
        "credits": [*graph["credits"], *credits],
    }


# What the reader's film and person pages show beyond GRAPH (tests/public): Harbor Lights'
# synopsis, release date and IMDb id, and its writer and cinematographer; The Paper Orchard
# streaming from Lanternfish; Ada Varga's bio.
READER_PAGES_GRAPH = _enriched(
    GRAPH,
    films={"harbor-lights-2025": {"synopsis": "A keeper of a lighthouse waits out a winter.",
                                  "release_date": "2025-10-17", "imdb_id": "tt9990001"},
           "paper-orchard-2023": {"status": "streaming", "distributor": "Lanternfish"}},
    people={"ada-varga": {"bio": "Ada Varga is a director from an invented port town."}},
    credits=[{"film": "harbor-lights-2025", "person": "ada-varga", "role": "writer"},
             {"film": "harbor-lights-2025", "person": "mira-sol", "role": "crew", "job": "Cinematographer"}],
)


# Extras a spec adds to GRAPH, each named for why it needs them.

# Search folds accents: a film with an accented alias, directed by a person with an accented name.
ACCENTED = {
    "films": [{"key": "night-ferry-2026", "title": "The Night Ferry", "year": 2026,
               "aliases": ["Le Bateau Fantôme"]}],
    "people": [{"key": "ines-quinones", "name": "Inés Quiñones"}],
    "credits": [{"film": "night-ferry-2026", "person": "ines-quinones", "role": "director"}],
}

# Two invented films that share a title, told apart by year and director.
SAME_NAMED = {
    "films": [
        {"key": "night-ferry-1984", "title": "Night Ferry", "year": 1984},
        {"key": "night-ferry-2021", "title": "Night Ferry", "year": 2021},
    ],
    "people": [{"key": "oskar-brandt", "name": "Oskar Brandt"}, {"key": "ines-kahale", "name": "Ines Kahale"}],
    "credits": [
        {"film": "night-ferry-1984", "person": "oskar-brandt", "role": "director"},
        {"film": "night-ferry-2021", "person": "ines-kahale", "role": "director"},
    ],
}

# A film the graph gains after a story already names it (the desk's preview must notice).
ADDED_LATER = {"films": [{"key": "the-lantern-years-2019", "title": "The Lantern Years", "year": 2019}]}

# Mentions beyond a full name or a title: names only a first name, a family, initials, name
# order or a common word tells apart (tests/text/test_mention_references.py).
NAME_PUZZLES = {
    "films": [
        {"key": "salt-road-2023", "title": "Salt Road", "year": 2023},
        {"key": "the-thaw-1982", "title": "The Thaw", "year": 1982},
        {"key": "the-thaw-2011", "title": "The Thaw", "year": 2011},
        {"key": "loose-threads-2019", "title": "Loose Threads", "year": 2019},
        {"key": "glass-river-2020", "title": "Glass River", "year": 2020},
        {"key": "friday-2019", "title": "Friday", "year": 2019},
        {"key": "release-2020", "title": "Release", "year": 2020},
        {"key": "us-2019", "title": "Us", "year": 2019},
        {"key": "her-2013", "title": "Her", "year": 2013},
        {"key": "night-market-2022", "title": "Night Market", "year": 2022},
    ],
    "people": [
        {"key": "ada-lind", "name": "Ada Lind"},
        {"key": "jon-carver", "name": "Jon Carver"},
        {"key": "noah-brill", "name": "Noah Brill"},
        {"key": "eli-brill", "name": "Eli Brill"},
        {"key": "mara-brill", "name": "Mara Brill"},
        {"key": "lana-wexler", "name": "Lana Wexler"},
        {"key": "lilly-wexler", "name": "Lilly Wexler"},
        {"key": "hugo-del-campo", "name": "Hugo del Campo"},
        {"key": "yun-seo-ah", "name": "Yun Seo-ah"},
        {"key": "jj-marchetti", "name": "J.J. Marchetti"},
        {"key": "db-quell", "name": "DB Quell"},
        {"key": "will-friday", "name": "Will Friday"},
    ],
    "credits": [
        {"film": "the-thaw-1982", "person": "jon-carver", "role": "director"},
        {"film": "loose-threads-2019", "person": "noah-brill", "role": "director"},
        {"film": "loose-threads-2019", "person": "eli-brill", "role": "director"},
        {"film": "glass-river-2020", "person": "lana-wexler", "role": "director"},
        {"film": "glass-river-2020", "person": "lilly-wexler", "role": "director"},
        {"film": "salt-road-2023", "person": "hugo-del-campo", "role": "director"},
        {"film": "night-market-2022", "person": "yun-seo-ah", "role": "director"},
        {"film": "paper-orchard-2023", "person": "jj-marchetti", "role": "director"},
    ],
}

# Not invented: the films and people of the real article the reference-page specs rebuild
# (read from ../shared at test time). Film facts only (titles, years, credits): no text of the article.
REFERENCE_ARTICLE_GRAPH = {
    "films": [
        {"key": "anora-2024", "title": "Anora", "year": 2024, "distributor": "Neon", "status": "in theaters",
         "release_date": "2024-10-18"},
        {"key": "nights-of-cabiria-1957", "title": "Nights of Cabiria", "year": 1957},
        {"key": "tangerine-2015", "title": "Tangerine", "year": 2015},
        {"key": "red-rocket-2021", "title": "Red Rocket", "year": 2021},
    ],
    "people": [
        {"key": "sean-baker", "name": "Sean Baker"}, {"key": "mikey-madison", "name": "Mikey Madison"},
        {"key": "yura-borisov", "name": "Yura Borisov"}, {"key": "mark-eydelshteyn", "name": "Mark Eydelshteyn"},
        {"key": "samantha-quan", "name": "Samantha Quan"}, {"key": "alex-coco", "name": "Alex Coco"},
        {"key": "federico-fellini", "name": "Federico Fellini"}, {"key": "giulietta-masina", "name": "Giulietta Masina"},
    ],
    "credits": [
        {"film": "anora-2024", "person": "sean-baker", "role": "director"},
        {"film": "anora-2024", "person": "sean-baker", "role": "writer"},
        {"film": "anora-2024", "person": "samantha-quan", "role": "producer"},
        {"film": "anora-2024", "person": "alex-coco", "role": "producer"},
        {"film": "anora-2024", "person": "mikey-madison", "role": "actor", "character": "Ani"},
        {"film": "anora-2024", "person": "yura-borisov", "role": "actor", "character": "Igor"},
        {"film": "anora-2024", "person": "mark-eydelshteyn", "role": "actor", "character": "Vanya"},
        {"film": "nights-of-cabiria-1957", "person": "federico-fellini", "role": "director"},
        {"film": "nights-of-cabiria-1957", "person": "giulietta-masina", "role": "actor", "character": "Cabiria"},
        {"film": "tangerine-2015", "person": "sean-baker", "role": "director"},
        {"film": "red-rocket-2021", "person": "sean-baker", "role": "director"},
    ],
}


def text_graph(*extras: dict) -> KnowledgeGraph:
    """GRAPH and `extras` as the text core sees them (films, people and credits; no database)."""
    parts = (GRAPH, *extras)
    return graph_from_json({part: [item for graph in parts for item in graph.get(part, [])]
                            for part in ("films", "people", "credits")}, "tests/graph.py")

# Names that start alike, for the order of the editor's completions (tests/desk/test_completion_index.py):
# a title two films share, longer titles starting with it, an accented title, names with a word alike.
NAMES_STARTING_ALIKE = {
    "films": [{"key": "marrow-1984", "title": "Marrow", "year": 1984},
              {"key": "marrow-2021", "title": "Marrow", "year": 2021},
              {"key": "marrow-part-two-2024", "title": "Marrow: Part Two", "year": 2024},
              {"key": "marrows-of-salt-2019", "title": "Marrows of Salt", "year": 2019},
              {"key": "orvelie-2001", "title": "Orvélie", "year": 2001}],
    "people": [{"key": "ada-varga", "name": "Ada Varga"}, {"key": "jean-luc-varin", "name": "Jean-Luc Varin"},
               {"key": "varda-okafor", "name": "Varda Okafor"}],
    "credits": [],
}

