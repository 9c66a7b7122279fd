/* Report form: upload evidence files one by one with a progress bar.
 * Without JavaScript the file travels with the form when the draft is saved. */
(function () {
  "use strict";
  var input = document.querySelector("input[type=file][data-upload-url]");
  if (!input || !window.XMLHttpRequest || !window.FormData) { return; }
  var form = document.getElementById("report-form");
  var goalSelect = form.querySelector("select[name=attachment_goal]");
  var bar = document.getElementById("upload-progress");
  var barInner = bar.querySelector(".progress-bar");
  var status = document.getElementById("upload-status");
  var list = document.getElementById("attachment-list");
  var texts = document.getElementById("upload-messages").dataset;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var maxBytes = parseInt(input.dataset.maxBytes, 10) * 1024 * 1024;

  function setProgress(percent) {
    barInner.style.width = percent + "%";
    barInner.textContent = percent + "%";
    bar.setAttribute("aria-valuenow", String(percent));
  }

  function addItem(data) {
    var empty = document.getElementById("no-attachments");
    if (empty) { empty.remove(); }
    var item = document.getElementById("attachment-item").content.firstElementChild.cloneNode(true);
    var link = item.querySelector(".attachment-link");
    link.href = data.url;
    link.textContent = data.name;
    item.querySelector(".attachment-meta").textContent =
      (data.goal ? "· " + data.goal + ") " : "") + "· " + Math.max(1, Math.round(data.size / 1024)) + " KB";
    item.querySelector("form").action = data.delete_url;
    list.appendChild(item);
  }

  function upload(file) {
    status.className = "small mt-1";
    if (file.size > maxBytes) {
      status.className = "small mt-1 text-danger";
      status.textContent = file.name + ": " + texts.tooLarge;
      input.value = "";
      return;
    }
    var data = new FormData();
    data.append("file", file);
    data.append("goal", goalSelect ? goalSelect.value : "");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", input.dataset.uploadUrl);
    xhr.setRequestHeader("X-CSRFToken", csrf);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    bar.classList.remove("d-none");
    setProgress(0);
    status.textContent = file.name + ": " + texts.uploading;
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) { setProgress(Math.round(event.loaded * 100 / event.total)); }
    });
    xhr.addEventListener("load", function () {
      var reply = null;
      try { reply = JSON.parse(xhr.responseText); } catch (e) { reply = null; }
      if (xhr.status === 200 && reply && reply.ok) {
        setProgress(100);
        addItem(reply);
        status.className = "small mt-1 text-success";
        status.textContent = reply.name + ": " + texts.done;
      } else {
        status.className = "small mt-1 text-danger";
        status.textContent = reply && reply.errors ? reply.errors.join(" ") : texts.failed;
        bar.classList.add("d-none");
      }
      input.value = "";
    });
    xhr.addEventListener("error", function () {
      status.className = "small mt-1 text-danger";
      status.textContent = texts.failed;
      bar.classList.add("d-none");
    });
    xhr.send(data);
  }

  input.addEventListener("change", function () {
    if (input.files && input.files.length) { upload(input.files[0]); }
  });
})();
