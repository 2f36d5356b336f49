#!/usr/bin/env python3
"""First contact: how sure the core was on articles it had never seen.

For every evaluation set that was once held out (named in ``SETS`` below, never found by a glob),
the core that had never seen it is the parent of the commit that moved the set from ``holdout/``
to ``tune/``. That core is checked out in a temporary ``git worktree``, run on the set's articles
as they are now, and every quote it **showed** (a graph speaker at ``SHOWN`` or more) is marked
right or on a wrong page against today's gold. The quotes are then counted by the confidence band
the first-contact core gave them and by how the text attributes them (a rough reading of the
paragraph: a name with the speech verb, a pronoun whose subject is in the paragraph or before it,
a transcript answer, a block quote, ...), so a calibration of the bands can be checked on errors
no rule was written for.

Run from the repository root, alone (it needs only the checkout and its ``.venv``)::

    .venv/bin/python bench/first_contact.py              # the table
    .venv/bin/python bench/first_contact.py --rows       # and every shown quote, one a line
    .venv/bin/python bench/first_contact.py --threshold 0.8 --sets evalset20 evalset21
    .venv/bin/python bench/first_contact.py --rules      # and by the rule that gave the confidence
    .venv/bin/python bench/first_contact.py --todays-confidences   # re-banded with today's values

``--rules`` names the rule behind each quote's confidence: the first-contact core's confidence
constants (``EXPLICIT_MENTION``, ``PRONOUN_SAME_PARAGRAPH``, ...) are given distinct values a
hair apart (same order, same side of ``SHOWN``), so the value a quote gets names the constant
that gave it; the quotes and speakers are checked to be the same as without the tags.
``--todays-confidences`` gives the first-contact core today's value of every constant it shares
with today's core (by name): the evidence it found is re-banded as today's core would band it,
so a recalibration is measured on first contact (round thirty).

A set whose folder still has a ``holdout/`` part is refused: it has never been moved to tune and
must not be run. The worktrees are removed when it ends.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

#: the core's modules whose confidence constants --rules and --todays-confidences set
CONFIDENCE_MODULES = ("attribution", "transcripts", "answers", "document", "blockquotes")

ROOT = Path(__file__).resolve().parent.parent
#: every set that was once held out and has since moved to tune/ (add the next one by hand)
SETS: tuple[str, ...] = tuple(f"evalset{n}" for n in (*range(10, 66), *range(68, 120), 122, 123, 124))  # 56, 57: round forty-two; 58, 59: round forty-three; 60, 61: round forty-four; 62, 63: round forty-five; 64, 65: round forty-six; 66, 67 stay held out; 68, 69: round forty-seven; 70, 71: round forty-eight; 72, 73: round forty-nine; 74, 75: round fifty; 76, 77: round fifty-one; 78, 79: round fifty-two; 80, 81: round fifty-three; 82, 83: round fifty-four; 84, 85: round fifty-five; 86, 87: round fifty-six; 88, 90: round fifty-seven; 89, 91: round fifty-eight; 93, 94: round fifty-nine; 92, 95: round sixty; 96, 99: round sixty-one; 97, 98: round sixty-two; 100, 101: round sixty-three; 102, 103: round sixty-four; 106, 107: round sixty-five; 108, 109: round sixty-six; 104, 105: round sixty-seven; 112, 113: round sixty-eight; 110, 111: round sixty-nine; 114, 115: round seventy; 116, 117: round seventy-one; 118, 119: round seventy-two; 122, 123: round seventy-three; 124: round seventy-four (120, 121, 125 stay held out)
#: a quote on a graph speaker at this confidence or more goes on the person's page
SHOWN = 0.8

VERB = (r"(said|says|say|told|tells|tell|added|adds|asked|asks|recalls|recalled|remembers|wrote|"
        r"writes|put it|explained|explains|laughs|laughed|shrugs|answered|answers|insisted|insists|"
        r"admits|admitted|replied|replies|continued|continues|agreed|agrees|joked|jokes|noted|notes|"
        r"argued|argues|posted|according to|statement|read|reads|emails)")


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def first_contact_commit(name: str) -> str:
    """The parent of the commit that moved ``name`` to tune/: the core that had never seen it."""
    moved = git("log", "--reverse", "--format=%H", "--", f"tests/{name}/tune/gold.json").split()
    if not moved:
        raise SystemExit(f"{name}: no tune/ part in the history")
    return git("rev-parse", f"{moved[0]}^")


def confidence_constants(modules: Iterable[Any]) -> dict[str, float]:
    """Every upper-case float in 0..1 the core's quote modules define, by name: its confidences."""
    found: dict[str, float] = {}
    for module in modules:
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, float) and 0 < value <= 1 and name != "SURE_CONFIDENCE":
                found[name] = value
    return found


def quote_modules() -> list[Any]:
    """The imported core's quote modules that hold confidence constants (those it has)."""
    modules = []
    for name in CONFIDENCE_MODULES:
        try:
            modules.append(importlib.import_module(f"newsreel.text.quotes.{name}"))
        except ImportError:  # an older core without that module
            pass
    return modules


