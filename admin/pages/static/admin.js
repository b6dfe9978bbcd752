// heard admin client: the live queue cue. Loaded from /admin/static/admin.js (the CSP allows no inline script).
// It never puts text from the server into the page as HTML: only textContent and attributes it builds itself.
(function () {
  'use strict';
  var body = document.body;
  if (!body || body.getAttribute('data-page') !== 'queue' || !window.EventSource) return;

  var interacted = false;
  var audio = null;
  var pending = 0;
  var baseTitle = document.title;
  var seen = {};
  Array.prototype.forEach.call(document.querySelectorAll('tr[data-id]'), function (row) {
    seen[row.getAttribute('data-id')] = true;
  });

  // Browsers (rightly) refuse sound before the user has interacted with the page; remember the first interaction.
  function unlock() {
    if (interacted) return;
    interacted = true;
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (Ctx) audio = new Ctx();
  }
  document.addEventListener('pointerdown', unlock, { once: true });
  document.addEventListener('keydown', unlock, { once: true });

  function beep() {
    if (!audio) return;
    [0, 0.35, 0.7].forEach(function (at) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + 0.2);
    });
  }

  var alertBox = document.getElementById('live-alert');

  function show(report) {
    var urgent = report.risk === 'urgent';
    if (urgent) pending++;
    alertBox.textContent = '';
    alertBox.className = urgent || pending ? 'live-alert' : 'live-alert info';
    var text = document.createElement('span');
    text.textContent = urgent
      ? 'New URGENT ' + (report.kind === 'complaint' ? 'complaint' : 'concern') + ' received.'
      : 'A new ' + report.kind + ' was received.';
    var open = document.createElement('a');
    open.href = '/admin/cases/' + encodeURIComponent(report.id);
    open.textContent = 'Open it';
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Refresh the queue';
    reload.addEventListener('click', function () { window.location.reload(); });
    alertBox.appendChild(text);
    alertBox.appendChild(open);
    alertBox.appendChild(reload);
    alertBox.hidden = false;
    if (urgent) {
      body.classList.add('urgent-pending');
      document.title = '(' + pending + ') URGENT · ' + baseTitle;
      beep();
    }
  }

  var since = body.getAttribute('data-since') || '';
  var source = new EventSource('/admin/api/reports/stream' + (since ? '?since=' + encodeURIComponent(since) : ''));
  source.addEventListener('open', function () { body.setAttribute('data-live', 'on'); });
  source.addEventListener('error', function () { body.setAttribute('data-live', 'off'); });
  source.addEventListener('report', function (event) {
    var report;
    try { report = JSON.parse(event.data); } catch (e) { return; }
    if (!report || typeof report.id !== 'string' || seen[report.id]) return;
    seen[report.id] = true;
    show(report);
  });
})();
