/**
 * The public survey page's script: a random device id kept in localStorage and put in the form's
 * hidden `device` field, so several answers from one phone can be told apart from many phones
 * (the API stores only a salted hash of it). Without storage (private mode) nothing is sent.
 */
export const SURVEY_ANSWER_JS = `(function () {
  var KEY = 'jx_survey_device';
  function fresh() {
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function fill() {
    var field = document.getElementById('f-device');
    if (!field || field.value) return;
    try {
      var id = localStorage.getItem(KEY);
      if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) { id = fresh(); localStorage.setItem(KEY, id); }
      field.value = id;
    } catch (e) { /* no storage: no device id */ }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill);
  else fill();
})();
`;
