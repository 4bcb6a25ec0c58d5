// Toolbar collapse: when the toolbar's buttons do not fit the screen's width (a portrait
// phone, a long translation), they wrap onto a second row, and when two rows are not enough
// they fold into a "Menu" button that opens them as a column.
// The toolbar keeps its own buttons and order: only a class and the menu button are added.

export class ToolbarMenu {
  constructor(toolbar, labelFn) {
    this.toolbar = toolbar;
    this.labelFn = labelFn;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'vt-btn vt-menu-toggle';
    this.button.setAttribute('aria-expanded', 'false');
    this.button.hidden = true;
    this.button.addEventListener('click', () => this.setOpen(!this.open));
    toolbar.prepend(this.button);
    this.open = false;
    this.collapsed = false;
    // a choice made from the open menu closes it (the language select keeps it open while choosing)
    toolbar.addEventListener('click', (e) => {
      if (this.open && e.target !== this.button && e.target.closest('button')) this.setOpen(false);
    });
    window.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.open) { this.setOpen(false); this.button.focus(); } });
    new ResizeObserver(() => this.measure()).observe(toolbar.parentElement || document.body);
    this.relabel();
  }

  relabel() { this.button.textContent = this.labelFn(); this.measure(); }

  /** One row when it fits; else two rows (a small window, a long translation); else the menu. */
  measure() {
    if (this.open) return;
    const bar = this.toolbar;
    bar.classList.remove('vt-collapsed', 'vt-wrapped');
    this.button.hidden = true;
    let fits = bar.scrollWidth <= bar.clientWidth + 1;
    // a phone folds at once: two rows would take the height the scene and the hint need
    if (!fits && bar.clientWidth > 560) {
      bar.classList.add('vt-wrapped');
      const row = Math.max(...[...bar.children].filter((c) => !c.hidden).map((c) => c.offsetHeight), 1);
      fits = bar.scrollWidth <= bar.clientWidth + 1 && bar.scrollHeight <= row * 2.6;
      if (!fits) bar.classList.remove('vt-wrapped');
    }
    this.collapsed = !fits;
    bar.classList.toggle('vt-collapsed', this.collapsed);
    this.button.hidden = !this.collapsed;
  }

  setOpen(open) {
    this.open = open && this.collapsed;
    this.toolbar.classList.toggle('vt-menu-open', this.open);
    this.button.setAttribute('aria-expanded', String(this.open));
    if (!this.open) this.measure();
  }
}
