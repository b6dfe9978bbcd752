// The page quick exit leads to: the time and date, nothing else. Staff walking past see a clock.
const time = document.getElementById('time');
const date = document.getElementById('date');

function tick(): void {
  const now = new Date();
  if (time)
    time.textContent = now.toLocaleTimeString(navigator.language, { hour: '2-digit', minute: '2-digit' });
  if (date)
    date.textContent = now.toLocaleDateString(navigator.language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    });
}

tick();
window.setInterval(tick, 10_000);
