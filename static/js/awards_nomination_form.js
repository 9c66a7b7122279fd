/* The nominee list shows only the chosen type (tập thể, cá nhân, hộ gia đình),
   and is reloaded with the new unit's own nominees when the proposing unit
   changes. Without script the list is grouped by type; the server checks both. */
(function () {
  "use strict";
  var form = document.getElementById("nomination-form");
  var select = form && form.querySelector("select[data-nominee-select]");
  if (!select || select.disabled) { return; }
  var unitSelect = form.querySelector("select[name=proposing_unit]");
  var empty = document.getElementById("nominee-empty");
  var blank = select.options.length ? select.options[0].text : "---------";
  var all = [];
  Array.prototype.forEach.call(select.options, function (o) {
    if (o.value) { all.push([o.value, o.text]); }
  });
  function chosenType() {
    var radio = form.querySelector("input[name=nominee_type]:checked");
    return radio ? radio.value : "";
  }
  function render() {
    var type = chosenType(), current = select.value, shown = 0;
    select.textContent = "";
    select.add(new Option(blank, ""));
    all.forEach(function (pair) {
      if (!type || pair[0].indexOf(type + ":") === 0) {
        select.add(new Option(pair[1], pair[0], false, pair[0] === current));
        shown += 1;
      }
    });
    if (empty) { empty.hidden = !type || shown > 0; }
  }
  Array.prototype.forEach.call(form.querySelectorAll("input[name=nominee_type]"), function (radio) {
    radio.addEventListener("change", render);
  });
  if (unitSelect) {
    unitSelect.addEventListener("change", function () {
      if (!unitSelect.value) { all = []; render(); return; }
      var url = form.dataset.nomineeUrl + "?proposing_unit=" + encodeURIComponent(unitSelect.value);
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : {groups: []}; })
        .then(function (data) {
          all = [];
          data.groups.forEach(function (group) {
            group.options.forEach(function (pair) { all.push(pair); });
          });
          render();
        });
    });
  }
  render();
})();
