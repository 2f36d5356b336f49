/* The image library: comfort only, every page works without this file.
   - Upload: pictures dropped on the form or pasted are added to its file field; the form is
     sent with a progress bar.
   - An image's page: a click on the picture sets the focal point fields. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-upload-form]");
  if (form) {
    var input = form.querySelector("input[type=file]");
    var bar = form.querySelector(".upload-progress");
    var status = form.querySelector("[data-upload-status]");
    var take = function (files) {
      var pictures = Array.prototype.filter.call(files, function (file) { return /^image\//.test(file.type); });
      if (!pictures.length) return;
      var transfer = new DataTransfer();
      pictures.forEach(function (file) { transfer.items.add(file); });
      input.files = transfer.files;
      status.textContent = pictures.length + (pictures.length === 1 ? " picture" : " pictures") + " ready to upload.";
    };
    form.addEventListener("dragover", function (event) { event.preventDefault(); form.classList.add("dragging"); });
    form.addEventListener("dragleave", function () { form.classList.remove("dragging"); });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      form.classList.remove("dragging");
      take(event.dataTransfer.files);
    });
    document.addEventListener("paste", function (event) {
      if (event.clipboardData && event.clipboardData.files.length) take(event.clipboardData.files);
    });
    form.addEventListener("submit", function (event) {
      if (!window.XMLHttpRequest || !input.files.length) return;
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      bar.hidden = false;
      request.upload.addEventListener("progress", function (progress) {
        if (!progress.lengthComputable) return;
        var percent = Math.round(progress.loaded / progress.total * 100);
        bar.value = percent;
        status.textContent = percent < 100 ? "Uploading: " + percent + "%"
          : "Uploaded; checking the pictures and making their sizes and crops…";
      });
      request.addEventListener("load", function () {
        // The answer is the page the form leads to (the request followed its redirect and
        // used up its messages): show it as it came, at its own address.
        if (request.responseURL) history.replaceState(null, "", request.responseURL);
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener("error", function () {
        bar.hidden = true;
        status.textContent = "The upload failed (the connection dropped); nothing was lost, try again.";
      });
      request.send(new FormData(form));
    });
  }

  var picker = document.querySelector("[data-focal-picker]");
  if (picker) {
    var image = picker.querySelector("[data-focal-image]");
    var mark = picker.querySelector(".focal-mark");
    var x = document.getElementById("id_focal_x");
    var y = document.getElementById("id_focal_y");
    picker.querySelectorAll("[data-js-only]").forEach(function (node) { node.hidden = false; });
    if (x && !x.disabled) {
      image.addEventListener("click", function (event) {
        var box = image.getBoundingClientRect();
        var fx = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
        var fy = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
        x.value = fx.toFixed(3);
        y.value = fy.toFixed(3);
        mark.style.left = (fx * 100) + "%";
        mark.style.top = (fy * 100) + "%";
      });
    }
  }
})();
