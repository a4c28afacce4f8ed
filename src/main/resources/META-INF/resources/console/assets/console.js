// Patchbay console: the only script, served from Patchbay itself (the Content-Security-Policy allows no other).
document.addEventListener('DOMContentLoaded', function () {
  // A filter's select submits its form as soon as it changes.
  document.querySelectorAll('select.autosubmit').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // A section marked data-poll (a reconciliation that runs) is fetched again until it no longer is.
  document.querySelectorAll('[data-poll]').forEach(poll);
});

function poll(section) {
  var delay = parseInt(section.getAttribute('data-poll'), 10) || 2000;
  setTimeout(function () {
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(section.id);
        if (!fresh) { return; }
        section.replaceWith(fresh);
        if (fresh.hasAttribute('data-poll')) { poll(fresh); } else if (document.getElementById('findings')) {
          window.location.reload();
        }
      })
      .catch(function () { poll(section); });
  }, delay);
}

// The overview's pictures, drawn with uPlot (served from Patchbay's webjar) from the numbers in data-charts.
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('charts');
  if (!holder || typeof uPlot === 'undefined') { return; }
  var charts = JSON.parse(holder.getAttribute('data-charts'));
  var colours = ['#2457c5', '#067647', '#b54708', '#b42318', '#6941c6', '#0e7090', '#667085', '#c11574'];

  var seatLabels = [], seatCounts = [];
  charts.seatsByTier.forEach(function (vendor) {
    vendor.tiers.forEach(function (tier, i) { seatLabels.push(vendor.vendor + ' · ' + tier); seatCounts.push(vendor.seats[i]); });
  });
  bars('chart-seats', seatLabels, [{ label: 'seats', values: seatCounts }], 'No seats counted yet: run a reconciliation.');

  var costLabels = charts.monthlyCost.map(function (c) { return c.vendor + ' (' + c.currency + ')'; });
  bars('chart-cost', costLabels, [
    { label: 'monthly cost', values: charts.monthlyCost.map(function (c) { return Number(c.monthlyCost); }) },
    { label: 'savings available', values: charts.monthlyCost.map(function (c) { return Number(c.savingsAvailable); }) }
  ], 'No seats counted yet.');

  bars('chart-idle', charts.idleSeats.map(function (v) { return v.vendor; }), [
    { label: 'idle', values: charts.idleSeats.map(function (v) { return v.idle; }) },
    { label: 'orphaned', values: charts.idleSeats.map(function (v) { return v.orphaned; }) }
  ], 'No seats counted yet: run a reconciliation.');

  backlog('chart-backlog', charts.backlog);

  function bars(id, labels, series, empty) {
    var target = document.getElementById(id);
    if (labels.length === 0) { target.textContent = empty; target.className = 'muted'; return; }
    var xs = labels.map(function (label, i) { return i; });
    var width = series.length === 1 ? 0.6 : 0.35;
    new uPlot({
      width: chartWidth(target), height: 220, legend: { show: series.length > 1, live: false },
      scales: { x: { time: false, range: function () { return [-0.5, labels.length - 0.5]; } }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      axes: [{ splits: function () { return xs; }, values: function (u, splits) { return splits.map(function (i) { return labels[i] || ''; }); } }, {}],
      series: [{}].concat(series.map(function (one, n) {
        return { label: one.label, stroke: colours[n], fill: colours[n] + '99',
          paths: uPlot.paths.bars({ size: [width], align: series.length === 1 ? 0 : (n === 0 ? -1 : 1) }), points: { show: false } };
      }))
    }, [xs].concat(series.map(function (one) { return one.values; })), target);
  }

  function backlog(id, all) {
    var target = document.getElementById(id);
    if (all.length === 0) { target.textContent = 'No samples yet (one every few minutes).'; target.className = 'muted'; return; }
    var times = [];
    all.forEach(function (one) { one.at.forEach(function (t) { if (times.indexOf(t) < 0) { times.push(t); } }); });
    times.sort(function (a, b) { return a - b; });
    var data = [times].concat(all.map(function (one) {
      return times.map(function (t) { var i = one.at.indexOf(t); return i < 0 ? null : one.remaining[i]; });
    }));
    var now = Date.now() / 1000;
    new uPlot({
      width: chartWidth(target), height: 220, legend: { live: false },
      scales: { x: { time: true, range: function () { return [now - 86400, now]; } }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      series: [{}].concat(all.slice(0, colours.length).map(function (one, n) {
        return { label: one.connectionId, stroke: colours[n], width: 2, spanGaps: true };
      }))
    }, data.slice(0, colours.length + 1), target);
  }

  function chartWidth(target) { return Math.max(280, Math.min(640, target.parentElement.clientWidth - 16)); }
});
