// The writing desk: the editor, its toolbar, the live preview and the "In this story" panel.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, drawSelection, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { parser as markdownParser, GFM } from "@lezer/markdown";
import { HighlightStyle, Language, LanguageSupport, defineLanguageFacet, syntaxHighlighting } from "@codemirror/language";
import { autocompletion, completionKeymap, completionStatus } from "@codemirror/autocomplete";
import { tags } from "@lezer/highlight";

import { blockHighlighting, setSpoilerFilms } from "./blocks.js";
import { bold, italic, link, heading, quote, list, insertBlock } from "./commands.js";
import { slashMenu, knowledgeCompletions, spoilerFilmCompletions, imageCompletions } from "./completions.js";
import { smartTypography } from "./typography.js";
import { LivePreview } from "./preview.js";
import { imageDropping } from "./images.js";

// Newsreel Markdown is CommonMark with GitHub's tables and strikethrough (the `:::` blocks are
// marked by blocks.js). The parser only colours the text: the server alone renders it.
const newsreelMarkdown = new LanguageSupport(new Language(defineLanguageFacet(), markdownParser.configure(GFM), [], "markdown"));

const markdownStyle = HighlightStyle.define([
  { tag: tags.heading, fontWeight: "700", class: "cm-nr-heading" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.link, class: "cm-nr-link" },
  { tag: tags.url, class: "cm-nr-url" },
  { tag: tags.quote, class: "cm-nr-quote" },
  { tag: tags.monospace, class: "cm-nr-code" },
  { tag: tags.processingInstruction, class: "cm-nr-mark" },
]);

// The desk's colours (desk.css custom properties, light and dark) over CodeMirror's defaults,
// whose greys fail WCAG AA contrast on our surfaces.
const deskTheme = EditorView.theme({
  "&": { color: "var(--ink)", backgroundColor: "var(--surface)" },
  ".cm-content": { caretColor: "var(--ink)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--ink)" },
  ".cm-placeholder": { color: "var(--muted)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground": {
    backgroundColor: "color-mix(in srgb, var(--focus) 30%, transparent)",
  },
  ".cm-tooltip": { backgroundColor: "var(--surface)", color: "var(--ink)", border: "1px solid var(--line)" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--link)", color: "var(--surface)" },
  ".cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail": { color: "var(--surface)" },
  ".cm-completionDetail": { color: "var(--muted)", fontStyle: "normal" },
});

// [name, label, keys (CodeMirror), keys (aria-keyshortcuts, people), command]
const TOOLS = [
  ["bold", "Bold", "Mod-b", "Control+B", bold],
  ["italic", "Italic", "Mod-i", "Control+I", italic],
  ["link", "Link", "Mod-k", "Control+K", link],
  ["heading", "Heading", "Mod-Alt-2", "Control+Alt+2", heading],
  ["quote", "Quote", "Mod-Alt-q", "Control+Alt+Q", quote],
  ["list", "List", "Mod-Alt-l", "Control+Alt+L", list],
  ["spoiler", "Spoiler block", "Mod-Alt-s", "Control+Alt+S", insertBlock("spoiler")],
  ["note", "Editor's note", "Mod-Alt-n", "Control+Alt+N", insertBlock("note")],
  ["figure", "Figure", "Mod-Alt-f", "Control+Alt+F", insertBlock("figure")],
  ["embed", "Embed", "Mod-Alt-e", "Control+Alt+E", insertBlock("embed")],
];

function button(text, className) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = text;
  return element;
}

/** The toolbar: one tab stop, arrows move between its buttons (WAI-ARIA toolbar pattern). */
function toolbar(view) {
  const bar = document.createElement("div");
  bar.className = "writing-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Formatting");
  bar.setAttribute("aria-controls", view.contentDOM.id);
  const buttons = TOOLS.map(([name, label, , shortcut, command], index) => {
    const tool = button(label, "tool tool-" + name);
    tool.setAttribute("aria-keyshortcuts", shortcut);
    tool.title = `${label} (${shortcut.replace("Control", "Ctrl")})`;
    tool.tabIndex = index === 0 ? 0 : -1;
    tool.addEventListener("click", () => command(view));
    bar.appendChild(tool);
    return tool;
  });
  bar.addEventListener("keydown", (event) => {
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    let next = null;
    if (event.key === "ArrowRight") next = (at + 1) % buttons.length;
    else if (event.key === "ArrowLeft") next = (at - 1 + buttons.length) % buttons.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    buttons[at].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  });
  return bar;
}

function csrf(form) {
  const field = form.querySelector("input[name=csrfmiddlewaretoken]");
  return field ? field.value : "";
}

/** Hidden inputs that pin a link the way the links panel's rows do (desk/links.py). */
function pinsHolder(form) {
  return form.querySelector("[data-link-pins]") || (() => {
    const div = document.createElement("div");
    div.hidden = true;
    div.setAttribute("data-link-pins", "");
    form.appendChild(div);
    return div;
  })();
}

function pinLink(form, entity, surface) {
  const holder = pinsHolder(form);
  holder.querySelectorAll(`[data-pin="${CSS.escape(surface)}"]`).forEach((old) => old.remove());
  for (const [name, value] of [["link_entity", entity], ["link_surface", surface], ["link_added", entity], ["link_on", entity]]) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    input.dataset.pin = surface;
    input.dataset.entity = entity;
    holder.appendChild(input);
  }
}

