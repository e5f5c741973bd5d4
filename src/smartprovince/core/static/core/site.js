/* smartprovince — small page behaviours; no inline scripts anywhere (CSP). */
(function () {
  "use strict";
  // Render plotly charts declared as <div class="chart" data-figure-id="ID"> with the figure in
  // <script type="application/json" id="ID">.
  function renderCharts(root) {
    if (!window.Plotly) return;
    root.querySelectorAll(".chart[data-figure-id]").forEach(function (el) {
      if (el.dataset.rendered) return;
      var source = document.getElementById(el.dataset.figureId);
      if (!source) return;
      var fig = JSON.parse(source.textContent);
      var layout = Object.assign({ font: { family: "Sarabun, sans-serif" }, margin: { t: 40, r: 10, b: 60, l: 60 } }, fig.layout || {});
      window.Plotly.newPlot(el, fig.data, layout, { responsive: true, displaylogo: false });
      el.dataset.rendered = "1";
      if (el.dataset.drilldown) {
        el.on("plotly_click", function (ev) {
          var p = ev.points && ev.points[0];
          if (p && p.customdata) { window.location.href = Array.isArray(p.customdata) ? p.customdata[0] : p.customdata; }
        });
      }
    });
  }
  // Auto-submit filter forms when a select changes (progressive enhancement; the button stays).
  function autoSubmit(root) {
    root.querySelectorAll("form[data-autosubmit] select").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.requestSubmit ? sel.form.requestSubmit() : sel.form.submit(); });
    });
  }
  // Confirm dangerous actions: <button data-confirm="...">
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest("[data-confirm]");
    if (t && !window.confirm(t.dataset.confirm)) { ev.preventDefault(); }
  });
  function init(root) { renderCharts(root); autoSubmit(root); }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (ev) { init(ev.target); });
})();
