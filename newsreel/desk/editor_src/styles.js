// CodeMirror writes its own styles (layout, cursor, tooltips) into a <style> element, which
// the site's Content-Security-Policy refuses (style-src 'self', no nonces: newsreel/
// content_security.py). A constructed style sheet adopted by the document is not an inline
// <style> and is allowed, so the editor's style modules are mounted into one instead.
// This module must be imported before any editor is created.
import { StyleModule } from "style-mod";

const sheet = new CSSStyleSheet();
const modules = [];
let adopted = false;

StyleModule.mount = (root, wanted) => {
  const list = Array.isArray(wanted) ? wanted : [wanted];
  let changed = false;
  for (const module of list) {
    // Later modules override earlier ones, as with CodeMirror's own mounting.
    const at = modules.indexOf(module);
    if (at >= 0) continue;
    modules.push(module);
    changed = true;
  }
  if (!changed) return;
  sheet.replaceSync(modules.map((module) => module.getRules()).join("\n"));
  if (!adopted) {
    document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
    adopted = true;
  }
};
