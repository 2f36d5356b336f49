// Our `:::` blocks (spoiler, note, figure, embed) marked line by line: the opening line, the
// lines inside, the closing line; a spoiler's opening line shows the film it hides (from the
// server's last look at the text: the browser never resolves films itself).
import { StateEffect, StateField, RangeSetBuilder } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType } from "@codemirror/view";

export const BLOCK_TYPES = ["spoiler", "note", "figure", "embed"];
const MARKER = /^((?:\s*(?:>|[-*+]|\d+[.)]))*\s*):::\s*([A-Za-z]*)\s*(.*)$/;
const FENCE = /^\s*(?:>\s*)*(```|~~~)/;

// Line number -> what the server said the spoiler block on that line hides.
export const setSpoilerFilms = StateEffect.define();
export const spoilerFilms = StateField.define({
  create: () => new Map(),
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setSpoilerFilms)) return effect.value;
    return value;
  },
});

class SpoilerFilmWidget extends WidgetType {
  constructor(text, known) { super(); this.text = text; this.known = known; }
  eq(other) { return other.text === this.text && other.known === this.known; }
  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-nr-hides" + (this.known ? "" : " cm-nr-hides-unknown");
    span.textContent = this.text;
    return span;
  }
  ignoreEvent() { return true; }
}

/** Every block in the text: [{type, open, close (line numbers, 1-based), argument}]. */
export function scanBlocks(doc) {
  const blocks = [];
  const stack = [];
  let fence = null;
  for (let n = 1; n <= doc.lines; n++) {
    const text = doc.line(n).text;
    const fenced = FENCE.exec(text);
    if (fenced) {
      if (fence === null) fence = fenced[1];
      else if (fenced[1] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const match = MARKER.exec(text);
    if (!match) continue;
    const type = match[2].toLowerCase();
    if (type === "" && match[3] === "") {
      const block = stack.pop();
      if (block) { block.close = n; blocks.push(block); }
    } else {
      stack.push({ type, open: n, close: null, argument: match[3].trim() });
    }
  }
  for (const block of stack) blocks.push(block);  // never closed
  return blocks.sort((a, b) => a.open - b.open);
}

function build(view) {
  const doc = view.state.doc;
  const films = view.state.field(spoilerFilms);
  const lineClasses = new Map();
  const add = (n, cls) => lineClasses.set(n, (lineClasses.get(n) || []).concat(cls));
  const widgets = new Map();
  for (const block of scanBlocks(doc)) {
    const known = BLOCK_TYPES.includes(block.type);
    const type = known ? block.type : "unknown";
    add(block.open, ["cm-nr-open", "cm-nr-" + type]);
    if (block.close === null) add(block.open, ["cm-nr-unclosed"]);
    const last = block.close === null ? doc.lines : block.close - 1;
    for (let n = block.open + 1; n <= last; n++) add(n, ["cm-nr-in", "cm-nr-in-" + type]);
    if (block.close !== null) add(block.close, ["cm-nr-close", "cm-nr-" + type]);
    if (block.type === "spoiler") {
      const film = films.get(block.open);
      if (film) widgets.set(block.open, new SpoilerFilmWidget(film.text, film.known));
    }
  }
  const builder = new RangeSetBuilder();
  for (const n of [...lineClasses.keys()].sort((a, b) => a - b)) {
    const line = doc.line(n);
    builder.add(line.from, line.from, Decoration.line({ class: lineClasses.get(n).join(" ") }));
    if (widgets.has(n)) builder.add(line.to, line.to, Decoration.widget({ widget: widgets.get(n), side: 1 }));
  }
  return builder.finish();
}

export const blockHighlighting = [
  spoilerFilms,
  ViewPlugin.fromClass(class {
    constructor(view) { this.decorations = build(view); }
    update(update) {
      if (update.docChanged || update.transactions.some((tr) => tr.effects.some((e) => e.is(setSpoilerFilms)))) {
        this.decorations = build(update.view);
      }
    }
  }, { decorations: (plugin) => plugin.decorations }),
  EditorView.baseTheme({}),
];
