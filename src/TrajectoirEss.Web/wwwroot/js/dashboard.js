// The coordination dashboard: charts drawn from the data block of the page (the same figures as the
// tables beside them), sortable tables, and the print button. Nothing here is needed to read the figures.
(function () {
  var printButton = document.querySelector('[data-print]');
  if (printButton) {
    printButton.addEventListener('click', function () { window.print(); });
  }

  // Sortable tables: a button in each header; aria-sort tells assistive technologies the order.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, index) {
      var button = th.querySelector('button.sort');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index].getAttribute('data-sort');
          var y = b.cells[index].getAttribute('data-sort');
          var nx = parseFloat(x), ny = parseFloat(y);
          var result = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'fr');
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  var block = document.getElementById('dashboard-data');
  if (!block || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(block.textContent);
  var blue = '#1f5fa8';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.animation = false;

  // On a narrow screen the long names of a horizontal chart's axis go on several lines, cut between words only
  // (Chart.js draws an array as lines); otherwise they are clipped at the canvas's left edge.
  function wrap(label, width) {
    var lines = [];
    label.split(' ').forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + ' ' + word).length <= width) {
        lines[last] += ' ' + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }

  function bar(id, labels, values, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas || labels.length === 0) { return; }
    var narrow = canvas.parentElement.clientWidth < 576;
    if (horizontal && narrow) {
      // Room for every name (up to four lines each), none skipped.
      canvas.parentElement.style.height = Math.max(canvas.parentElement.clientHeight, labels.length * 64 + 40) + 'px';
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: horizontal && narrow ? labels.map(function (l) { return wrap(l, 14); }) : labels, datasets: [{ data: values, backgroundColor: blue }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: horizontal && narrow ? { y: { ticks: { autoSkip: false } } } : {}
      }
    });
  }

  bar('chart-welcomed', data.poles, data.welcomed, true);
  bar('chart-conversions', data.conversions.map(function (c) { return c.label; }), data.conversions.map(function (c) { return c.value; }), false);
  bar('chart-reasons', data.reasons.map(function (r) { return r.label; }), data.reasons.map(function (r) { return r.value; }), true);

  var flows = document.getElementById('chart-flows');
  if (flows && data.flows.length > 0) {
    new Chart(flows, {
      type: 'sankey',
      data: { datasets: [{ data: data.flows, colorFrom: function () { return blue; }, colorTo: function () { return '#6c9bd2'; }, colorMode: 'gradient' }] },
      options: { maintainAspectRatio: false }
    });
  }
})();
