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

  document.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });

  /* Destructive buttons ask first. */
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
