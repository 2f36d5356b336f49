// Smart quotes and dashes as the reader will see them: the renderer prints what is typed, so
// the editor types “curly” quotes, apostrophes (’) and dashes (-- becomes –, --- inside a
// sentence becomes —). Never in code, in a block's marker line (credit="…" stays straight), in
// a link's address or in raw HTML.
import { EditorView } from "@codemirror/view";

const OPENS_AFTER = /[\s([{“‘—–\-/]$/;

function plainText(before) {
  if (/^\s*(?:>\s*)*:::/.test(before)) return false;          // block marker and its attributes
  if (/^\s*(?:>\s*)*(```|~~~)/.test(before)) return false;    // fence line
  if (/^( {4}|\t)/.test(before)) return false;                // indented code
  if ((before.match(/`/g) || []).length % 2 === 1) return false; // inside `code`
  if (/\]\([^)\s]*$/.test(before)) return false;              // a link's address
  if (/<[^>]*$/.test(before)) return false;                   // inside an HTML tag
  return true;
}

function insideFence(state, pos) {
  let open = false;
  const upto = state.doc.lineAt(pos).number;
  for (let n = 1; n < upto; n++) if (/^\s*(?:>\s*)*(```|~~~)/.test(state.doc.line(n).text)) open = !open;
  return open;
}

export const smartTypography = EditorView.inputHandler.of((view, from, to, text) => {
  if (text !== '"' && text !== "'" && text !== "-") return false;
  const { state } = view;
  const line = state.doc.lineAt(from);
  const before = state.sliceDoc(line.from, from);
  if (!plainText(before) || insideFence(state, from)) return false;
  if (text === "-") {
    // "--" -> en dash; "–-" -> em dash. Only after words: "---" alone is a rule, "- " a list.
    if (!/\S/.test(before.replace(/[-–]+$/, ""))) return false;
    if (before.endsWith("–")) {
      view.dispatch({ changes: { from: from - 1, to, insert: "—" }, userEvent: "input.type" });
      return true;
    }
    if (before.endsWith("-")) {
      view.dispatch({ changes: { from: from - 1, to, insert: "–" }, userEvent: "input.type" });
      return true;
    }
    return false;
  }
  const opening = before === "" || OPENS_AFTER.test(before);
  const insert = text === '"' ? (opening ? "“" : "”") : (opening ? "‘" : "’");
  view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + 1 }, userEvent: "input.type" });
  return true;
});
