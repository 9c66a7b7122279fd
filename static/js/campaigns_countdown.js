// Live countdown to the dossier deadline; the server computed the deadline instant.
(function () {
  document.querySelectorAll("[data-deadline]").forEach(function (el) {
    var end = new Date(el.getAttribute("data-deadline"));
    var expired = el.getAttribute("data-expired-text");
    var fmt = el.getAttribute("data-format");
    function tick() {
      var ms = end - new Date();
      if (ms <= 0) { el.textContent = expired; return; }
      var d = Math.floor(ms / 86400000), h = Math.floor(ms / 3600000) % 24,
          m = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60;
      el.textContent = fmt.replace("%d", d).replace("%h", h).replace("%m", m).replace("%s", s);
      setTimeout(tick, 1000);
    }
    tick();
  });
})();
