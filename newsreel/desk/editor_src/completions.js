// Completions, shown as CodeMirror's WAI-ARIA listbox (the editor is the combobox: it carries
// aria-autocomplete, aria-controls and aria-activedescendant while the list is open):
//   - the slash menu at the start of a line: blocks, heading, quote, list;
//   - films and people from the knowledge graph while a name is typed, with year and
//     director (or role) to tell same-named films apart; choosing one pins the link;
//   - the film after `:::spoiler `, inserted as its key;
//   - pictures from the library inside a figure's `(image:…)`.
import { insertBlock, heading, quote, list } from "./commands.js";

const SLASH = [
  { label: "/spoiler", detail: "Spoiler block for a film", block: "spoiler" },
  { label: "/note", detail: "Editor's note", block: "note" },
  { label: "/figure", detail: "Figure: picture, caption, credit", block: "figure" },
  { label: "/embed", detail: "Trailer or post from YouTube, Vimeo, Bluesky…", block: "embed" },
  { label: "/heading", detail: "Subheading", run: heading },
  { label: "/quote", detail: "Quotation", run: quote },
  { label: "/list", detail: "List item", run: list },
];

export function slashMenu(context) {
  const line = context.state.doc.lineAt(context.pos);
  const before = context.state.sliceDoc(line.from, context.pos);
  const match = /^(\s*)\/([a-z]*)$/.exec(before);
  if (!match) return null;
  const from = line.from + match[1].length;
  return {
    from,
    filter: true,
    options: SLASH.map((item) => ({
      label: item.label, detail: item.detail, type: "keyword",
      apply: (view, completion, start, end) => {
        if (item.block) { insertBlock(item.block, start, end)(view); return; }
        view.dispatch({ changes: { from: start, to: end, insert: "" } });
        item.run(view);
      },
    })),
  };
}

async function getJSON(url, signal) {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, signal });
  if (!response.ok) return null;
  return response.json();
}

/** A completion source asking the desk's knowledge endpoint about the capitalised words
 *  before the cursor. `onPin(entity, surface)` records the writer's choice. */
export function knowledgeCompletions(url, onPin) {
  return async (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const before = context.state.sliceDoc(line.from, context.pos);
    if (/^\s*(?:>\s*)*:::/.test(before) || /\]\([^)]*$/.test(before) || (before.match(/`/g) || []).length % 2) return null;
    // The last few words, the last one capitalised (or a digit): "Yesterday Harbor Li".
    const match = /((?:[\p{Lu}\p{N}][\p{L}\p{N}'’:.\-]*\s+){0,4}[\p{Lu}\p{N}][\p{L}\p{N}'’:.\-]*)$/u.exec(before);
    if (!match || (match[1].length < 3 && !context.explicit)) return null;
    const controller = new AbortController();
    context.addEventListener("abort", () => controller.abort());
    let data;
    try {
      data = await getJSON(`${url}?q=${encodeURIComponent(match[1])}`, controller.signal);
    } catch (error) {
      return null;
    }
    if (!data || !data.matched || !data.options.length) return null;
    const from = context.pos - data.matched.length;
    return {
      from,
      filter: false,
      options: data.options.map((option, index) => ({
        label: option.label, detail: option.detail, type: option.kind === "film" ? "class" : "variable",
        boost: -index,
        apply: (view, completion, start, end) => {
          view.dispatch({ changes: { from: start, to: end, insert: option.insert }, selection: { anchor: start + option.insert.length } });
          onPin(option.entity, option.insert, option.label + " " + option.detail);
        },
      })),
    };
  };
}

/** After `:::spoiler `: films, inserted by key (no two films share one). */
export function spoilerFilmCompletions(url) {
  return async (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const before = context.state.sliceDoc(line.from, context.pos);
    const match = /^\s*(?:>\s*)*:::\s*spoiler\s+(.*)$/i.exec(before);
    if (!match) return null;
    const typed = match[1];
    if (typed.length < 2 && !context.explicit) return null;
    const data = await getJSON(`${url}?kind=film&q=${encodeURIComponent(typed)}`).catch(() => null);
    if (!data || !data.options.length) return null;
    return {
      from: context.pos - typed.length,
      filter: false,
      options: data.options.map((option) => ({
        label: option.label, detail: `${option.detail} · ${option.key}`, type: "class", apply: option.key,
      })),
    };
  };
}

/** Inside `![alt](image:…)`: pictures from the library by their alt text or credit. */
export function imageCompletions(url) {
  return async (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const before = context.state.sliceDoc(line.from, context.pos);
    const match = /!\[[^\]]*\]\((image:[^)\s]*)$/.exec(before);
    if (!match) return null;
    const alt = /!\[([^\]]*)\]\([^)]*$/.exec(before)[1];
    const typed = match[1].slice("image:".length);
    const query = /^\d+$/.test(typed) ? typed : (typed || (alt === "What the picture shows" ? "" : alt));
    const data = await getJSON(`${url}?q=${encodeURIComponent(query)}`).catch(() => null);
    if (!data || !data.images.length) return null;
    return {
      from: context.pos - match[1].length,
      filter: false,
      options: data.images.map((image) => ({
        label: image.reference, detail: `${image.alt} (${image.credit})`, type: "constant", apply: image.reference,
      })),
    };
  };
}
