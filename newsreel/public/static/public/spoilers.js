/* Spoiler controls for readers.

   "I've seen it": a reader who has seen a film gets its spoiler blocks opened by
   themselves, on every page, until they undo it (on the block, on the film page, or in
   the footer's list of films marked as seen). Spoiler-free mode keeps every block closed
   when a page opens, whatever films are marked; a block still opens when the reader asks
   (Reveal). The choices live only in this browser (localStorage): no cookie, no account.

   Without JavaScript every block still opens on request (details/summary) and none of
   these controls exist: they are built here, or un-hidden here. */
(function () {
  "use strict";

  if (window.newsreelSpoilerControls) return;  // the script included twice on one page
  window.newsreelSpoilerControls = true;

  var SEEN_KEY = "newsreel:seen-films";     // ["film-key", ...]
  var TITLES_KEY = "newsreel:seen-titles";  // {"film-key": "Title"}, for the footer list
  var FREE_KEY = "newsreel:spoiler-free";   // "1" when spoiler-free mode is on

  var blocks = Array.prototype.slice.call(document.querySelectorAll("details.spoiler[data-film]"));
  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-seen-control]"));
  var panel = document.querySelector("[data-spoiler-prefs]");
  var filmPath = (panel && panel.getAttribute("data-film-path")) || "";

  function read(key, fallback) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (e) { return fallback; }
  }

  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: this page only */ }
  }

  var memory = {};  // when storage is unavailable, choices last for this page
  function seenFilms() {
    var value = read(SEEN_KEY, memory.seen || []);
    return Array.isArray(value) ? value.filter(function (key) { return typeof key === "string"; }) : [];
  }
  function storedTitles() {
    var value = read(TITLES_KEY, memory.titles || {});
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  }
  function spoilerFree() { return read(FREE_KEY, memory.free || false) === true; }

  var titles = {};
  var holder = document.querySelector("[data-spoiler-titles]");
  if (holder) {
    try { titles = JSON.parse(holder.getAttribute("data-spoiler-titles")) || {}; } catch (e) { titles = {}; }
  }
  controls.forEach(function (control) { titles[control.getAttribute("data-film")] = control.getAttribute("data-title"); });
  function titleOf(film) { return titles[film] || storedTitles()[film] || film; }

  function setSeen(film, seen) {
    var films = seenFilms().filter(function (key) { return key !== film; });
    var names = storedTitles();
    if (seen) {
      films.push(film);
      names[film] = titleOf(film);
    } else {
      delete names[film];
    }
    memory.seen = films;
    memory.titles = names;
    write(SEEN_KEY, films);
    write(TITLES_KEY, names);
  }

  function setSpoilerFree(on) {
    memory.free = on;
    write(FREE_KEY, on);
  }

  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);
  function announce(text) { status.textContent = text; }

  function toggleSeen(film) {
    var nowSeen = seenFilms().indexOf(film) === -1;
    setSeen(film, nowSeen);
    update(film);
    if (!nowSeen) announce("Spoilers for " + titleOf(film) + " are hidden again.");
    else if (spoilerFree()) announce("Marked " + titleOf(film) + " as seen. Spoiler-free mode is on, so its spoilers stay closed.");
    else announce("Spoilers for " + titleOf(film) + " will open by themselves.");
  }

  function makeBar(film) {
    var bar = document.createElement("div");
    bar.className = "spoiler-actions";
    var note = document.createElement("span");
    note.className = "spoiler-actions-note";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "spoiler-button";
    button.addEventListener("click", function () { toggleSeen(film); });
    bar.appendChild(note);
    bar.appendChild(button);
    return bar;
  }

  var bars = [];
  blocks.forEach(function (block) {
    var film = block.getAttribute("data-film");
    var bar = makeBar(film);
    block.parentNode.insertBefore(bar, block.nextSibling);
    bars.push({ film: film, bar: bar, block: block });
  });
  controls.forEach(function (control) {
    var film = control.getAttribute("data-film");
    var bar = makeBar(film);
    control.appendChild(bar);
    control.hidden = false;
    bars.push({ film: film, bar: bar, block: null });
  });

  // The footer panel: spoiler-free mode, and the films marked as seen with an undo each.
  var freeButton = null, seenList = null, seenEmpty = null;
  if (panel) {
    var intro = document.createElement("p");
    intro.className = "spoiler-prefs-intro";
    intro.textContent = "Kept in this browser only.";
    freeButton = document.createElement("button");
    freeButton.type = "button";
    freeButton.className = "spoiler-button spoiler-free-toggle";
    freeButton.textContent = "Spoiler-free mode";
    freeButton.addEventListener("click", function () {
      var on = !spoilerFree();
      setSpoilerFree(on);
      update(on ? "free-on" : "free-off");
      announce(on ? "Spoiler-free mode is on: every spoiler stays closed."
                  : "Spoiler-free mode is off: spoilers for films you have seen open by themselves.");
    });
    var listHeading = document.createElement("h3");
    listHeading.className = "spoiler-prefs-subheading";
    listHeading.id = "seen-films-heading";
    listHeading.textContent = "Films you\u2019ve marked as seen";
    seenList = document.createElement("ul");
    seenList.className = "seen-films";
    seenList.setAttribute("aria-labelledby", "seen-films-heading");
    seenEmpty = document.createElement("p");
    seenEmpty.className = "seen-films-empty";
    seenEmpty.textContent = "None yet. Choose \u201cI\u2019ve seen it\u201d on a spoiler or a film page.";
    panel.appendChild(intro);
    panel.appendChild(freeButton);
    panel.appendChild(listHeading);
    panel.appendChild(seenList);
    panel.appendChild(seenEmpty);
    panel.hidden = false;
  }

  function renderSeenList(films) {
    if (!seenList) return;
    var focused = document.activeElement && seenList.contains(document.activeElement);
    while (seenList.firstChild) seenList.removeChild(seenList.firstChild);
    films.forEach(function (film) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      // The film page's path comes from the URL configuration (data-film-path, rendered with "{key}").
      link.href = filmPath.replace("{key}", encodeURIComponent(film));
      var cite = document.createElement("cite");
      cite.textContent = titleOf(film);
      link.appendChild(cite);
      var undo = document.createElement("button");
      undo.type = "button";
      undo.className = "spoiler-button seen-undo";
      undo.textContent = "Undo";
      undo.setAttribute("aria-label", "Undo: I haven\u2019t seen " + titleOf(film));
      undo.addEventListener("click", function () { toggleSeen(film); });
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(undo);
      seenList.appendChild(item);
    });
    seenList.hidden = !films.length;
    seenEmpty.hidden = films.length > 0;
    // The undone film's button is gone: keep keyboard focus in the panel.
    if (focused && !seenList.contains(document.activeElement)) freeButton.focus();
  }

  // `changed`: a film key (the reader's own click), "free-on"/"free-off", or "load"
  // (the page opening, or a choice made in another tab).
  function update(changed) {
    var films = seenFilms();
    var free = spoilerFree();
    bars.forEach(function (item) {
      var seen = films.indexOf(item.film) !== -1;
      var note = item.bar.firstChild;
      var button = item.bar.lastChild;
      if (seen && free) note.textContent = "You\u2019ve seen " + titleOf(item.film) + "; spoiler-free mode keeps it closed.";
      else if (seen) note.textContent = "You\u2019ve seen " + titleOf(item.film) + "; its spoilers open by themselves.";
      else note.textContent = item.block ? "" : "Seen " + titleOf(item.film) + "? Its spoilers can open by themselves in every story.";
      button.textContent = seen ? "Hide again" : "I\u2019ve seen it";
      button.setAttribute("aria-label", seen
        ? "Hide again: keep spoilers for " + titleOf(item.film) + " closed"
        : "I\u2019ve seen it: open spoilers for " + titleOf(item.film) + " everywhere");
      item.bar.classList.toggle("is-seen", seen);
      if (!item.block) return;
      if (free) {
        // Closed when a page opens and when the mode is turned on; the reader's own
        // Reveal still opens a block, and "Hide again" closes it.
        if (changed === "load" || changed === "free-on" || (changed === item.film && !seen)) item.block.open = false;
      } else if (changed === item.film || changed === "free-off") {
        item.block.open = seen;
      } else if (changed === "load" && seen) {
        item.block.open = true;
      }
    });
    if (freeButton) freeButton.setAttribute("aria-pressed", free ? "true" : "false");
    renderSeenList(films);
  }

  update("load");
  window.addEventListener("storage", function (event) {
    if (event.key === SEEN_KEY || event.key === FREE_KEY || event.key === TITLES_KEY) update("load");
  });
})();
