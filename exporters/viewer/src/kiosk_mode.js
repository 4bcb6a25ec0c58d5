// Kiosk profile: fullscreen on the first gesture, no context menu or text
// selection, and after idle_timeout seconds without input: reset (start view,
// default language, panels closed) and an attract loop until someone touches.
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'];

export class KioskMode extends EventTarget {
  constructor(doc, hooks) {
    super();
    const bundle = doc.bundle || {};
    this.hooks = hooks; // {reset(), startAttract(kind), stopAttract()}
    this.idleSeconds = Number(bundle.idle_timeout) > 0 ? Number(bundle.idle_timeout) : 120;
    this.attractKind = bundle.attract === 'tour' ? 'tour' : 'rotate';
    this.attracting = false;
    this.timer = null;
    this.lastMove = 0;
  }

  install(root) {
    document.documentElement.classList.add('vt-kiosk');
    document.addEventListener('contextmenu', (e) => e.preventDefault());
    document.addEventListener('selectstart', (e) => e.preventDefault());
    document.addEventListener('dragstart', (e) => e.preventDefault());
    // Links out are not followed in a kiosk.
    document.addEventListener('click', (e) => {
      const link = e.target && e.target.closest && e.target.closest('a[href]');
      if (link) e.preventDefault();
    }, true);
    const onFirstGesture = () => {
      const el = root || document.documentElement;
      if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
    };
    document.addEventListener('pointerdown', onFirstGesture, { once: true, capture: true });
    const onInput = (e) => {
      if (e.type === 'pointermove') {
        // Ignore a stream of tiny synthetic moves; count real movement at most twice a second.
        const now = Date.now();
        if (now - this.lastMove < 500) return;
        this.lastMove = now;
      }
      this.activity();
    };
    for (const type of INPUT_EVENTS) document.addEventListener(type, onInput, { capture: true, passive: true });
    this.arm();
  }

  arm() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.idle(), this.idleSeconds * 1000);
  }

  activity() {
    if (this.attracting) {
      this.attracting = false;
      this.hooks.stopAttract();
      this.dispatchEvent(new CustomEvent('attractend'));
    }
    this.arm();
  }

  idle() {
    this.timer = null;
    this.hooks.reset();
    this.attracting = true;
    this.hooks.startAttract(this.attractKind);
    this.dispatchEvent(new CustomEvent('attractstart', { detail: { kind: this.attractKind } }));
  }
}