/** Unlink another entity the core found at a pinned surface (a removal, as the panel's unticked box). */
function unlinkOther(form, entity, surface) {
  const holder = pinsHolder(form);
  if (holder.querySelector(`[data-unlink="${CSS.escape(entity)}"]`)) return false;
  const shown = [...form.querySelectorAll("input[name=link_entity]")].some((input) => input.value === entity && !input.dataset.pin);
  if (shown) {  // a row of the saved links panel: untick it
    const box = [...form.querySelectorAll("input[name=link_on]")].find((input) => input.value === entity && !input.dataset.pin);
    if (box && box.checked) { box.checked = false; return true; }
    return false;
  }
  for (const [name, value] of [["link_entity", entity], ["link_surface", surface]]) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    input.dataset.unlink = entity;
    holder.appendChild(input);
  }
  return true;
}

export function setupWritingDesk(root, textarea) {
  const form = textarea.form;
  const urls = root.dataset;
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = textarea.id + "_label";
  const described = textarea.getAttribute("aria-describedby") || "";

  const pins = new Map();  // surface -> entity
  const onPin = (entity, surface, name) => {
    pins.set(surface, entity);
    pinLink(form, entity, surface);
    announce(`Linked “${surface}” to ${name}.`);
    live.soon(0);
  };

  const announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  const announce = (text) => { announcer.textContent = text; };

  const host = document.createElement("div");
  host.className = "writing-host";
  const state = EditorState.create({
    doc: textarea.value,
    extensions: [
      history(),
      drawSelection(),
      deskTheme,
      EditorView.lineWrapping,
      newsreelMarkdown,
      syntaxHighlighting(markdownStyle),
      blockHighlighting,
      smartTypography,
      autocompletion({
        override: [slashMenu, spoilerFilmCompletions(urls.completeUrl), imageCompletions(urls.imagesUrl),
                   knowledgeCompletions(urls.completeUrl, onPin)],
        activateOnTyping: true,
        activateOnTypingDelay: 150,
        icons: false,
      }),
      keymap.of([
        ...TOOLS.map(([, , key, , command]) => ({ key, run: command, preventDefault: true })),
        ...completionKeymap,
        ...historyKeymap,
        ...defaultKeymap,
      ]),
      placeholder("Write the story. Type / at the start of a line for a spoiler block, a figure or an embed."),
      EditorView.contentAttributes.of({
        id: textarea.id + "_editor",
        "aria-labelledby": label ? label.id : "",
        "aria-describedby": described,
        spellcheck: "true",
        autocapitalize: "sentences",
        "aria-multiline": "true",
      }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        textarea.value = update.state.doc.toString();
        // autosave.js and desk.js listen to the form, as they do when the textarea is typed in.
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
        live.soon();
      }),
      imageDropping({ uploadUrl: urls.uploadUrl, csrf: () => csrf(form), announce }),
    ],
  });

  const wrap = document.createElement("div");
  wrap.className = "writing-editor";
  textarea.after(wrap);
  const view = new EditorView({ state, parent: host });
  const counts = document.createElement("p");
  counts.className = "writing-counts help";
  counts.id = textarea.id + "_counts";
  wrap.append(toolbar(view), host, counts, announcer);
  textarea.hidden = true;

  // desk.js (line links), autosave.js (restoring text) and the specs reach the editor here.
  textarea.writingEditor = {
    view,
    completing: () => completionStatus(view.state),
    previewSettled: () => live.settled(),  // the panel and preview show the text as it is now  // "active", "pending" (asking the server) or null
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goToLine(number) {
      const line = view.state.doc.line(Math.max(1, Math.min(number, view.state.doc.lines)));
      view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
      view.focus();
    },
  };
  if (label) label.addEventListener("click", () => view.focus());

  const live = new LivePreview({
    root, form, view, counts, urls, csrf: () => csrf(form),
    pin: (entity, surface, name) => { view.focus(); onPin(entity, surface, name); },
    unlink: (entity, surface) => {
      pins.delete(surface);
      pinsHolder(form).querySelectorAll(`[data-entity="${CSS.escape(entity)}"]`).forEach((input) => input.remove());
      unlinkOther(form, entity, surface);
      announce(`Unlinked “${surface}”.`);
      live.soon(0);
    },
    onData(data) {
      const films = new Map();
      for (const block of data.spoiler_blocks || []) {
        films.set(block.line, { text: block.title ? `hides ${block.title}` : block.problem, known: Boolean(block.title) });
      }
      view.dispatch({ effects: setSpoilerFilms.of(films) });
      // A pinned surface the core also linked to something else: unlink that one.
      let changed = false;
      for (const mention of data.links || []) {
        const pinned = pins.get(mention.surface);
        if (pinned && pinned !== mention.entity) changed = unlinkOther(form, mention.entity, mention.surface) || changed;
      }
      if (changed) live.soon(0);
    },
  });
  // The headline, dek and the other fields show in the preview too.
  form.addEventListener("input", (event) => { if (event.target !== textarea) live.soon(); });
  form.addEventListener("change", (event) => { if (event.target !== textarea) live.soon(); });
  form.addEventListener("submit", () => live.stop());
  live.soon(0);
  return view;
}
