/* Newsreel desk: autosave and presence for the article editor (comfort; the editor works without it).

   While someone types, the editor's fields are written to this browser's localStorage at
   once and sent to the server's autosave slot every few seconds. Neither is a revision.
   On opening the editor again, text kept only in this browser (the network was lost) is
   offered back; text the server kept is offered by the page itself. A heartbeat tells the
   server this person has the story open and shows who else does. */
(function () {
  "use strict";

  var root = document.getElementById("editing-safely");
  var form = document.querySelector("form[data-article-form]");
  if (!root || !form) return;

  var FIELDS = ["headline", "slug", "dek", "summary", "body", "section", "tags", "authors", "hero_image", "sources"];
  var key = root.getAttribute("data-storage-key");
  var autosaveUrl = root.getAttribute("data-autosave-url");
  var presenceUrl = root.getAttribute("data-presence-url");
  var every = Math.max(1, parseInt(root.getAttribute("data-autosave-seconds") || "3", 10)) * 1000;
  var heartbeat = Math.max(5, parseInt(root.getAttribute("data-heartbeat-seconds") || "20", 10)) * 1000;
  var status = document.getElementById("autosave-status");
  var baseField = form.elements.base_revision;

  function values() {
    var out = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (field) out[name] = field.value;
    });
    return out;
  }
  /* Spacing is not a difference worth offering back; an empty slug is filled on save. */
  function sameText(kept, shown) {
    return FIELDS.every(function (name) {
      if (name === "slug" && !kept[name]) return true;
      return String(kept[name] || "").replace(/\s+/g, "") === String(shown[name] || "").replace(/\s+/g, "");
    });
  }
  function read() {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(entry) {
    try { window.localStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* full or disabled: the server copy remains */ }
  }
  function forget() {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }
  function say(text) { if (status) status.textContent = text; }
  function csrf() {
    var field = form.elements.csrfmiddlewaretoken;
    return field ? field.value : "";
  }

  /* Text kept only in this browser, offered back. */
  function offer(entry) {
    var box = document.createElement("div");
    box.className = "autosave-offer";
    box.id = "local-autosave-offer";
    box.setAttribute("role", "alert");
    var when = new Date(entry.at);
    var text = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = "This browser kept text you typed at " + when.toLocaleTimeString() + " that was never saved";
    text.appendChild(strong);
    text.appendChild(document.createTextNode(" (the server did not receive it; the network may have been down)."));
    var restore = document.createElement("button");
    restore.type = "button";
    restore.className = "button primary";
    restore.textContent = "Restore it";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "button";
    discard.textContent = "Discard it";
    box.appendChild(text);
    box.appendChild(restore);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(discard);
    form.parentNode.insertBefore(box, form);
    restore.addEventListener("click", function () {
      FIELDS.forEach(function (name) {
        var field = form.elements[name];
        if (field && entry.fields[name] !== undefined) {
          if (field.writingEditor) field.writingEditor.setText(entry.fields[name]);  // editor.js keeps the textarea in step
          else field.value = entry.fields[name];
        }
      });
      if (baseField && entry.base) baseField.value = entry.base;
      box.remove();
      say("Restored the text this browser kept. It is not saved yet.");
      changed();
      var body = form.elements.body;
      if (body) body.focus();
    });
    discard.addEventListener("click", function () {
      forget();
      box.remove();
      say("Discarded the text this browser kept.");
    });
  }

  var shown = values();
  var kept = read();
  if (kept && kept.fields) {
    if (sameText(kept.fields, shown)) {
      forget();  // the page already shows it (saved, or restored from the server)
    } else if (!kept.synced) {
      offer(kept);  // the server never received it
    } else if (!root.hasAttribute("data-server-offer")) {
      forget();  // the server had it and let it go: saved as a revision, or discarded
    }
  }
  /* A new story's copy, once the story is saved, is this story's. */
  var newKey = key.replace(/:[^:]*$/, ":new");
  if (newKey !== key) {
    try {
      var first = JSON.parse(window.localStorage.getItem(newKey) || "null");
      if (first && first.fields && (first.synced || sameText(first.fields, shown))) window.localStorage.removeItem(newKey);
    } catch (e) { /* nothing kept */ }
  }

  var lastSent = JSON.stringify(shown);
  var pending = false;
  var sending = false;

  function changed() {
    pending = true;
    write({ fields: values(), base: baseField ? baseField.value : "", at: new Date().toISOString(), synced: false });
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  /* With the writing editor (editor.js) on the page, its live preview keeps the slot as the
     writer types, one request at a time: this script then sends nothing itself and only
     hears what was kept. */
  var liveKeeps = false;
  form.addEventListener("newsreel:kept", function (event) {
    liveKeeps = true;
    var sent = {};
    FIELDS.forEach(function (name) {
      if (form.elements[name]) sent[name] = event.detail.body.get(name) || "";
    });
    lastSent = JSON.stringify(sent);
    var entry = read();
    if (entry && JSON.stringify(entry.fields) === lastSent) { entry.synced = true; write(entry); }
    // Said only when the server has the text as it is now (typing since: the next answer says it).
    if (JSON.stringify(values()) === lastSent) say("Autosaved at " + event.detail.time + ". Not a revision yet: Save draft keeps one.");
  });

  function send() {
    if (liveKeeps) return;
    if (!pending || sending) return;
    var snapshot = JSON.stringify(values());
    pending = false;
    if (snapshot === lastSent) return;
    sending = true;
    var body = new FormData(form);
    body.delete("action");
    window.fetch(autosaveUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || "status " + response.status);
        return data;
      });
    }).then(function (data) {
      lastSent = snapshot;
      var entry = read();
      if (entry && JSON.stringify(entry.fields) === snapshot) { entry.synced = true; write(entry); }
      say("Autosaved at " + data.time + ". Not a revision yet: Save draft keeps one.");
    }).catch(function (error) {
      pending = true;
      say("Not autosaved to the server (" + error.message + "); your text is kept in this browser.");
    }).then(function () { sending = false; });
  }
  window.setInterval(send, every);

  /* The discard button of the server's offer forgets this browser's copy too. */
  document.querySelectorAll("[data-discard-autosave]").forEach(function (button) {
    button.addEventListener("click", forget);
  });

  /* Presence: who else has this story open. */
  var presence = document.getElementById("presence");
  if (presenceUrl && presence) {
    window.setInterval(function () {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", csrf());
      window.fetch(presenceUrl, { method: "POST", body: body, credentials: "same-origin",
                                  headers: { "X-CSRFToken": csrf(), "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) return;
          if (presence.textContent !== data.message) presence.textContent = data.message;
          presence.hidden = !data.message;
        })
        .catch(function () { /* offline: the last word stands */ });
    }, heartbeat);
  }
})();
