// DOM chrome around the canvas: progress bar, toolbar (language, points of
// interest, tours, reset, VR/AR, credits), tour bar, badge, notices.
import { downloadLinks } from './download_offer.js';
import { ToolbarMenu } from './toolbar_menu.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
function button(className, onClick) {
  const b = el('button', className);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

export class ViewerUI {
  /** stage: the first script's element holding the canvas (view_core.js). */
  constructor(root, { language, doc, kiosk, actions, stage }) {
    this.L = language;
    this.doc = doc;
    this.kiosk = kiosk;
    this.actions = actions;
    this.root = root;

    this.stage = stage || el('div', 'vt-stage');
    this.hotspotLayer = el('div', 'vt-hotspots');
    this.progress = el('div', 'vt-progress');
    this.progress.setAttribute('role', 'progressbar');
    this.progress.setAttribute('aria-valuemin', '0');
    this.progress.setAttribute('aria-valuemax', '100');
    this.progress.id = 'vt-progress';
    this.progressBar = el('div', 'vt-progress-bar');
    this.progressLabel = el('div', 'vt-progress-label');
    this.progress.append(this.progressBar, this.progressLabel);

    this.header = el('header', 'vt-header');
    this.titleEl = el('h1', 'vt-title');
    this.badge = el('div', 'vt-badge');
    this.badge.setAttribute('role', 'status');
    this.header.append(this.titleEl, this.badge);

    this.toolbar = el('nav', 'vt-toolbar');
    this.langLabel = el('label', 'vt-lang');
    this.langText = el('span', 'vt-lang-text');
    this.langSelect = el('select', 'vt-lang-select');
    for (const tag of language.available) {
      const opt = el('option', null, language.displayName(tag));
      opt.value = tag;
      opt.lang = tag;
      this.langSelect.appendChild(opt);
    }
    this.langSelect.addEventListener('change', () => actions.setLanguage(this.langSelect.value));
    this.langLabel.append(this.langText, this.langSelect);
    if (language.available.length < 2) this.langLabel.hidden = true;

    this.listToggle = button('vt-btn vt-list-toggle', () => this.toggleList());
    this.listToggle.setAttribute('aria-expanded', 'false');
    this.list = el('ul', 'vt-annotation-list');
    this.list.hidden = true;
    this.list.id = 'vt-annotation-list';
    this.listToggle.setAttribute('aria-controls', this.list.id);

    this.tourButtons = (doc.tours || []).map((t) => {
      const b = button('vt-btn vt-tour-start', () => actions.startTour(t.id));
      b.dataset.tourId = t.id;
      return b;
    });
    this.resetButton = button('vt-btn vt-reset', () => actions.resetView());
    this.vrButton = button('vt-btn vt-vr', () => actions.toggleXR('vr'));
    this.arButton = button('vt-btn vt-ar', () => actions.toggleXR('ar'));
    this.vrButton.hidden = this.arButton.hidden = true;
    this.creditsButton = button('vt-btn vt-credits-btn', () => this.toggleCredits());
    this.toolbar.append(this.langLabel, this.listToggle, ...this.tourButtons, this.resetButton, this.vrButton, this.arButton, this.creditsButton);
    this.menu = new ToolbarMenu(this.toolbar, () => this.L.label('menu')); // folds the toolbar on narrow screens

    this.tourBar = el('div', 'vt-tourbar');
    this.tourBar.hidden = true;
    this.tourBar.setAttribute('role', 'region');
    this.tourTitle = el('div', 'vt-tour-title');
    this.tourStep = el('div', 'vt-tour-step');
    this.narration = el('p', 'vt-narration');
    this.tourAudio = el('div', 'vt-tour-audio');
    this.prevButton = button('vt-btn vt-prev', () => actions.previousStep());
    this.pauseButton = button('vt-btn vt-pause', () => actions.togglePause());
    this.nextButton = button('vt-btn vt-next', () => actions.nextStep());
    this.endButton = button('vt-btn vt-end', () => actions.endTour());
    const controls = el('div', 'vt-tour-controls');
    controls.append(this.prevButton, this.pauseButton, this.nextButton, this.endButton);
    this.tourBar.append(this.tourTitle, this.tourStep, this.narration, this.tourAudio, controls);

    this.panel = el('aside', 'vt-panel');
    this.credits = el('aside', 'vt-credits');
    this.credits.hidden = true;
    this.credits.setAttribute('role', 'dialog');
    this.notice = el('div', 'vt-notice');
    this.notice.setAttribute('role', 'alert');
    this.notice.hidden = true;
    this.hint = el('div', 'vt-hint');

    root.append(this.stage, this.hotspotLayer, this.progress, this.header, this.toolbar, this.list, this.tourBar, this.panel, this.credits, this.notice, this.hint);
    this.buildList();
    this.relabel();
  }

  buildList() {
    this.listItems = (this.doc.annotations || []).map((a) => {
      const li = el('li');
      // Focus returns to the list's toggle when the panel closes (the list itself is closed then).
      const b = button('vt-list-item', () => { this.toggleList(false); this.actions.openAnnotation(a.id, this.listToggle); });
      b.dataset.annotationId = a.id;
      li.appendChild(b);
      this.list.appendChild(li);
      return { a, b };
    });
    if (!this.listItems.length) this.listToggle.hidden = true;
  }

  toggleList(force) {
    const open = force != null ? force : this.list.hidden;
    this.list.hidden = !open;
    this.listToggle.setAttribute('aria-expanded', String(open));
    if (open && this.listItems[0]) this.listItems[0].b.focus();
  }

  toggleCredits(force) {
    const open = force != null ? force : this.credits.hidden;
    this.credits.hidden = !open;
    if (open) this.renderCredits();
  }

  renderCredits() {
    const L = this.L;
    const d = this.doc;
    const close = button('vt-panel-close', () => this.toggleCredits(false));
    close.textContent = '×';
    close.setAttribute('aria-label', L.label('close'));
    const parts = [close, el('h2', null, L.label('credits'))];
    if (d.institution) parts.push(el('p', 'vt-credits-institution', d.institution));
    if (d.credits) for (const p of String(d.credits).split(/\n\s*\n/)) parts.push(el('p', null, p.trim()));
    const rights = d.rights || {};
    if (rights.attribution || rights.holder) parts.push(el('p', null, `${L.label('rights')}: ${[rights.attribution, rights.holder].filter(Boolean).join(' · ')}`));
    for (const a of d.artifacts || []) {
      const r = a.rights || {};
      const lines = [r.object && r.object.attribution, r.model && r.model.attribution].filter(Boolean);
      if (lines.length) parts.push(el('p', 'vt-credits-artifact', `${a.name || a.id}: ${lines.join(' · ')}`));
    }
    parts.push(...downloadLinks(d, L, this.kiosk));
    if (!this.kiosk) {
      const link = el('a', 'vt-credits-link', 'credits.html');
      link.href = 'credits.html';
      parts.push(link);
    }
    this.credits.replaceChildren(...parts);
  }

  relabel() {
    const L = this.L;
    document.documentElement.lang = L.current;
    document.documentElement.dir = L.direction();
    this.titleEl.textContent = L.text(this.doc.title);
    document.title = L.text(this.doc.title) || document.title;
    this.langText.textContent = L.label('language');
    this.langSelect.value = L.current;
    this.listToggle.textContent = L.label('annotations');
    for (const { a, b } of this.listItems) {
      b.textContent = `${(a.marker && a.marker.number) || ''} ${L.text(a.title)}`.trim();
    }
    this.tourButtons.forEach((b, i) => {
      const t = this.doc.tours[i];
      b.textContent = `${L.label('startTour')}: ${L.text(t.title)}`;
    });
    this.resetButton.textContent = L.label('resetView');
    this.vrButton.textContent = L.label(this.xrMode === 'immersive-vr' ? 'exitVR' : 'enterVR');
    this.arButton.textContent = L.label(this.xrMode === 'immersive-ar' ? 'exitAR' : 'viewAR');
    this.creditsButton.textContent = L.label('credits');
    if (this.menu) this.menu.relabel();
    this.prevButton.textContent = '⏮';
    this.prevButton.setAttribute('aria-label', L.label('previous'));
    this.nextButton.textContent = '⏭';
    this.nextButton.setAttribute('aria-label', L.label('next'));
    this.endButton.textContent = '✕';
    this.endButton.setAttribute('aria-label', L.label('endTour'));
    this.setPaused(this.paused);
    this.tourBar.setAttribute('aria-label', L.label('tours'));
    this.hint.textContent = L.label('touchHint');
    this.progress.setAttribute('aria-label', L.label('loading'));
    if (!this.credits.hidden) this.renderCredits();
    if (this.lastProgress != null) this.setProgress(this.lastProgress);
  }

  setPaused(paused) {
    this.paused = !!paused;
    this.pauseButton.textContent = paused ? '▶' : '⏸';
    this.pauseButton.setAttribute('aria-label', this.L.label(paused ? 'resume' : 'pause'));
  }

  setProgress(fraction) {
    this.lastProgress = fraction;
    const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    this.progress.setAttribute('aria-valuenow', String(pct));
    this.progressBar.style.width = `${pct}%`;
    this.progressLabel.textContent = this.L.label('loadingProgress', { pct });
    if (fraction >= 1) this.progress.classList.add('vt-done');
  }

  setXRSupport({ vr, ar }) { this.vrButton.hidden = !vr; this.arButton.hidden = !ar; }

  setXRMode(mode) { this.xrMode = mode; this.relabel(); }

  /** text: a string, or [{tag, text}] to say it in several languages (one line each). */
  showNotice(text, { closable = true } = {}) {
    const body = el('span', 'vt-notice-text');
    if (Array.isArray(text)) {
      for (const { tag, text: line } of text) { const s = el('span', null, line); s.lang = tag; body.appendChild(s); }
    } else body.textContent = text;
    const parts = [body];
    if (closable) {
      const close = button('vt-notice-close', () => { this.notice.hidden = true; });
      close.textContent = '×';
      close.setAttribute('aria-label', this.L.label('close'));
      parts.push(close);
    }
    this.notice.replaceChildren(...parts);
    this.notice.hidden = !(Array.isArray(text) ? text.length : text);
  }
}
