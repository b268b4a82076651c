// The shared reading of the evaluation: one chart per indicator, drawn from the data block of the page (the same
// figures as the tables beside them, which stay the accessible truth; a masked value is not drawn). A chart is drawn
// when it comes near the screen: a question's page holds a dozen, and drawing them all at once kept the page busy.
(function () {
  var block = document.getElementById('reading-data');
  if (!block || typeof Chart === 'undefined') { return; }
  var charts = JSON.parse(block.textContent);
  var blue = '#1f5fa8';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.animation = false;
  function draw(chart, canvas) {
    new Chart(canvas, {
      type: chart.kind,
      data: { labels: chart.labels, datasets: [{ label: chart.unit, data: chart.values, backgroundColor: blue, borderColor: blue, spanGaps: true }] },
      options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  }
  var pending = new Map();
  var observer = 'IntersectionObserver' in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting || !pending.has(entry.target)) { return; }
          observer.unobserve(entry.target);
          draw(pending.get(entry.target), entry.target);
          pending.delete(entry.target);
        });
      }, { rootMargin: '300px 0px' })
    : null;
  charts.forEach(function (chart) {
    var canvas = document.getElementById('chart-' + chart.id);
    if (!canvas || chart.labels.length === 0) { return; }
    if (observer) { pending.set(canvas, chart); observer.observe(canvas); } else { draw(chart, canvas); }
  });
})();
