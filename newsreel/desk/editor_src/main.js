// The desk's writing editor: CodeMirror 6 over the article form's body textarea.
// Progressive enhancement: the textarea stays in the form (hidden, kept in step), so the form
// posts the same fields with or without this script.
import "./styles.js";  // first: CodeMirror's styles under the Content-Security-Policy
import { setupWritingDesk } from "./desk.js";
import { setupHeroPicker } from "./hero.js";

document.querySelectorAll("[data-writing]").forEach((root) => {
  const textarea = root.querySelector("textarea");
  if (textarea) setupWritingDesk(root, textarea);
});

const writing = document.querySelector("[data-writing]");
const hero = document.querySelector('.hero-pick select[name="hero_image"]');
if (writing && hero) setupHeroPicker(hero, writing.dataset.imagesUrl);
