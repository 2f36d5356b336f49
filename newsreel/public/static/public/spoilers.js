/* "I've seen it": a reader who has seen a film gets its spoiler blocks opened by
   themselves, on every page, until they choose "Hide again". The choice lives only in
   this browser (localStorage); without JavaScript every block still opens on request. */
(function () {
  "use strict";

  var STORE_KEY = "newsreel:seen-films";
  var blocks = Array.prototype.slice.call(document.querySelectorAll("details.spoiler[data-film]"));
  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-seen-control]"));
  if (!blocks.length && !controls.length) return;

  var titles = {};
  var holder = document.querySelector("[data-spoiler-titles]");
  if (holder) {
    try { titles = JSON.parse(holder.getAttribute("data-spoiler-titles")) || {}; } catch (e) { titles = {}; }
  }
  controls.forEach(function (control) { titles[control.getAttribute("data-film")] = control.getAttribute("data-title"); });

  function seenFilms() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORE_KEY) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) { return []; }
  }

  function setSeen(film, seen) {
    var films = seenFilms().filter(function (key) { return key !== film; });
    if (seen) films.push(film);
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(films)); } catch (e) { /* private mode: this page only */ }
    return films;
  }

  function titleOf(film) { return titles[film] || film; }

  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function makeBar(film) {
    var bar = document.createElement("div");
    bar.className = "spoiler-actions";
    var note = document.createElement("span");
    note.className = "spoiler-actions-note";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "spoiler-button";
    button.addEventListener("click", function () {
      var nowSeen = seenFilms().indexOf(film) === -1;
      update(setSeen(film, nowSeen), film);
      status.textContent = nowSeen
        ? "Spoilers for " + titleOf(film) + " will open by themselves."
        : "Spoilers for " + titleOf(film) + " are hidden again.";
    });
    bar.appendChild(note);
    bar.appendChild(button);
    return bar;
  }

  var bars = [];
  blocks.forEach(function (block) {
    var bar = makeBar(block.getAttribute("data-film"));
    block.parentNode.insertBefore(bar, block.nextSibling);
    bars.push({ film: block.getAttribute("data-film"), bar: bar, block: block });
  });
  controls.forEach(function (control) {
    var bar = makeBar(control.getAttribute("data-film"));
    control.appendChild(bar);
    control.hidden = false;
    bars.push({ film: control.getAttribute("data-film"), bar: bar, block: null });
  });

  function update(films, changed) {
    bars.forEach(function (item) {
      var seen = films.indexOf(item.film) !== -1;
      var note = item.bar.firstChild;
      var button = item.bar.lastChild;
      note.textContent = seen
        ? "You\u2019ve seen " + titleOf(item.film) + "; its spoilers open by themselves."
        : (item.block ? "" : "Seen " + titleOf(item.film) + "? Its spoilers can open by themselves in every story.");
      button.textContent = seen ? "Hide again" : "I\u2019ve seen it";
      button.setAttribute("aria-label", seen
        ? "Hide again: keep spoilers for " + titleOf(item.film) + " closed"
        : "I\u2019ve seen it: open spoilers for " + titleOf(item.film) + " everywhere");
      item.bar.classList.toggle("is-seen", seen);
      if (!item.block) return;
      if (changed === item.film) item.block.open = seen;  // the reader's own click
      else if (changed === undefined && seen) item.block.open = true;  // page load, other tabs
    });
  }

  update(seenFilms());
  window.addEventListener("storage", function (event) {
    if (event.key === STORE_KEY) update(seenFilms());
  });
})();
