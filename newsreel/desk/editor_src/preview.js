// The live preview and the "In this story" panel. The server does all the reading: the desk's
// live endpoint runs the text core on what is in the editor (films, people, quotes, spoilers,
// problems, word count) and keeps it as the writer's unsaved draft; the preview is the public
// site's own preview page of that draft, shown in a frame. The browser parses no Markdown.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class LivePreview {
  static fields = 0;

  constructor({ root, form, view, counts, urls, csrf, onData, pin, unlink }) {
    Object.assign(this, { root, form, view, counts, urls, csrf, onData, pin, unlink });
    this.timer = null;
    this.sequence = 0;
    this.controller = null;
    this.loaded = false;
    this.buildPreview();
    this.buildPanel();
  }

  buildPreview() {
    const editor = this.root.closest(".editor");
    const main = this.root.closest(".editor-main");
    this.section = element("section", "writing-preview");
    this.section.setAttribute("aria-labelledby", "writing-preview-title");
    const head = element("div", "writing-preview-head");
    const title = element("h2", "", "Preview");
    title.id = "writing-preview-title";
    this.toggle = element("button", "button small", "Hide preview");
    this.toggle.type = "button";
    this.toggle.setAttribute("aria-expanded", "true");
    this.toggle.setAttribute("aria-controls", "writing-preview-frame");
    this.state = element("p", "help writing-preview-state");
    this.state.setAttribute("role", "status");
    head.append(title, this.toggle);
    this.frame = element("iframe", "writing-preview-frame");
    this.frame.id = "writing-preview-frame";
    this.frame.title = "Preview of the article page, as readers will see it";
    this.section.append(head, this.state, this.frame);
    main.after(this.section);
    editor.classList.add("with-preview");
    this.shown = window.matchMedia("(min-width: 40rem)").matches;
    this.toggle.addEventListener("click", () => this.setShown(!this.shown));
    this.setShown(this.shown);
  }

  setShown(shown) {
    this.shown = shown;
    this.frame.hidden = !shown;
    this.toggle.textContent = shown ? "Hide preview" : "Show preview";
    this.toggle.setAttribute("aria-expanded", String(shown));
    this.root.closest(".editor").classList.toggle("preview-hidden", !shown);
    if (shown) this.soon(0);
  }

  buildPanel() {
    const side = document.querySelector(".editor-side");
    this.panel = element("section", "panel story-knowledge");
    this.panel.setAttribute("aria-labelledby", "story-knowledge-title");
    const title = element("h2", "", "In this story");
    title.id = "story-knowledge-title";
    this.panelBody = element("div", "story-knowledge-body");
    this.panelBody.append(element("p", "help", "Films, people and quotes appear here as you write."));
    this.panel.append(title, this.panelBody);
    side.prepend(this.panel);
  }

  /** True when what the panel and the frame show is the text as it is now. */
  settled() {
    return !this.timerSet && !this.running && !this.again;
  }

  /** The form is being sent: no more refreshes from this page. */
  stop() {
    this.stopped = true;
    window.clearTimeout(this.timer);
    this.timerSet = false;
  }

  soon(delay = 350) {
    if (this.stopped) return;
    this.timerSet = true;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { this.timerSet = false; this.run(); }, delay);
  }

  async run() {
    // One request at a time: a newer text waits for the answer in flight, then goes.
    if (this.running) { this.again = true; return; }
    this.running = true;
    this.again = false;
    try {
      await this.ask();
    } finally {
      this.running = false;
      if (this.again) this.soon(0);
    }
  }

  async ask() {
    const sequence = ++this.sequence;
    const controller = (this.controller = new AbortController());
    const body = new FormData(this.form);
    body.delete("action");
    // Text as the page opened with it is not kept again: that would replace an autosave the
    // page is offering back with what is on the screen.
    const snapshot = new URLSearchParams(body).toString();
    if (this.opened === undefined) this.opened = snapshot;
    const keep = snapshot !== this.opened;
    if (!keep) body.append("keep", "no");
    let data;
    try {
      const response = await fetch(this.urls.liveUrl, {
        method: "POST", body, credentials: "same-origin", signal: controller.signal,
        headers: { "X-CSRFToken": this.csrf(), Accept: "application/json" },
      });
      data = await response.json();
      if (!response.ok) throw new Error(data.error || `status ${response.status}`);
    } catch (error) {
      if (error.name === "AbortError") return;
      this.failures = (this.failures || 0) + 1;
      const retry = this.failures <= 3;  // a passing failure (the network, a busy server) is tried again
      this.state.textContent = `Preview not updated (${error.message}); your text is safe in the editor.` +
        (retry ? " Trying again…" : "");
      if (retry) {
        this.again = true;
        await new Promise((resolve) => window.setTimeout(resolve, 1500));
      }
      return;
    }
    this.failures = 0;
    if (keep) this.form.dispatchEvent(new CustomEvent("newsreel:kept", { detail: { body, time: data.time } }));
    if (this.again) return;  // the text changed meanwhile: the next answer fills the panel
    this.counts.textContent = `${data.words.toLocaleString("en")} ${data.words === 1 ? "word" : "words"} · ` +
      `${data.minutes} min read`;
    this.fillPanel(data);
    this.onData(data);
    if (!this.shown) return;
    try {
      const response = await fetch(data.preview_url, { credentials: "same-origin", signal: controller.signal });
      const html = await response.text();
      if (this.again) return;
      await this.show(html, sequence);
    } catch (error) {
      if (error.name === "AbortError") return;
      this.state.textContent = `Preview not updated (${error.message}).`;
    }
  }

  show(html, sequence) {
    const mark = () => {
      this.frame.dataset.sequence = String(sequence);
      this.state.textContent = "";
    };
    const doc = this.frame.contentDocument;
    if (!this.loaded || !doc || !doc.body) {
      return new Promise((resolve) => {
        this.frame.addEventListener("load", () => { this.loaded = true; mark(); resolve(); }, { once: true });
        this.frame.srcdoc = html;
      });
    }
    // Swap the page's body in place: no reload, no flash, the reader's scroll position kept.
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const scroll = doc.scrollingElement ? doc.scrollingElement.scrollTop : 0;
    doc.body.replaceWith(doc.importNode(fresh.body, true));
    if (doc.scrollingElement) doc.scrollingElement.scrollTop = scroll;
    mark();
  }

  /** Whether the writer is using a small form in the panel (adding a name, changing a
   * speaker): the panel is then not redrawn under them, and is redrawn when they are done. */
  holding() {
    return Boolean(this.panelBody.querySelector("form.panel-form"));
  }

  release() {
    this.panelBody.querySelectorAll("form.panel-form").forEach((form) => form.remove());
    if (this.heldData) { const data = this.heldData; this.heldData = null; this.fillPanel(data); }
  }

  /** Post a small form of the panel; resolves to the JSON answer, or shows its errors in `form`. */
  async send(url, body, form) {
    const errors = form.querySelector(".panel-form-errors");
    errors.replaceChildren();
    let response, data;
    try {
      response = await fetch(url, {
        method: "POST", body, credentials: "same-origin",
        headers: { "X-CSRFToken": this.csrf(), Accept: "application/json" },
      });
      data = await response.json();
    } catch (error) {
      errors.append(element("li", "", `Not sent (${error.message}); try again.`));
      return null;
    }
    if (response.ok) return data;
    const messages = data.error ? [data.error] : Object.values(data.errors || {}).flat();
    for (const message of messages.length ? messages : [`Refused (status ${response.status}).`]) {
      errors.append(element("li", "", message));
    }
    return null;
  }

  panelForm(label) {
    const form = element("form", "panel-form");
    form.setAttribute("aria-label", label);
    const errors = element("ul", "field-errors panel-form-errors");
    errors.setAttribute("role", "alert");
    form.append(errors);
    return form;
  }

  field(form, name, label, value, attributes = {}) {
    const id = `panel-${name}-${++LivePreview.fields}`;
    const wrap = element("div", "field");
    const text = element("label", "", label);
    text.htmlFor = id;
    const input = element("input");
    Object.assign(input, { id, name, value: value ?? "", autocomplete: "off" }, attributes);
    wrap.append(text, input);
    form.append(wrap);
    return input;
  }

  buttons(form, submit) {
    const row = element("div", "panel-form-buttons");
    const go = element("button", "button small primary", submit);
    go.type = "submit";
    const cancel = element("button", "button small", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => { form.previousFocus?.focus(); this.release(); });
    form.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); cancel.click(); }
    });
    row.append(go, cancel);
    form.append(row);
  }

  /** "Add to the graph": a person by name, a film by title and year. */
  openAdd(item, button, add) {
    if (item.querySelector("form.panel-form")) return;
    const film = add.kind === "film";
    const form = this.panelForm(film ? `Add the film ${add.title}` : `Add ${add.name}`);
    form.previousFocus = button;
    form.append(element("p", "help", film ? "A new film in the knowledge graph:" : "A new person in the knowledge graph:"));
    const first = film ? this.field(form, "title", "Title", add.title, { required: true, maxLength: 300 })
      : this.field(form, "name", "Name", add.name, { required: true, maxLength: 200 });
    if (film) this.field(form, "year", "Year (if known)", add.year ?? "", { inputMode: "numeric", maxLength: 4 });
    this.buttons(form, film ? "Add the film" : "Add the person");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = new FormData(form);
      body.append("kind", add.kind);
      const answer = await this.send(this.urls.graphAddUrl, body, form);
      if (!answer) return;
      this.state.textContent = `Added ${answer.label} to the knowledge graph; the preview links it.`;
      this.heldData = null;
      form.remove();
      this.view.focus();
      this.soon(0);
    });
    item.append(form);
    first.focus();
  }

  /** One of the story page's quote decisions, sent to the same address as its buttons. */
  async checkQuote(form, fields) {
    const body = new FormData(form);
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const answer = await this.send(this.quoteCheckUrl, body, form);
    if (!answer) return;
    this.state.textContent = answer.message;
    this.heldData = null;
    form.remove();
    this.soon(0);
  }

  quoteActions(item, quote) {
    const row = element("div", "quote-actions");
    const act = (label, fields, aria) => {
      const button = element("button", "link-button", label);
      button.type = "button";
      if (aria) button.setAttribute("aria-label", aria);
      button.addEventListener("click", () => {
        const form = this.panelForm(label);
        form.hidden = true;  // holds the error, if the check is refused
        item.append(form);
        this.checkQuote(form, { quote: quote.full, ...fields }).then(() => { if (form.isConnected) form.hidden = false; });
      });
      row.append(button, " ");
    };
    const words = quote.text.length > 40 ? `${quote.text.slice(0, 39)}…` : quote.text;
    if (!quote.verdict && quote.core_speaker) act(`Confirm ${quote.core_speaker}`, { verdict: "confirmed" });
    const change = element("button", "link-button", "Change the speaker");
    change.type = "button";
    change.setAttribute("aria-label", `Change the speaker of “${words}”`);
    change.addEventListener("click", () => this.openSpeaker(item, change, quote));
    row.append(change, " ");
    if (quote.verdict !== "not_a_quote") act("Not a quote", { verdict: "not_a_quote" }, `“${words}” is not a quote`);
    if (quote.verdict) act("Undo the decision", { verdict: "undo" }, `Undo the decision on “${words}”`);
    item.append(row);
  }

  openSpeaker(item, button, quote) {
    if (item.querySelector("form.panel-form")) return;
    const form = this.panelForm("Change the speaker");
    form.previousFocus = button;
    const who = this.field(form, "speaker", "Who said it (a name, or a person's key)", "", { required: true, maxLength: 200 });
    const wrap = element("div", "field");
    const label = element("label", "", "Who that is");
    const kind = element("select");
    kind.name = "speaker_kind";
    kind.id = `panel-kind-${++LivePreview.fields}`;
    label.htmlFor = kind.id;
    for (const [value, text] of [["person", "A person in the knowledge graph"], ["name", "A person not in it"],
      ["organisation", "An organisation"]]) {
      const option = element("option", "", text);
      option.value = value;
      kind.append(option);
    }
    wrap.append(label, kind);
    form.append(wrap);
    this.buttons(form, "Give the quote to this speaker");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.checkQuote(form, { quote: quote.full, verdict: "speaker", person: who.value, speaker_name: who.value });
    });
    item.append(form);
    who.focus();
  }

  fillPanel(data) {
    if (this.holding()) { this.heldData = data; return; }
    this.quoteCheckUrl = data.quote_check_url;
    const body = this.panelBody;
    body.replaceChildren();
    if (data.problems.length) {
      body.append(element("h3", "", "Problems that stop publishing"));
      const list = element("ul", "side-list story-problems");
      for (const problem of data.problems) {
        const item = element("li");
        if (problem.line) {
          const link = element("a", "", `Line ${problem.line}`);
          link.href = "#id_body";
          link.dataset.line = String(problem.line);
          item.append(link, `: ${problem.message}`);
        } else item.textContent = problem.message;
        list.append(item);
      }
      body.append(list);
    }
    if (data.warnings.length) {
      body.append(element("h3", "", "Check these"));
      const list = element("ul", "side-list story-warnings");
      for (const warning of data.warnings) {
        const item = element("li", "", warning.message);
        for (const option of warning.options || []) {
          const choose = element("button", "link-button", `Link to ${option.label}`);
          choose.type = "button";
          choose.addEventListener("click", () => this.pin(option.entity, warning.surface, option.label));
          item.append(" ", choose);
        }
        if (warning.add && data.may_add_to_graph && this.urls.graphAddUrl) {
          const add = element("button", "link-button", "Add to the graph");
          add.type = "button";
          add.setAttribute("aria-label", `Add “${warning.surface}” to the knowledge graph`);
          add.addEventListener("click", () => this.openAdd(item, add, warning.add));
          item.append(" ", add);
        }
        list.append(item);
      }
      body.append(list);
    }
    const films = data.films.filter((film) => film.mentioned || film.spoiled);
    body.append(element("h3", "", `Films (${films.length})`));
    if (films.length) {
      const list = element("ul", "side-list story-films");
      for (const film of films) {
        const item = element("li");
        item.append(element("cite", "", film.title), film.year ? ` (${film.year})` : "");
        const badge = film.spoiled && film.mentioned ? "spoiled; also mentioned" : film.spoiled ? "spoiled" : "mentioned";
        item.append(" ", element("span", "badge badge-" + (film.spoiled ? "spoiled" : "mentioned"), badge));
        if (film.linked) {
          const unlink = element("button", "link-button", "Unlink");
          unlink.type = "button";
          unlink.setAttribute("aria-label", `Unlink ${film.title}`);
          unlink.addEventListener("click", () => this.unlink(film.entity, film.surface));
          item.append(" ", unlink);
        }
        list.append(item);
      }
      body.append(list);
    } else body.append(element("p", "help", "None found yet."));
    body.append(element("h3", "", `People (${data.people.length})`));
    if (data.people.length) {
      const list = element("ul", "side-list story-people");
      for (const person of data.people) list.append(element("li", "", person.name));
      body.append(list);
    } else body.append(element("p", "help", "None found yet."));
    body.append(element("h3", "", `Quotes (${data.quotes.length})`));
    if (data.quotes.length) {
      const list = element("ul", "side-list story-quotes");
      for (const quote of data.quotes) {
        const item = element("li");
        const speaker = quote.verdict === "not_a_quote" ? "not a quote (an editor's decision)"
          : quote.verdict === "speaker" ? `${quote.checked_speaker} (set by an editor)`
          : quote.verdict === "confirmed" ? `${quote.checked_speaker} (confirmed by an editor)` : quote.speaker;
        item.append(element("q", "", quote.text), " — ", element("span", "speaker", speaker));
        if (quote.confidence !== undefined && !quote.verdict) {
          item.append(" ", element("span", "help", `(confidence ${Math.round(quote.confidence * 100)}%)`));
        }
        if (data.quote_check_url && quote.saved) this.quoteActions(item, quote);
        else if (data.quote_check_url) item.append(element("p", "help", "Save the draft to check this quote."));
        list.append(item);
      }
      body.append(list);
    } else body.append(element("p", "help", "None found yet."));
    body.append(element("p", "help story-spoiler-note", data.spoiler_note || "No spoiler blocks: no spoiler note above the story."));
  }
}
