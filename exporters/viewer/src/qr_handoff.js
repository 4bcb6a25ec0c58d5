// Kiosk hand-off: a QR code (made at export time, qr/<id>.svg) in every open annotation and one
// for the exhibit, each leading a phone to the same place at the bundle's public URL. Only when
// the document carries them (an export with --public-url); otherwise nothing is shown.

function figure(svg, caption, className) {
  const fig = document.createElement('figure');
  fig.className = `vt-qr ${className}`;
  const img = document.createElement('img');
  img.src = svg;
  img.alt = caption;
  img.decoding = 'sync';
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(img, cap);
  return fig;
}

export class QRHandoff {
  constructor(app) { this.app = app; }

  install() {
    const app = this.app;
    const bundle = app.doc.bundle || {};
    if (bundle.qr && bundle.qr.svg) {
      this.exhibitCode = figure(bundle.qr.svg, app.L.label('qrExhibit'), 'vt-qr-exhibit');
      this.exhibitCode.dataset.url = bundle.qr.url;
      app.root.appendChild(this.exhibitCode);
    }
    // The panel re-renders its content on open and on a language change: add the code after each.
    const panel = app.panel;
    const render = panel.render.bind(panel);
    panel.render = () => { render(); this.decorate(); };
    app.api.addEventListener('languagechange', () => this.relabel());
    // while an annotation is open its own code is the one to scan: one code on screen at a time
    const showExhibit = (on) => { if (this.exhibitCode) this.exhibitCode.hidden = !on; };
    app.api.addEventListener('annotationopen', (e) => showExhibit(!(app.annotations.get(e.detail.id) || {}).qr));
    app.api.addEventListener('annotationclose', () => showExhibit(true));
  }

  decorate() {
    const cur = this.app.panel.current;
    const a = cur && cur.annotation;
    if (!a || !a.qr || !a.qr.svg) return;
    const fig = figure(a.qr.svg, this.app.L.label('qrAnnotation'), 'vt-qr-annotation');
    fig.dataset.url = a.qr.url;
    fig.dataset.annotationId = a.id;
    this.app.panel.content.appendChild(fig);
  }

  relabel() {
    if (!this.exhibitCode) return;
    const text = this.app.L.label('qrExhibit');
    this.exhibitCode.querySelector('figcaption').textContent = text;
    this.exhibitCode.querySelector('img').alt = text;
  }
}
