/* Report form: nothing typed is lost, and evidence goes up with a progress bar.
 *
 * 1. The form's narratives and numbers are copied to the browser's
 *    localStorage as they are typed, and stay there until the server has saved
 *    them: the page after a successful save carries data-saved="1" and the copy
 *    is dropped. A page that opens with an unsaved copy (a dropped connection
 *    on a phone, a closed tab) restores it and says so, with a button to
 *    discard it.
 * 2. Evidence files go up one by one with a progress bar; without JavaScript
 *    the file travels with the form when the draft is saved. */
(function () {
  "use strict";
  var PREFIX = "phongquang:";
  var store = null;
  try {
    store = window.localStorage;
    store.setItem(PREFIX + "probe", "1");
    store.removeItem(PREFIX + "probe");
  } catch (e) { store = null; }
  if (!store) { return; }

  // The report page after a submission only lets go of the copy.
  var marker = document.getElementById("report-draft-state");
  if (marker) {
    if (marker.dataset.saved === "1") { store.removeItem(PREFIX + marker.dataset.draftKey); }
    return;
  }
  var form = document.getElementById("report-form");
  if (!form || !form.dataset.draftKey) { return; }
  var key = PREFIX + form.dataset.draftKey;
  var fields = Array.prototype.filter.call(form.elements, function (el) {
    return /^(narrative|value)_\d+$/.test(el.name || "");
  });
  var original = {};
  fields.forEach(function (el) { original[el.name] = el.value; });

  function read() {
    try { return JSON.parse(store.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write() {
    var values = {};
    fields.forEach(function (el) { values[el.name] = el.value; });
    try { store.setItem(key, JSON.stringify({savedAt: Date.now(), values: values})); } catch (e) { /* full */ }
  }

  if (form.dataset.saved === "1") {
    // The server has every entry of this page: the browser's copy may go.
    store.removeItem(key);
    if (window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.delete("saved");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
  } else {
    var copy = read();
    if (copy && copy.values) {
      var differs = fields.some(function (el) {
        return Object.prototype.hasOwnProperty.call(copy.values, el.name) &&
          copy.values[el.name] !== el.value;
      });
      if (differs) {
        fields.forEach(function (el) {
          if (Object.prototype.hasOwnProperty.call(copy.values, el.name)) { el.value = copy.values[el.name]; }
        });
        var notice = document.getElementById("draft-restored");
        var when = new Date(copy.savedAt || Date.now());
        var pad = function (n) { return (n < 10 ? "0" : "") + n; };
        var time = pad(when.getHours()) + ":" + pad(when.getMinutes()) + " " +
          pad(when.getDate()) + "/" + pad(when.getMonth() + 1) + "/" + when.getFullYear();
        notice.querySelector(".draft-restored-text").textContent =
          form.dataset.restored.replace("{time}", time);
        notice.classList.remove("d-none");
        document.getElementById("draft-discard").addEventListener("click", function () {
          fields.forEach(function (el) { el.value = original[el.name]; });
          store.removeItem(key);
          notice.classList.add("d-none");
        });
      }
    }
  }
  form.addEventListener("input", function (event) {
    if (fields.indexOf(event.target) !== -1) { write(); }
  });
  // Sending the form keeps the copy: it goes only once the server answers "saved".
  form.addEventListener("submit", write);
})();

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
