"""The invented knowledge graph the tests share, defined once.

Four invented films and their people. Tests load it through the newsroom's own
`import_knowledge_graph(GRAPH)`, so every spec reads the same names: Harbor Lights (alias Harbour Lights) by Ada Varga with Tomas Ilic as Jonah,
The Paper Orchard with Tomas Ilic as The Gardener, Glass Meridian with Lena Osei, and Salt
Meridian by Mira Sol.
"""

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
