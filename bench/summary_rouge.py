"""Compare generated summaries with the lead baseline by ROUGE-1 and ROUGE-2 F1.

Runs alone: `.venv/bin/python bench/summary_rouge.py`. References are hand-written summaries of
the tune articles in tests/evalset/tune (bench/summary_references.json). Weights in
newsreel/text/summary.py were tuned looking only at articles 01-06; 07-12 are reported apart.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreel.text.document import parse_document  # noqa: E402
from newsreel.text.sentences import split_sentences  # noqa: E402
from newsreel.text.summary import summarize  # noqa: E402
from newsreel.text.types import FilmRef  # noqa: E402

EVALSET = ROOT / "tests" / "evalset" / "tune"
REFERENCES = Path(__file__).resolve().parent / "summary_references.json"


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def rouge(candidate: str, reference: str, n: int) -> float:
    def grams(words: list[str]) -> Counter:
        return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))

    c, r = grams(tokens(candidate)), grams(tokens(reference))
    overlap = sum((c & r).values())
    if not overlap:
        return 0.0
    p, rec = overlap / sum(c.values()), overlap / sum(r.values())
    return 2 * p * rec / (p + rec)


def lead(paragraphs, n: int) -> str:
    body = [p for p in paragraphs if p.kind == "paragraph" and p.spoiler_film is None]
    sentences = [p.text[s:e] for p in body for s, e in split_sentences(p.text)]
    return " ".join(sentences[:n])


def main() -> None:
    kb = json.loads((EVALSET / "kb.json").read_text())
    films = [FilmRef(f["key"], f["title"], f.get("year"), tuple(f.get("aliases", ()))) for f in kb["films"]]
    references = {k: v for k, v in json.loads(REFERENCES.read_text()).items() if not k.startswith("_")}
    rows = []
    for name in sorted(references):
        source = (EVALSET / "articles" / name).read_text()
        first, _, body = source.partition("\n")
        headline = first.lstrip("# ").replace("*", "")
        document = parse_document(body, films=films, images=lambda ref: None)
        ours = summarize(document.safe_paragraphs, headline=headline).text
        ref = references[name]
        rows.append(
            (
                name,
                rouge(lead(document.safe_paragraphs, 2), ref, 1),
                rouge(lead(document.safe_paragraphs, 3), ref, 1),
                rouge(ours, ref, 1),
                rouge(lead(document.safe_paragraphs, 2), ref, 2),
                rouge(ours, ref, 2),
                len(ours),
            )
        )
    print(f"{'article':40} {'lead2-R1':>8} {'lead3-R1':>8} {'ours-R1':>8} {'lead2-R2':>8} {'ours-R2':>8} {'chars':>6}")
    for row in rows:
        print(f"{row[0]:40} " + " ".join(f"{v:8.3f}" for v in row[1:6]) + f" {row[6]:6d}")
    for label, part in (("tuned (01-06)", rows[:6]), ("held out (07-12)", rows[6:]), ("all", rows)):
        means = [sum(r[i] for r in part) / len(part) for i in range(1, 6)]
        print(f"{'mean ' + label:40} " + " ".join(f"{v:8.3f}" for v in means))


if __name__ == "__main__":
    main()
