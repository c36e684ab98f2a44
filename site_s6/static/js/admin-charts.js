/*
 * Bar charts of the admin's reports, drawn by the bundled Chart.js (static/vendor/chartjs).
 *
 * Each chart is a <canvas data-s6-chart="ID">, where ID names a json_script element
 * holding {"labels": [...], "series": [{"label": ..., "values": [...]}, ...]}, with
 * optionally "type": "line" (bars otherwise) and "axis", the title of the values. The
 * numbers are also in a table beside every chart, for screen readers and for printing;
 * the canvas itself is hidden from them (aria-hidden in the template).
 */
(function () {
  "use strict";

  var COLOURS = ["#005a8e", "#e3a008", "#2f855a", "#9b2c2c", "#553c9a"];

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.s6Chart);
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var locale = document.documentElement.lang || undefined;
    var type = data.type === "line" ? "line" : "bar";
    var valueAxis = { beginAtZero: true };
    if (data.axis) {
      valueAxis.title = { display: true, text: data.axis };
    }
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, index) {
          return {
            label: series.label,
            data: series.values,
            backgroundColor: COLOURS[index % COLOURS.length],
            borderColor: COLOURS[index % COLOURS.length],
            spanGaps: true,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: locale,
        scales: { y: valueAxis },
      },
    });
  }

  function drawAll() {
    document.querySelectorAll("canvas[data-s6-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
