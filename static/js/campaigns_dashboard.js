/* Dashboard pictures drawn from the numbers the server put in #dashboard-data. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  var t = document.getElementById("chart-labels").dataset;
  var colours = { accepted: "#198754", submitted: "#0d6efd", returned: "#ffc107", draft: "#0dcaf0", not_started: "#adb5bd" };
  var keys = ["accepted", "submitted", "returned", "draft", "not_started"];
  var names = { accepted: t.accepted, submitted: t.submitted, returned: t.returned, draft: t.draft, not_started: t.notStarted };
  new Chart(document.getElementById("chart-submission"), {
    type: "bar",
    data: {
      labels: data.submission.map(function (row) { return row.period; }),
      datasets: keys.map(function (key) {
        return { label: names[key], backgroundColor: colours[key], data: data.submission.map(function (row) { return row[key]; }) };
      })
    },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } }
  });
  var progress = data.progress.filter(function (row) { return row.percent !== null; });
  new Chart(document.getElementById("chart-progress"), {
    type: "bar",
    data: {
      labels: progress.map(function (row) { return row.label; }),
      datasets: [{ label: t.percent, backgroundColor: "#b3261e", data: progress.map(function (row) { return row.percent; }) }]
    },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { beginAtZero: true, suggestedMax: 100 } } }
  });
  new Chart(document.getElementById("chart-hamlets"), {
    type: "bar",
    data: {
      labels: data.hamlets.map(function (row) { return row.unit; }),
      datasets: [{ label: t.value, backgroundColor: "#0d6efd", data: data.hamlets.map(function (row) { return row.value; }) }]
    },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { beginAtZero: true } } }
  });
})();
