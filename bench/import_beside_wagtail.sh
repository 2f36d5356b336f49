#!/usr/bin/env bash
# Import speed beside Wagtail's: the same JSON Lines corpus (the shared anchors' make_corpus.py)
# imported by Wagtail's anchor site (/work/shared/anchors/wagtail: `import_articles`, ArticlePages
# under the home page, Markdown converted, one transaction, no pages rendered) and by
# `newsreel import jsonl` (the one intake: text core, revisions, stored pages, search and desk
# indexes), each into a fresh SQLite site. Prints wall and CPU seconds of each import.
#
#   bash bench/import_beside_wagtail.sh [N]      (default 300; WORK=/tmp/newsreel-wagtail-bench)
#
# Wagtail and its pinned versions are installed into $WORK/venv with pip on the first run.
set -euo pipefail
N=${1:-300}
ANCHORS=${ANCHORS:-/work/shared/anchors}
WORK=${WORK:-/tmp/newsreel-wagtail-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$WORK"
python3 "$ANCHORS/make_corpus.py" -n "$N" --out "$WORK/corpus" --formats jsonl >/dev/null
if [ ! -x "$WORK/venv/bin/wagtail" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q wagtail==8.0.1 Django==5.2.19 Markdown==3.11.3
fi
rm -rf "$WORK/site" "$WORK/newsreel"; mkdir -p "$WORK/site" "$WORK/newsreel"
"$WORK/venv/bin/wagtail" start newsreel_wt "$WORK/site" >/dev/null
cp -r "$ANCHORS/wagtail/news" "$WORK/site/"
cp -r "$ANCHORS/wagtail/home/." "$WORK/site/home/"
cp -r "$ANCHORS/wagtail/project/." "$WORK/site/newsreel_wt/"
(cd "$WORK/site" && export DJANGO_SETTINGS_MODULE=newsreel_wt.settings.production \
  && "$WORK/venv/bin/python" manage.py makemigrations news -v0 && "$WORK/venv/bin/python" manage.py migrate -v0 \
  && echo "wagtail  import_articles, $N stories:" \
  && /usr/bin/time -f "         wall %e s, cpu %U+%S s" "$WORK/venv/bin/python" manage.py import_articles "$WORK/corpus/articles.jsonl")
export NEWSREEL_DATA_DIR="$WORK/newsreel" NEWSREEL_DEBUG=false DJANGO_SETTINGS_MODULE=newsreel.settings NEWSREEL_EMBED_POSTERS=false
unset DATABASE_URL || true
"$ROOT/.venv/bin/newsreel" migrate >/dev/null
echo "newsreel import jsonl, $N stories:"
/usr/bin/time -f "         wall %e s, cpu %U+%S s" "$ROOT/.venv/bin/newsreel" import jsonl "$WORK/corpus/articles.jsonl" 2>&1 | tail -2
echo "load     $(cut -d' ' -f1 /proc/loadavg) (1-minute load average at the end)"
