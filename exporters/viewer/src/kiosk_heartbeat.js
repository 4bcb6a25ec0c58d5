// Kiosk heartbeat: `vitrine kiosk` serves the bundle on http://127.0.0.1 and restarts the
// browser when a page that has beaten goes silent for a minute (a hung renderer, a frozen tab).
// The beat comes from a main-thread timer on purpose: a hung page must stop sending it.
const BEAT_MS = 10000;
const BEAT_URL = '/__kiosk/heartbeat';

/** True where the kiosk launcher can be listening: its loopback server, never a public site. */
export function underKioskLauncher(loc = window.location) {
  return loc.protocol === 'http:' && loc.hostname === '127.0.0.1';
}

/** Start beating once now and every 10 s; returns a function that stops it. */
export function startHeartbeat(loc = window.location) {
  if (!underKioskLauncher(loc)) return () => {};
  const beat = () => { fetch(BEAT_URL, { method: 'POST', cache: 'no-store' }).catch(() => {}); };
  beat();
  const timer = setInterval(beat, BEAT_MS);
  return () => clearInterval(timer);
}
