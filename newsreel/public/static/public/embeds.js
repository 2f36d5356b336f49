/* Click-to-load embeds.

   An article's embed arrives as a facade: our stored poster, the provider's name, the title
   and a plain link to the video or post (all a reader without JavaScript gets, and all they
   need). Here that link gains a button beside it; only when the reader presses it does the
   page load the provider's player, in an iframe whose address the server put in the link's
   data-embed-src (the sanitizer lets only allowlisted players' addresses through, and the
   Content-Security-Policy's frame-src names the same providers). Before that, the page makes
   no request to the provider at all. */
(function () {
  "use strict";

  if (window.newsreelEmbeds) return;  // the script included twice on one page
  window.newsreelEmbeds = true;

  function load(figure, link) {
    var frame = document.createElement("iframe");
    frame.src = link.getAttribute("data-embed-src");
    frame.title = link.getAttribute("data-embed-title") || link.textContent;
    frame.className = "embed-player";
    frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var facade = figure.querySelector(".embed-facade");
    facade.parentNode.insertBefore(frame, facade);
    facade.hidden = true;
    figure.classList.add("embed-loaded");
    frame.focus();
  }

  Array.prototype.forEach.call(document.querySelectorAll("figure.embed"), function (figure) {
    var link = figure.querySelector("a.embed-link[data-embed-src]");
    if (!link || link.getAttribute("data-embed-src").indexOf("https://") !== 0) return;
    var provider = figure.querySelector(".embed-provider");
    var name = provider ? provider.textContent : "the provider";
    var title = figure.querySelector(".embed-title");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-play";
    var what = figure.classList.contains("embed-video") ? "Play" : "Show";
    button.textContent = what + (title ? " “" + title.textContent + "”" : figure.classList.contains("embed-video") ? " the video" : " the post") + " here";
    var note = document.createElement("span");
    note.className = "embed-note";
    note.textContent = " (loads " + name + ", which may set cookies)";
    button.appendChild(note);
    button.addEventListener("click", function () { load(figure, link); });
    link.parentNode.insertBefore(button, link);
    link.parentNode.insertBefore(document.createTextNode(" "), link);
  });
})();
