/**
 * The evidence pages' script (loaded with `<script src=… defer>`; no inline script). It turns on
 * the copy buttons beside each SHA-256 and every `form.ev-upload`, configured by `#ev-config`
 * (the tenant's extensions and per-file limit, where tickets are asked for, where to go when done,
 * and every message in the page's language). On submit it checks the file's extension and size
 * BEFORE sending anything, asks the console for a ticket (same origin, JSON), POSTs the ticket's
 * fields and then the file to S3 with XMLHttpRequest so that a <progress> bar and its percentage
 * (aria-live) follow the upload, asks the console to confirm (the API checks the stored bytes),
 * and reloads the list. A refusal shows the API's own message (problem+json, zh/en); an upload
 * that never reached S3 is discarded. Sizes read as the API words them (core's formatBytes).
 */
export const EVIDENCE_UPLOAD_JS = String.raw`(function () {
'use strict';
var lang = (document.documentElement.lang || 'zh').indexOf('zh') === 0 ? 'zh' : 'en';
function fill(tpl, p) {
  return String(tpl || '').replace(/\{(\w+)\}/g, function (m, k) {
    return Object.prototype.hasOwnProperty.call(p, k) ? String(p[k]) : m;
  });
}

var copies = document.querySelectorAll('button[data-copy]');
for (var c = 0; c < copies.length; c++) (function (b) {
  if (!navigator.clipboard) return;
  b.hidden = false;
  b.addEventListener('click', function () {
    navigator.clipboard.writeText(b.getAttribute('data-copy')).then(function () {
      b.textContent = b.getAttribute('data-copied');
    });
  });
})(copies[c]);

var cfg = document.getElementById('ev-config');
if (!cfg) return;
function msg(name) { return cfg.getAttribute('data-msg-' + name) || ''; }
var exts = (cfg.getAttribute('data-exts') || '').split(',').filter(Boolean);
var max = Number(cfg.getAttribute('data-max'));
var uploads = cfg.getAttribute('data-uploads');

function size(n) {
  var units = [['GB', 1073741824], ['MB', 1048576], ['KB', 1024]];
  for (var i = 0; i < units.length; i++)
    if (n >= units[i][1]) {
      var x = n / units[i][1];
      return String(x >= 100 ? Math.round(x) : Math.round(x * 10) / 10) + ' ' + units[i][0];
    }
  return n + ' ' + cfg.getAttribute('data-bytes-word');
}
function ext(name) {
  var d = name.lastIndexOf('.');
  return d <= 0 || d === name.length - 1 ? '' : name.slice(d + 1).toLowerCase();
}
function post(url, body) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body || {})
  }).then(function (r) {
    return r.text().then(function (text) {
      var json = null;
      try { json = JSON.parse(text); } catch (e) { json = null; }
      return { ok: r.ok && json !== null, status: r.status, body: json };
    });
  });
}
function problemText(r) {
  var p = r && r.body;
  if (p && p.message && p.message[lang]) {
    var t = p.message[lang];
    if (p.errors && p.errors.length)
      t += ' ' + p.errors.map(function (e) { return e[lang]; }).join(lang === 'zh' ? '；' : '; ');
    return t;
  }
  return fill(msg('failed'), { status: (r && r.status) || 0 });
}
function goBack(anchor) {
  var url = cfg.getAttribute('data-done');
  var here = location.pathname + location.search;
  if (here === url) {
    if (anchor) location.hash = anchor;
    location.reload();
  } else location.assign(url + (anchor ? '#' + anchor : ''));
}

function setup(f) {
  var input = f.querySelector('input[type=file]');
  var button = f.querySelector('button[type=submit]');
  var box = f.querySelector('.ev-progress');
  var bar = f.querySelector('progress');
  var pct = f.querySelector('.ev-pct');
  var note = f.querySelector('.ev-msg');
  var nojs = f.querySelector('.ev-nojs');
  if (nojs) nojs.hidden = true;
  button.disabled = false;

  function say(text, kind) {
    note.textContent = text || '';
    note.hidden = !text;
    note.className = 'ev-msg ' + (kind === 'error' ? 'alert' : kind === 'ok' ? 'flash' : 'muted');
    note.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }
  function progress(fraction) {
    var v = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    bar.value = v;
    pct.textContent = v + '%';
  }
  function busy(on) {
    button.disabled = on;
    input.disabled = on;
    if (on) f.setAttribute('aria-busy', 'true'); else f.removeAttribute('aria-busy');
  }
  function fail(text) {
    busy(false);
    box.hidden = true;
    say(text, 'error');
  }
  function send(ticket, file) {
    return new Promise(function (resolve, reject) {
      var fd = new FormData();
      Object.keys(ticket.fields || {}).forEach(function (k) { fd.append(k, ticket.fields[k]); });
      fd.append(ticket.fileField || 'file', new Blob([file], { type: ticket.contentType }), file.name);
      var x = new XMLHttpRequest();
      x.open('POST', ticket.url);
      x.upload.onprogress = function (e) {
        if (e.lengthComputable && e.total > 0) progress(e.loaded / e.total);
      };
      x.onload = function () {
        if (x.status >= 200 && x.status < 300) { progress(1); resolve(); }
        else reject({ storage: x.status });
      };
      x.onerror = function () { reject({ storage: 0 }); };
      x.send(fd);
    });
  }

  f.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (button.disabled) return;
    var file = input.files && input.files[0];
    if (!file) return say(msg('choose'), 'error');
    var x = ext(file.name);
    if (exts.indexOf(x) < 0)
      return say(fill(msg('kind'), { name: file.name, ext: x ? '.' + x : msg('noext') }), 'error');
    if (file.size === 0) return say(fill(msg('empty'), { name: file.name }), 'error');
    if (file.size > max) return say(fill(msg('size'), { name: file.name, size: size(file.size) }), 'error');
    busy(true);
    box.hidden = false;
    progress(0);
    say(fill(msg('sending'), { name: file.name }), 'info');
    var req = { fileName: file.name, size: file.size };
    if (f.getAttribute('data-leaf')) req.leaf = f.getAttribute('data-leaf');
    if (f.getAttribute('data-evidence')) req.evidence = f.getAttribute('data-evidence');
    var ticket = null;
    post(uploads, req)
      .then(function (r) {
        if (!r.ok) throw { problem: r };
        ticket = r.body;
        return send(ticket, file);
      })
      .then(function () {
        say(msg('checking'), 'info');
        return post(uploads + '/' + encodeURIComponent(ticket.upload) + '/confirm');
      })
      .then(function (r) {
        if (!r.ok) throw { problem: r };
        say(fill(msg('done'), { name: file.name }), 'ok');
        f.setAttribute('data-done', 'true');
        setTimeout(function () { goBack(f.getAttribute('data-anchor')); }, 900);
      })
      .catch(function (e) {
        if (e && e.storage !== undefined) {
          if (ticket) post(uploads + '/' + encodeURIComponent(ticket.upload) + '/discard');
          return fail(fill(msg('storage'), { status: e.storage }));
        }
        fail(e && e.problem ? problemText(e.problem) : fill(msg('failed'), { status: 0 }));
      });
  });
}

var forms = document.querySelectorAll('form.ev-upload');
for (var j = 0; j < forms.length; j++) setup(forms[j]);
})();
`;
