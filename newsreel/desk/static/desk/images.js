/* The image library: comfort only, every page works without this file.
   - Upload: pictures dropped anywhere on the library page or pasted are added to the form's
     file field (several drops and pastes add up); the form is sent with a progress bar.
   - An image's page: a click on the picture sets the focal point fields. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-upload-form]");
  if (form) {
    var input = form.querySelector("input[type=file]");
    var bar = form.querySelector(".upload-progress");
    var status = form.querySelector("[data-upload-status]");
    var carriesFiles = function (event) {
      return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], "Files") !== -1;
    };
    // Added to what is already chosen, so pictures can be gathered from several drops and pastes.
    var take = function (files) {
      var pictures = Array.prototype.filter.call(files, function (file) { return /^image\//.test(file.type); });
      var others = files.length - pictures.length;
      var left = others ? " " + others + (others === 1 ? " file was" : " files were") +
        " left out: only pictures (JPEG, PNG, WebP or GIF) can be uploaded." : "";
      if (!pictures.length) {
        status.textContent = left.trim();
        return;
      }
      var transfer = new DataTransfer();
      Array.prototype.forEach.call(input.files, function (file) { transfer.items.add(file); });
      pictures.forEach(function (file) { transfer.items.add(file); });
      input.files = transfer.files;
      var count = input.files.length;
      status.textContent = count + (count === 1 ? " picture" : " pictures") + " ready to upload." + left;
    };
    // The whole library page takes a drop: a picture that misses the form must not make the
    // browser leave the page to show the file.
    var dragging = function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      form.classList.add("dragging");
    };
    document.addEventListener("dragenter", dragging);
    document.addEventListener("dragover", dragging);
    document.addEventListener("dragleave", function (event) {
      if (!event.relatedTarget) form.classList.remove("dragging");  // left the window, not just a child
    });
    document.addEventListener("drop", function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      form.classList.remove("dragging");
      take(event.dataTransfer.files);
    });
    document.addEventListener("paste", function (event) {
      if (!event.clipboardData || !event.clipboardData.files.length) return;
      event.preventDefault();  // a picture is not pasted into whatever field has the focus
      take(event.clipboardData.files);
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
