// Pictures pasted or dropped into the text: a dialog asks for alt text and credit (both
// required, prefilled from the picture's XMP metadata where it has some), the upload shows
// its progress, and a figure is inserted where the picture was dropped.
import { EditorView } from "@codemirror/view";

const NS = {
  dc: "http://purl.org/dc/elements/1.1/",
  photoshop: "http://ns.adobe.com/photoshop/1.0/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
};

/** Alt text and credit from an XMP packet in the file, if there is one. */
async function xmpFields(file) {
  const bytes = new Uint8Array(await file.slice(0, 512 * 1024).arrayBuffer());
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const start = text.indexOf("<x:xmpmeta");
  const end = text.indexOf("</x:xmpmeta>");
  if (start < 0 || end < 0) return {};
  const xml = new DOMParser().parseFromString(text.slice(start, end + 12), "application/xml");
  const first = (ns, name) => {
    const node = xml.getElementsByTagNameNS(ns, name)[0];
    if (!node) return "";
    const item = node.getElementsByTagNameNS(NS.rdf, "li")[0];
    return ((item || node).textContent || "").trim();
  };
  return {
    alt: first(NS.dc, "description"),
    credit: first(NS.photoshop, "Credit") || first(NS.dc, "creator"),
  };
}

function field(form, name, label, help, required) {
  const id = `picture-${name}`;
  const wrap = document.createElement("div");
  wrap.className = "field";
  const labelNode = document.createElement("label");
  labelNode.htmlFor = id;
  labelNode.textContent = label + (required ? " (required)" : "");
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.name = name;
  input.required = required;
  input.setAttribute("aria-describedby", `${id}-help ${id}-error`);
  const helpNode = document.createElement("p");
  helpNode.className = "help";
  helpNode.id = `${id}-help`;
  helpNode.textContent = help;
  const error = document.createElement("p");
  error.className = "field-errors";
  error.id = `${id}-error`;
  wrap.append(labelNode, input, helpNode, error);
  input.addEventListener("input", () => {  // the reason goes once the writer fills the field
    if (input.value.trim()) { error.textContent = ""; input.removeAttribute("aria-invalid"); }
  });
  form.append(wrap);
  return { input, error };
}

function readAsDataURL(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function upload(url, csrf, data, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("X-CSRFToken", csrf);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener("load", () => resolve({ status: request.status, body: request.response || {} }));
    request.addEventListener("error", () => reject(new Error("the network failed")));
    request.send(data);
  });
}

export function figureFor(image, caption) {
  return `:::figure\n![${image.alt.replace(/[[\]]/g, "")}](${image.reference})\n${caption ? caption + "\n" : ""}:::`;
}

async function askAndUpload(view, file, at, { uploadUrl, csrf, announce }) {
  const dialog = document.createElement("dialog");
  dialog.className = "picture-dialog";
  dialog.setAttribute("aria-labelledby", "picture-dialog-title");
  const form = document.createElement("form");
  form.method = "dialog";
  form.noValidate = true;
  const title = document.createElement("h2");
  title.id = "picture-dialog-title";
  title.textContent = "Add this picture";
  const preview = document.createElement("img");
  preview.alt = "";  // the picture itself; its description is what the writer types below
  preview.className = "picture-preview";
  form.append(title, preview);
  const alt = field(form, "alt", "Alt text", "What the picture shows, for readers who cannot see it.", true);
  const credit = field(form, "credit", "Credit", "Who made or supplied it, e.g. Courtesy Everett Collection.", true);
  const caption = field(form, "caption", "Caption", "Optional: shown under the picture.", false);
  const progress = document.createElement("progress");
  progress.max = 1;
  progress.value = 0;
  progress.hidden = true;
  progress.setAttribute("aria-label", "Upload progress");
  const status = document.createElement("p");
  status.className = "help";
  status.setAttribute("role", "status");
  const actions = document.createElement("div");
  actions.className = "actions";
  const submit = document.createElement("button");
  submit.type = "submit";
  submit.className = "button primary";
  submit.textContent = "Upload and insert";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "button";
  cancel.textContent = "Cancel";
  actions.append(submit, cancel);
  form.append(progress, status, actions);
  dialog.append(form);
  document.body.append(dialog);

  const close = () => { dialog.close(); dialog.remove(); view.focus(); };
  cancel.addEventListener("click", () => { close(); announce("The picture was not added."); });
  dialog.addEventListener("cancel", (event) => { event.preventDefault(); close(); });
  readAsDataURL(file).then((url) => { preview.src = url; }).catch(() => {});
  xmpFields(file).then((found) => {
    if (found.alt && !alt.input.value) alt.input.value = found.alt;
    if (found.credit && !credit.input.value) credit.input.value = found.credit;
  }).catch(() => {});

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let first = null;
    for (const [part, message] of [[alt, "Describe the picture: every published picture needs alt text."],
                                   [credit, "Say who made or supplied the picture: every published picture needs a credit."]]) {
      const missing = !part.input.value.trim();
      part.error.textContent = missing ? message : "";
      part.input.setAttribute("aria-invalid", String(missing));
      if (missing && !first) first = part.input;
    }
    if (first) { first.focus(); return; }
    const data = new FormData();
    data.append("file", file, file.name || "pasted-picture.png");
    data.append("alt", alt.input.value.trim());
    data.append("credit", credit.input.value.trim());
    data.append("caption", caption.input.value.trim());
    progress.hidden = false;
    submit.disabled = true;
    status.textContent = "Uploading…";
    let result;
    try {
      result = await upload(uploadUrl, csrf(), data, (share) => {
        progress.value = share;
        status.textContent = `Uploading… ${Math.round(share * 100)}%`;
      });
    } catch (error) {
      status.textContent = `Not uploaded: ${error.message}. Try again.`;
      submit.disabled = false;
      return;
    }
    if (result.status !== 201) {
      const errors = result.body.errors || {};
      alt.error.textContent = (errors.alt || []).join(" ");
      credit.error.textContent = (errors.credit || []).join(" ");
      status.textContent = "Not uploaded: " + ((errors.file || errors.__all__ || []).join(" ") || "please check the fields.");
      submit.disabled = false;
      return;
    }
    progress.value = 1;
    const line = view.state.doc.lineAt(Math.min(at, view.state.doc.length));
    const blank = line.text.trim() === "";
    const pos = blank ? line.from : line.to;
    const insert = (blank ? "" : "\n\n") + figureFor(result.body, caption.input.value.trim()) + "\n";
    view.dispatch({ changes: { from: pos, insert }, selection: { anchor: pos + insert.length }, scrollIntoView: true });
    close();
    announce(`Uploaded “${result.body.alt}” and inserted its figure.`);
  });
  dialog.showModal();
  alt.input.focus();
}

export function imageDropping(options) {
  const pictures = (list) => [...(list || [])].filter((file) => file.type.startsWith("image/"));
  return EditorView.domEventHandlers({
    paste(event, view) {
      const files = pictures(event.clipboardData && event.clipboardData.files);
      if (!files.length) return false;
      event.preventDefault();
      askAndUpload(view, files[0], view.state.selection.main.head, options);
      return true;
    },
    drop(event, view) {
      const files = pictures(event.dataTransfer && event.dataTransfer.files);
      if (!files.length) return false;
      event.preventDefault();
      const at = view.posAtCoords({ x: event.clientX, y: event.clientY });
      askAndUpload(view, files[0], at === null ? view.state.selection.main.head : at, options);
      return true;
    },
  });
}
