/* Scoring charts, drawn from the numbers the server put in json_script blocks.
 *
 * #goal-chart     one sheet's points and maxima by goal a–h (sheet page);
 * #ranking-chart  each ranked unit's points by goal, scaled to 100 (ranking page).
 * A chart's box takes its height from data-chart-height (pixels), set here so
 * that no inline style is needed (Content-Security-Policy).
 */
(function () {
  "use strict";
  if (!window.Chart) { return; }

  document.querySelectorAll("[data-chart-height]").forEach(function (box) {
    var height = parseInt(box.getAttribute("data-chart-height"), 10);
    if (height > 0) {
      box.style.height = height + "px";
      box.style.minHeight = "200px";
    }
  });

  function data(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  var goalCanvas = document.getElementById("goal-chart");
  var goals = data("goal-chart-data");
  if (goalCanvas && goals) {
    new Chart(goalCanvas, {
      type: "bar",
      data: {
        labels: goals.labels,
        datasets: [
          { label: goalCanvas.dataset.labelPoints, data: goals.points, backgroundColor: "#b3261e" },
          { label: goalCanvas.dataset.labelMax, data: goals.max, backgroundColor: "#d9d9d9" }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false }
    });
  }

  var rankingCanvas = document.getElementById("ranking-chart");
  var ranking = data("ranking-chart-data");
  if (rankingCanvas && ranking) {
    var colours = ["#b3261e", "#e07a5f", "#f2cc8f", "#81b29a", "#3d405b", "#5fa8d3", "#9c6644", "#6d597a"];
    new Chart(rankingCanvas, {
      type: "bar",
      data: {
        labels: ranking.labels,
        datasets: ranking.goals.map(function (code, i) {
          return { label: code + ")", data: ranking.series[i], backgroundColor: colours[i % colours.length] };
        })
      },
      options: {
        indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true, max: 100 }, y: { stacked: true } }
      }
    });
  }
})();
