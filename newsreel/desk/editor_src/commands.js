// What the toolbar, the keyboard shortcuts and the slash menu do: each edits the text the
// way a writer would type it, and leaves the cursor where the writer goes on typing.
import { EditorSelection } from "@codemirror/state";

/** Wrap the selection (or a placeholder, selected) in `before`/`after`. */
export function wrap(before, after, placeholder) {
  return (view) => {
    view.dispatch(view.state.changeByRange((range) => {
      const text = view.state.sliceDoc(range.from, range.to) || placeholder;
      const insert = before + text + after;
      const from = range.from + before.length;
      return {
        changes: { from: range.from, to: range.to, insert },
        range: EditorSelection.range(from, from + text.length),
      };
    }));
    view.focus();
    return true;
  };
}

/** A link: the selection becomes its text; the address is selected to type over. */
export function link(view) {
  view.dispatch(view.state.changeByRange((range) => {
    const text = view.state.sliceDoc(range.from, range.to) || "link text";
    const url = "https://";
    const insert = `[${text}](${url})`;
    const start = range.from + text.length + 3;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.range(start, start + url.length) };
  }));
  view.focus();
  return true;
}

/** Toggle a line prefix ("## ", "> ", "- ") on every line the selection touches. */
export function linePrefix(prefix, pattern) {
  return (view) => {
    const { state } = view;
    const changes = [];
    const seen = new Set();
    for (const range of state.selection.ranges) {
      for (let pos = range.from; pos <= range.to;) {
        const line = state.doc.lineAt(pos);
        if (!seen.has(line.number)) {
          seen.add(line.number);
          const found = pattern.exec(line.text);
          if (found && found[0] === prefix) changes.push({ from: line.from, to: line.from + found[0].length });
          else if (found) changes.push({ from: line.from, to: line.from + found[0].length, insert: prefix });
          else changes.push({ from: line.from, insert: prefix });
        }
        pos = line.to + 1;
      }
    }
    view.dispatch({ changes, scrollIntoView: true });
    view.focus();
    return true;
  };
}

export const BLOCK_TEMPLATES = {
  // [text before the selected part, selected placeholder, text after]
  spoiler: [":::spoiler ", "film", "\nWhat happens.\n:::"],
  note: [":::note\n", "Updated with the studio's response.", "\n:::"],
  figure: [":::figure\n![", "What the picture shows", "](image:)\nCaption.\n:::"],
  embed: ["::: embed ", "https://", "\nCaption.\n:::"],
};

/** Put a block on lines of its own at the cursor (replacing [from, to] if given: the slash
 *  menu's "/spo"), selecting its placeholder: a spoiler's film, a figure's alt text. */
export function insertBlock(type, from = null, to = null) {
  return (view) => {
    const [before, selected, after] = BLOCK_TEMPLATES[type];
    const { state } = view;
    const range = state.selection.main;
    const start = from === null ? range.from : from;
    const end = to === null ? range.to : to;
    const line = state.doc.lineAt(start);
    const chosen = from === null && !range.empty ? state.sliceDoc(range.from, range.to) : "";
    let lead = "";
    if (state.sliceDoc(line.from, start).trim() !== "") lead = "\n\n";
    else if (line.number > 1 && state.doc.line(line.number - 1).text.trim() !== "") lead = "\n";
    const afterText = state.sliceDoc(end, state.doc.lineAt(end).to);
    const trail = afterText.trim() !== "" ? "\n\n" : "";
    let body = after;
    if (chosen && type === "spoiler") body = "\n" + chosen + "\n:::";
    if (chosen && type === "note") {
      const insert = lead + ":::note\n" + chosen + "\n:::" + trail;
      view.dispatch({ changes: { from: start, to: end, insert }, selection: { anchor: start + insert.length - trail.length }, scrollIntoView: true });
      view.focus();
      return true;
    }
    const insert = lead + before + selected + body + trail;
    const at = start + lead.length + before.length;
    view.dispatch({
      changes: { from: start, to: end, insert },
      selection: EditorSelection.range(at, at + selected.length),
      scrollIntoView: true,
    });
    view.focus();
    return true;
  };
}

export const bold = wrap("**", "**", "bold text");
export const italic = wrap("*", "*", "italic text");
export const heading = linePrefix("## ", /^#{1,6} /);
export const quote = linePrefix("> ", /^> /);
export const list = linePrefix("- ", /^[-*+] /);
