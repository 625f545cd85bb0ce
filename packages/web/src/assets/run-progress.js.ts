/**
 * The year-end evaluation's progress script (loaded with `<script src=… defer>`; no inline script).
 * On a page with a running run (`#run-progress[data-url]`) it asks the console's same-origin JSON
 * route for the run's progress every 1.5 s and updates in place: the <progress> bar (units scored
 * of all; indeterminate while the total is unknown), the count and percent in words, the report
 * step's bar and words (units whose reports are rendered, of all), the step under way and the
 * failures, all in the page's language as the route words them. Each update is also
 * announced as a `jx:run-progress` event on the document (detail: the route's JSON), for whoever
 * listens. When the run is no longer running (or its process stopped) it reloads the page (without the `?ok=` flash), which
 * then shows the results or why it stopped. A failed poll is retried on the next tick.
 */
export const RUN_PROGRESS_JS = `(function () {
'use strict';
var box = document.getElementById('run-progress');
if (!box) return;
var url = box.getAttribute('data-url');
if (!url) return;
var bar = document.getElementById('run-bar');
var count = box.querySelector('[data-run-count]');
var reportBar = document.getElementById('run-report-bar');
var reportCount = box.querySelector('[data-run-report-count]');
var step = box.querySelector('[data-run-step]');
var failures = document.getElementById('run-failures');
var list = box.querySelector('[data-run-failures]');
var done = false;

function show(p) {
  if (bar) {
    if (p.total > 0) {
      bar.max = p.total;
      bar.value = p.scored;
    } else {
      bar.removeAttribute('value');
    }
  }
  if (count) count.textContent = p.text;
  if (reportBar && p.total > 0) {
    reportBar.max = p.total;
    reportBar.value = p.reported;
  }
  if (reportCount && p.reportText) reportCount.textContent = p.reportText;
  if (step) step.textContent = p.stepText;
  box.setAttribute('data-percent', String(p.percent));
  if (list && failures && p.failures && p.failures.length) {
    list.textContent = '';
    for (var i = 0; i < p.failures.length; i++) {
      var li = document.createElement('li');
      li.textContent = p.failures[i];
      list.appendChild(li);
    }
    failures.hidden = false;
  }
  var ev;
  try {
    ev = new CustomEvent('jx:run-progress', { detail: p });
  } catch (e) {
    ev = document.createEvent('CustomEvent');
    ev.initCustomEvent('jx:run-progress', false, false, p);
  }
  document.dispatchEvent(ev);
}

function reload() {
  var u = new URL(window.location.href);
  u.searchParams.delete('ok');
  window.location.replace(u.pathname + u.search + u.hash);
}

function tick() {
  fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
    .then(function (r) {
      return r.ok ? r.json() : null;
    })
    .then(function (p) {
      if (!p) return;
      show(p);
      if (p.status !== 'running' || p.stale) {
        done = true;
        reload();
      }
    })
    .catch(function () {})
    .then(function () {
      if (!done) window.setTimeout(tick, 1500);
    });
}

window.setTimeout(tick, 1000);
})();
`;
