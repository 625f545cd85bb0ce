/**
 * The what-if page's live ranks (loaded with `<script src=… defer>`; no inline script). The page
 * works without it: the form posts and the page comes back with the new ranks. With it, a change
 * of any weight posts the same form in the background (after a short pause in typing) and puts
 * the answer's result and error box in place of the page's, so the ranks move at once; the result
 * is a polite live region, so a screen reader hears the update. A failed request changes nothing.
 */
export const WHAT_IF_JS = `(function () {
'use strict';
var form = document.getElementById('whatif-form');
if (!form || !window.fetch || !window.DOMParser) return;
var timer = null;
var seq = 0;

function swap(doc, id) {
  var now = document.getElementById(id);
  var next = doc.getElementById(id);
  if (now && next) now.innerHTML = next.innerHTML;
}

function send() {
  var mine = ++seq;
  var body = new URLSearchParams(new FormData(form));
  form.setAttribute('aria-busy', 'true');
  fetch(form.action, {
    method: 'POST',
    body: body,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  })
    .then(function (r) { return r.text(); })
    .then(function (html) {
      if (mine !== seq) return;
      var doc = new DOMParser().parseFromString(html, 'text/html');
      swap(doc, 'whatif-result');
      swap(doc, 'whatif-errors');
      document.dispatchEvent(new Event('jx:what-if'));
    })
    .catch(function () {})
    .then(function () { if (mine === seq) form.removeAttribute('aria-busy'); });
}

form.addEventListener('input', function () {
  if (timer) window.clearTimeout(timer);
  timer = window.setTimeout(send, 300);
});
form.setAttribute('data-live', 'true');
})();
`;
