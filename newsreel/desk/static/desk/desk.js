/* Newsreel desk: comfort only. Every page works without this file. */
(function () {
  "use strict";

  /* Error messages that name a line of the body jump to that line. */
  function goToLine(textarea, line) {
    if (textarea.writingEditor) { textarea.writingEditor.goToLine(line); return; }  // the writing editor (editor.js)
    var lines = textarea.value.split("\n");
    var start = 0;
    for (var i = 0; i < Math.min(line - 1, lines.length); i++) start += lines[i].length + 1;
    var end = start + (lines[line - 1] || "").length;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    var lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-line]");
    if (!link) return;
    var textarea = document.getElementById(link.getAttribute("data-target") || "id_body");
    if (!textarea) return;
    event.preventDefault();
    goToLine(textarea, parseInt(link.getAttribute("data-line"), 10));
  });

  /* The article form: warn before leaving with unsaved words; Ctrl/Cmd+S saves the draft. */
  var form = document.querySelector("form[data-article-form]");
  if (form) {
    var initial = new URLSearchParams(new FormData(form)).toString();
    var submitting = false;
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("beforeunload", function (event) {
      if (submitting) return;
      if (new URLSearchParams(new FormData(form)).toString() !== initial) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    document.addEventListener("keydown", function (event) {
      // Ctrl+S alone: Ctrl+Alt+S is the writing editor's spoiler block, not a save.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") {
        var save = form.querySelector('button[value="save"]');
        if (save) { event.preventDefault(); save.click(); }
      }
    });
  }

  /* A relink job's notice (films and people): ask its status every two seconds until it is
     done, and say how far it has got; without this the notice asks for a reload. */
  var relink = document.querySelector("[data-relink-status]");
  if (relink && relink.getAttribute("data-relink-state") !== "done") {
    var relinkText = relink.querySelector("[data-relink-text]");
    var relinkHint = relink.querySelector("[data-relink-reload]");
    if (relinkHint) relinkHint.hidden = true;
    var pollRelink = function () {
      fetch(relink.getAttribute("data-relink-status"), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (job) {
          var bar = relink.querySelector("[data-relink-bar]");
          if (job.listed && job.total) {
            if (!bar) {
              bar = document.createElement("progress");
              bar.setAttribute("data-relink-bar", "");
              bar.setAttribute("aria-label", "Stories checked");
              relinkText.after(bar);
            }
            bar.max = job.total;
            bar.value = job.checked;
          }
          relink.setAttribute("data-relink-state", job.state);
          if (job.state === "queued") {
            relinkText.textContent = "Linking the stories that name " + job.label + " again: waiting for the worker.";
          } else if (job.state === "running") {
            relinkText.textContent = "Linking the stories that name " + job.label + " again: " + (job.listed
              ? job.checked + " of " + job.total + " checked, " + job.changed + " republished." : "finding them.");
          } else {
            relinkText.textContent = "Stories naming " + job.label + " linked again: " + job.checked + " checked, "
              + job.changed + " republished" + (job.errors.length ? ", " + job.errors.length
              + " could not be (reload to see which)" : "") + ".";
            return;
          }
          window.setTimeout(pollRelink, 2000);
        })
        .catch(function () { if (relinkHint) relinkHint.hidden = false; });
    };
    window.setTimeout(pollRelink, 1000);
  }

  document.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });

  /* Destructive buttons ask first. */
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
