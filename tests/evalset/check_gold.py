#!/usr/bin/env python3
"""Check an evaluation set's gold.json against its kb.json and articles (stdlib only).

Usage: python3 tests/evalset/check_gold.py [DIR ...]   (default: every part of every set,
       tests/evalset*/tune and tests/evalset*/holdout)
       add --lint to also print warnings that help a human audit the gold by hand.

Errors (exit status 1):
  - a gold film/person/speaker key missing from kb.json; a credit role the scorer does not read
  - a text_start that does not occur right after an opening quote mark in its article,
    or that has more than eight words
  - a spoiler_sentence not inside a spoiler block; spoiler_films not equal to the
    films of the article's spoiler blocks; a spoiler film missing from "films"
  - an article without gold, gold without an article, a missing "# Headline",
    an article outside 250-600 words, kb.json differing between parts
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

OPEN = "\"“‘'"
HERE = Path(__file__).resolve().parent
CREDIT_ROLES = ("director", "writer", "producer", "actor", "crew")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ø", "o").replace("Ø", "O").replace("’", "'")


def spoiler_blocks(text: str) -> list[tuple[str, str]]:
    blocks, cur, body = [], None, []
    for line in text.splitlines():
        if cur is None:
            m = re.match(r"^:::spoiler\s+(\S+)\s*$", line)
            if m:
                cur, body = m.group(1), []
        elif line.strip() == ":::":
            blocks.append((cur, "\n".join(body)))
            cur = None
        else:
            body.append(line)
    if cur is not None:
        raise ValueError(f"unclosed spoiler block for {cur}")
    return blocks


# Words per article by evaluation set (evalset2 to 6 were written to issue 13: 300-700 words;
# evalset7 to evalset12 were briefed at 400-700).
WORDS = {"evalset": (250, 600), "evalset2": (300, 700), "evalset3": (300, 700), "evalset4": (300, 700),
         "evalset5": (300, 700), "evalset6": (300, 700), "evalset7": (400, 700),
         "evalset8": (400, 700), "evalset9": (400, 700),
         "evalset10": (400, 700), "evalset11": (400, 700), "evalset12": (400, 700),
         "evalset14": (400, 700), "evalset15": (300, 600),
         "evalset16": (300, 600), "evalset17": (300, 600),
         "evalset18": (300, 600), "evalset19": (300, 600),
         "evalset20": (300, 650), "evalset21": (300, 650),
         "evalset22": (300, 650), "evalset23": (300, 550), "evalset24": (300, 550),
         "evalset25": (300, 600), "evalset26": (400, 600),
         "evalset30": (400, 600),
         "evalset31": (400, 600),
         "evalset32": (400, 600),
         "evalset33": (400, 600),
         "evalset34": (400, 600),
         "evalset35": (400, 600),
         "evalset36": (400, 600),
         "evalset37": (400, 600),
         "evalset38": (400, 600),
         "evalset39": (400, 600),
         "evalset40": (400, 600),
         "evalset41": (400, 600),
         "evalset42": (400, 600),
         "evalset43": (400, 600),
         "evalset44": (400, 600),
         "evalset45": (400, 600),
         "evalset46": (400, 600),
         "evalset47": (400, 600),
         "evalset48": (400, 600),
         "evalset49": (400, 600),
         "evalset50": (400, 600),
         "evalset51": (400, 600),
         "evalset52": (400, 600),
         "evalset53": (400, 600),
         "evalset54": (400, 600),
         "evalset55": (400, 600),
         "evalset56": (400, 600),
         "evalset57": (400, 600),
         "evalset58": (400, 600),
         "evalset59": (400, 600),
         "evalset60": (400, 600),
         "evalset61": (400, 600),
         "evalset62": (400, 600),
         "evalset63": (400, 600),
         "evalset64": (400, 600),
         "evalset65": (400, 600),
         "evalset66": (400, 600),
         "evalset67": (400, 600),
         "evalset68": (400, 600),
         "evalset69": (400, 600),
         "evalset70": (400, 600),
         "evalset71": (400, 600),
         "evalset72": (400, 600),
         "evalset73": (400, 600),
         "evalset74": (400, 600),
         "evalset75": (400, 600),
         "evalset76": (400, 600),
         "evalset77": (400, 600),
         "evalset78": (400, 600),
         "evalset79": (400, 600),
         "evalset80": (400, 600),
         "evalset81": (400, 600),
         "evalset82": (400, 600),
         "evalset83": (400, 600),
         "evalset84": (400, 600),
         "evalset85": (400, 600),
         "evalset86": (400, 600),
         "evalset87": (400, 600),
         "evalset88": (400, 600),
         "evalset89": (400, 600),
         "evalset90": (400, 600),
         "evalset91": (400, 600),
         "evalset92": (400, 600),
         "evalset93": (400, 600),
         "evalset94": (400, 600),
         "evalset95": (400, 600),
         "evalset96": (400, 600),
         "evalset97": (400, 600),
         "evalset98": (400, 600),
         "evalset99": (400, 600),
         "evalset100": (400, 600),
         "evalset101": (400, 600),
         "evalset102": (400, 600),
         "evalset103": (400, 600),
         "evalset104": (400, 600),
         "evalset105": (400, 600),
         "evalset106": (400, 600),
         "evalset107": (400, 600),
         "evalset108": (400, 600),
         "evalset109": (400, 600),
         "evalset110": (400, 600),
         "evalset111": (400, 600),
         "evalset112": (400, 600),
         "evalset113": (400, 600),
         "evalset114": (400, 600),
         "evalset115": (400, 600),
         "evalset116": (400, 600),
         "evalset117": (400, 600),
         "evalset118": (400, 600),
         "evalset119": (400, 600),
         "evalset120": (400, 600),
         "evalset121": (400, 600),
         "evalset122": (400, 600),
         "evalset123": (400, 600),
         "evalset124": (400, 600),
         "evalset125": (400, 600),
         "evalset27": (400, 600), "evalset28": (400, 600),
         "evalset29": (400, 600)}
# A transcript label (`KIM:`, `**Q:**`, and the newspaper style `Q.` / `A.`) or a block-quote mark.
LABEL = re.compile(r"^(?:\*\*)?[^:*\n]{1,40}:(?:\*\*)?\s+|^(?:\*\*)?[QA]\.(?:\*\*)?\s+|^>\s+", re.MULTILINE)


# An interview whose questions (and remarks) are set in bold or in italics, each a paragraph of its
# own, with no label: the answer is the plain paragraph after it.
BOLD_QUESTION = re.compile(r"^(?:\*\*[^\n]+\*\*|[*_][^*_\n]+[*_])[ \t]*\n[ \t]*\n", re.MULTILINE)


def _unmarked(text: str, ts: str) -> bool:
    """A transcript answer (`**A:** ...`, `KIM: ...`, or the paragraph after a question set in
    bold or italics) or a block-quote statement (`> ...`) starts with `ts` (emphasis marks ignored)."""
    plain = text.replace("*", "")
    if any(plain[m.end():].startswith(ts) for m in LABEL.finditer(plain)):
        return True
    return any(text[m.end():].replace("*", "").startswith(ts) for m in BOLD_QUESTION.finditer(text))


def check_dir(d: Path, lint: bool) -> tuple[list[str], dict]:
    errs: list[str] = []
    kb = json.loads((d / "kb.json").read_text(encoding="utf-8"))
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    films = {f["key"]: f for f in kb["films"]}
    people = {p["key"]: p for p in kb["people"]}
    for index, credit in enumerate(kb.get("credits", [])):
        if credit.get("role") not in CREDIT_ROLES:  # what the scorer's graph reader accepts
            errs.append(f"{d.name}/kb.json: credits[{index}].role {credit.get('role')!r} is not one of {', '.join(CREDIT_ROLES)}")
        for field, keys in (("film", films), ("person", people)):  # the scorer refuses a credit of nothing
            if credit.get(field) not in keys:
                errs.append(f"{d.name}/kb.json: credits[{index}].{field} {credit.get(field)!r} is not a key in {field}s")
    arts = {p.name: p.read_text(encoding="utf-8") for p in sorted((d / "articles").glob("*.md"))}
    for name in sorted(set(arts) ^ set(gold)):
        errs.append(f"{d.name}/{name}: article and gold do not match one to one")
    stats = {"articles": 0, "words": 0, "quotes": 0, "null_speaker_quotes": 0, "film_mentions": 0,
             "person_mentions": 0, "spoiler_articles": 0, "spoiler_sentences": 0}
    for name, g in sorted(gold.items()):
        text = arts.get(name)
        if text is None:
            continue
        where = f"{d.name}/{name}"
        stats["articles"] += 1
        words = len(text.split())
        stats["words"] += words
        if not text.startswith("# "):
            errs.append(f"{where}: first line is not '# Headline'")
        low, high = WORDS.get(d.parent.name, (250, 600))
        if not low <= words <= high:
            errs.append(f"{where}: {words} words, outside {low}-{high}")
        for k in g["films"]:
            if k not in films:
                errs.append(f"{where}: unknown film key {k}")
        for k in g["people"]:
            if k not in people:
                errs.append(f"{where}: unknown person key {k}")
        stats["film_mentions"] += len(g["films"])
        stats["person_mentions"] += len(g["people"])
        for q in g["quotes"]:
            ts, sp = q["text_start"], q["speaker"]
            stats["quotes"] += 1
            stats["null_speaker_quotes"] += sp is None
            if sp is not None and sp not in people:
                errs.append(f"{where}: unknown speaker {sp}")
            if len(ts.split()) > 8:
                errs.append(f"{where}: text_start longer than eight words: {ts!r}")
            if q.get("kind", "speech") not in ("speech", "qa"):
                errs.append(f"{where}: kind must be speech or qa: {q.get('kind')!r}")
            if not any(o + ts in text for o in OPEN) and not _unmarked(text, ts):
                errs.append(f"{where}: text_start not found after an opening quote mark, a transcript label "
                            f"or a block-quote mark: {ts!r}")
        try:
            blocks = spoiler_blocks(text)
        except ValueError as e:
            errs.append(f"{where}: {e}")
            blocks = []
        block_films = sorted({f for f, _ in blocks})
        if block_films != sorted(g["spoiler_films"]):
            errs.append(f"{where}: spoiler_films {g['spoiler_films']} != blocks {block_films}")
        for f in block_films:
            if f not in films:
                errs.append(f"{where}: spoiler block for unknown film {f}")
            if f not in g["films"]:
                errs.append(f"{where}: spoiler film {f} missing from films")
        stats["spoiler_articles"] += bool(blocks)
        for s in g["spoiler_sentences"]:
            stats["spoiler_sentences"] += 1
            if not any(s in body for _, body in blocks):
                errs.append(f"{where}: spoiler_sentence not inside a spoiler block: {s!r}")
            outside = text
            for _, body in blocks:
                outside = outside.replace(body, "")
            if s in outside:
                errs.append(f"{where}: spoiler_sentence also occurs outside spoiler blocks: {s!r}")
        if lint:
            lint_article(where, text, g, films, people)
    return errs, stats


def lint_article(where: str, text: str, g: dict, films: dict, people: dict) -> None:
    """Warnings only: names from the kb seen in the text but not in gold, and the reverse;
    quoted passages that are not gold quotes (expected: scare quotes, titles, terms)."""
    ft = fold(text)
    for k, f in films.items():
        names = [f["title"], *f.get("aliases", [])]
        hit = [n for n in names if re.search(r"(?<![\w-])" + re.escape(fold(n)) + r"(?![\w-])", ft)]
        if hit and k not in g["films"]:
            print(f"  lint {where}: film title seen, not in gold: {k} {hit}")
        if not hit and k in g["films"]:
            print(f"  lint {where}: gold film whose title is not in the text: {k}")
    for k, p in people.items():
        names = [p["name"], *p.get("aliases", [])]
        full = [n for n in names if fold(n) in ft]
        if full and k not in g["people"]:
            print(f"  lint {where}: person name seen, not in gold: {k}")
        if not full and k in g["people"]:
            print(f"  lint {where}: gold person whose full name is not in the text: {k}")
    starts = [q["text_start"] for q in g["quotes"]]
    for seg in quoted_openings(text):
        if not any(seg.startswith(s) or s.startswith(seg.strip()) for s in starts):
            print(f"  lint {where}: quoted passage that is not a gold quote: {seg[:50]!r}")


def quoted_openings(text: str) -> list[str]:
    """Text after each opening double quote that starts a new quoted passage.

    Skips the second part of a quote broken by an attribution (an opening quote that
    follows a closing quote in the same paragraph by fewer than 90 characters) and a
    paragraph that continues a quote left open at the end of the previous paragraph.
    """
    out: list[str] = []
    still_open = False
    for para in re.split(r"\n\s*\n", text):
        last_close = None
        first = True
        for m in re.finditer(r"[\"“”]", para):
            ch = m.group()
            i = m.start()
            opening = ch == "“" or (ch == '"' and (i == 0 or para[i - 1] in " \t\n(—–-"))
            if opening:
                cont = (first and still_open and i == 0) or (last_close is not None and i - last_close < 90)
                if not cont:
                    out.append(para[i + 1:i + 80])
                still_open = True
            else:
                still_open = False
                last_close = i
            first = False
    return out

def main(argv: list[str]) -> int:
    lint = "--lint" in argv
    # Every part of every set beside this one (evalset, evalset2, …, tune and holdout alike).
    dirs = [Path(a) for a in argv if not a.startswith("--")] or sorted(
        (gold.parent for gold in HERE.parent.glob("evalset*/*/gold.json")),
        key=lambda part: (int(part.parent.name.removeprefix("evalset") or 1), part.name))
    dirs = [d for d in dirs if (d / "gold.json").exists()]
    all_errs: list[str] = []
    for parent in {d.parent for d in dirs}:
        kbs = {(d / "kb.json").read_bytes() for d in dirs if d.parent == parent}
        if len(kbs) > 1:
            all_errs.append(f"{parent.name}: kb.json differs between parts")
    for d in dirs:
        errs, stats = check_dir(d, lint)
        all_errs += errs
        print(d.name, json.dumps(stats))
    for e in all_errs:
        print("ERROR", e)
    print("OK" if not all_errs else f"{len(all_errs)} error(s)")
    return 1 if all_errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