def set_confidences(values: dict[str, float]) -> None:
    """Give the imported core's constants these values, in every module that holds the name
    (a module that imported a constant holds its own binding)."""
    for module in quote_modules():
        for name, value in values.items():
            if name in vars(module):
                setattr(module, name, value)


def rule_tags(constants: dict[str, float]) -> dict[str, float]:
    """A distinct value for each constant, a hair above its own: same order between different
    values, same side of SHOWN, so a quote's confidence names the constant that gave it."""
    ordered = sorted(constants.items(), key=lambda kv: (kv[1], kv[0]))
    return {name: round(value + 0.0001 * (i + 1), 4) for i, (name, value) in enumerate(ordered)}


def todays_confidences() -> dict[str, float]:
    """Today's value of every confidence constant: this checkout's core, imported here (each
    first-contact core is imported only in its own child process, `dump`)."""
    sys.path.insert(0, str(ROOT))
    return confidence_constants(quote_modules())


def dump(core: Path, set_dir: Path, *, rules: bool = False,
         confidences: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """Run the core checked out at ``core`` on ``set_dir``; one row per quote it gave a speaker.

    Runs inside a child process (``--dump``), so each core's modules are imported alone; the
    gold is read and matched by today's evaluation code, as the scorer does. ``confidences``
    re-bands the core (its constants of those names get those values); ``rules`` adds to each
    row the constant that gave its confidence.
    """
    sys.path.insert(0, str(core))
    spec = importlib.util.spec_from_file_location("_scorer", ROOT / "newsreel/text/evaluation.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    sys.modules["_scorer"] = scorer
    spec.loader.exec_module(scorer)
    from newsreel.text.gazetteer import Gazetteer  # the first-contact core's
    from newsreel.text.pipeline import process_article

    paths = sorted((set_dir / "articles").glob("*.md"))
    kb = set_dir / "kb.json"
    graph = scorer.graph_from_json(json.loads(kb.read_text()), source=str(kb))
    gold = scorer.gold_from_json(json.loads((set_dir / "gold.json").read_text()),
                                 [p.name for p in paths], graph, source="gold")
    gazetteer = Gazetteer.build(graph)
    if confidences:
        set_confidences(confidences)
    constants = confidence_constants(quote_modules())
    tags = rule_tags(constants) if rules else {}
    names = {tag: name for name, tag in tags.items()}
    rows: list[dict[str, Any]] = []
    for path in paths:
        headline, body = scorer.split_headline(path.read_text(encoding="utf-8"))

        def run() -> Any:
            # Every picture an article shows is known, as to `newsreel evaluate` (a set written
            # elsewhere shows stills the evaluation has no library for).
            return process_article(body, graph=gazetteer, images=scorer.any_picture,
                                   headline=scorer.plain_headline(headline), href=lambda kind, key: f"/{kind}/{key}")

        result = run()
        quotes, paragraphs = result.quotes, result.paragraphs
        rule_of: list[str] = []
        if rules:
            set_confidences(tags)
            tagged = run().quotes
            set_confidences(constants)
            if [(q.text, q.speaker_key) for q in tagged] != [(q.text, q.speaker_key) for q in quotes]:
                raise SystemExit(f"{path.name}: the rule tags changed a speaker")
            rule_of = [names.get(round(q.confidence, 4), f"{q.confidence:.2f}") for q in tagged]
        used: set[tuple[int, int]] = set()
        gold_for: dict[int, list[Any]] = {}
        for g in gold[path.name].quotes:
            hit = next(((i, at) for i, q in enumerate(quotes)
                        for at in (0, *getattr(q, "fragment_starts", ()))
                        if (i, at) not in used and scorer.quote_matches(g.text_start, q.text[at:])),
                       None)
            if hit:
                used.add(hit)
                gold_for.setdefault(hit[0], []).append(g)
        for i, q in enumerate(quotes):
            if q.speaker_key is None:
                continue
            golds = gold_for.get(i, [])
            pi = max((k for k, p in enumerate(paragraphs) if p.start <= q.start), default=0)
            para = paragraphs[pi]
            rows.append(dict(
                set=set_dir.parent.name, article=path.name, text=q.text[:70],
                speaker=q.speaker_key, conf=float(getattr(q, "confidence", 1.0)),
                kind=getattr(q, "kind", "speech"), right=any(g.speaker == q.speaker_key for g in golds),
                gold=[g.speaker for g in golds], para_kind=para.kind, para=para.text,
                prev=paragraphs[pi - 1].text[-300:] if pi > 0 else "",
                off=q.start - para.start, rule=rule_of[i] if rule_of else ""))
    return rows


def how_attributed(row: dict[str, Any]) -> str:
    """A rough reading of how the text attributes the quote (not the core's own rule)."""
    para, text = row["para"], row["text"]
    start = para.find(text[:40])
    start = start if start >= 0 else row["off"]
    close = re.search(r'["”]', para[start:])
    end = start + close.start() if close else start + len(text)
    if row["kind"] == "qa":
        return "transcript answer"
    if row["para_kind"] == "quote":
        return "block quote"
    if re.match(r"^\W{0,3}\s*[—–-]\s*[A-Z]", para[end:end + 8]):
        return "em-dash credit"
    if row["para_kind"] == "list":
        return "list item"
    after = re.split(r"[.!?][\"”]?\s", para[end:end + 90].lstrip("\"”’ ,"))[0]
    before = para[:start]
    lead = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+", before)[-1]
    surnames = [t for t in row["speaker"].split("-") if len(t) > 2]

    def named(s: str) -> bool:
        return any(re.search(rf"\b{re.escape(t)}\b", s, re.I) for t in surnames)

    if re.search(VERB, after[:70], re.I):
        clause = after[:70]
        if named(clause):
            return "name with the speech verb"
        if re.search(r"\b(she|he)\b", clause, re.I):
            return ("pronoun, subject in the paragraph" if named(before)
                    else "pronoun, subject in an earlier paragraph")
        return "role or other attribution"
    if re.search(VERB, lead, re.I) or lead.rstrip().endswith((":", ",")):
        if named(lead):
            return "name in the lead-in"
        if re.search(r"\b(she|he)\b", lead, re.I):
            return ("pronoun, subject in the paragraph" if named(before[:len(before) - len(lead)])
                    else "pronoun, subject in an earlier paragraph")
        return "role or other lead-in"
    if start == 0 or not before.strip():
        return "bare quote opening a paragraph"
    return "bare quote after narration"


def run_first_contact(names: Iterable[str], *, rules: bool = False,
                      confidences: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """Every set's quotes as the core that had never seen it gave them (see ``dump``)."""
    extra = (["--rules"] if rules else []) + (
        ["--confidences", json.dumps(confidences)] if confidences else [])
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="first-contact-") as tmp:
        for name in names:
            folder = ROOT / "tests" / name
            if (folder / "holdout").exists():
                raise SystemExit(f"{name} still has a holdout/ part: not run")
            commit = first_contact_commit(name)
            tree = Path(tmp) / name
            git("worktree", "add", "--detach", "--quiet", str(tree), commit)
            try:
                out = subprocess.run(
                    [sys.executable, __file__, "--dump", str(tree), str(folder / "tune"), *extra],
                    check=True, capture_output=True, text=True, cwd=tree).stdout
            finally:
                git("worktree", "remove", "--force", str(tree))
            got = [json.loads(line) for line in out.splitlines() if line.strip()]
            for r in got:
                r["core"] = commit[:7]
            rows += got
    return rows


def table(rows: list[dict[str, Any]], shown: float) -> str:
    lines = []
    shown_rows = [r for r in rows if r["conf"] >= shown]
    keys = [("confidence band (first-contact core)", lambda r: f"{r['conf']:.2f}"),
            ("how the text attributes it", how_attributed)]
    if any(r.get("rule") for r in rows):
        keys.append(("rule that gave the confidence (first-contact core)", lambda r: r["rule"]))
    for title, key in keys:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in shown_rows:
            counts[key(r)][0 if r["right"] else 1] += 1
        lines += ["", f"| {title} | shown right | shown wrong | precision |", "|---|---|---|---|"]
        for k, (a, b) in sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
            lines.append(f"| {k} | {a} | {b} | {a / (a + b):.3f} |")
    per_set: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        s = per_set[f"{r['set']} ({r['core']})"]
        if r["conf"] >= shown:
            s[0] += 1
            s[1] += not r["right"]
        elif not r["right"]:
            s[2] += 1
    lines += ["", "| set (first-contact core) | shown | wrong page | wrong, held |", "|---|---|---|---|"]
    for k, (n, w, h) in per_set.items():
        lines.append(f"| {k} | {n} | {w} | {h} |")
    total = [sum(v[i] for v in per_set.values()) for i in range(3)]
    lines.append(f"| all | {total[0]} | {total[1]} | {total[2]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS, metavar="NAME")
    parser.add_argument("--threshold", type=float, default=SHOWN,
                        help="confidence at which a quote is shown (default %(default)s)")
    parser.add_argument("--rows", action="store_true", help="print every shown quote too")
    parser.add_argument("--rules", action="store_true",
                        help="name the rule (confidence constant) behind each quote")
    parser.add_argument("--todays-confidences", action="store_true",
                        help="give each first-contact core today's confidence values, by name")
    parser.add_argument("--confidences", help=argparse.SUPPRESS)  # JSON, for the child
    parser.add_argument("--dump", nargs=2, metavar=("CORE", "SETDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        values = json.loads(args.confidences) if args.confidences else None
        for row in dump(Path(args.dump[0]), Path(args.dump[1]), rules=args.rules, confidences=values):
            print(json.dumps(row, ensure_ascii=False))
        return
    rows = run_first_contact(args.sets, rules=args.rules,
                             confidences=todays_confidences() if args.todays_confidences else None)
    print(table(rows, args.threshold))
    if args.rows:
        for r in rows:
            if r["conf"] >= args.threshold:
                print("right" if r["right"] else "WRONG", f"{r['conf']:.2f}", r["set"], r["article"][:2],
                      r["speaker"], "|", how_attributed(r), "|", r.get("rule") or "-", "|", r["text"][:50])


if __name__ == "__main__":
    main()
