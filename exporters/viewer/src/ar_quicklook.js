// "View in AR" where the browser has no WebXR: AR Quick Look on iPhones and iPads (an
// <a rel="ar"> whose first child is an <img>, pointing at the artifact's USDZ), and Scene
// Viewer on Android (an intent: URL that needs the GLB at an absolute https URL, so only
// when the page itself is served over https).

// A small AR cube icon (data: URL; the page's CSP allows data: images).
const ICON = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24"><path fill="none" stroke="#fff" stroke-width="1.6" stroke-linejoin="round" d="M12 2 21 7v10l-9 5-9-5V7zM3 7l9 5 9-5M12 12v10"/></svg>');

/** 'quicklook' | 'sceneviewer' | null for a browser (ua: user agent, webxrAR: immersive-ar supported). */
export function phoneARKind({ ua = '', webxrAR = false, https = false, relAR = false, touchMac = false, kiosk = false } = {}) {
  if (kiosk || webxrAR) return null;
  if (relAR || /\b(iPhone|iPad|iPod)\b/.test(ua) || touchMac) return 'quicklook';
  if (/\bAndroid\b/.test(ua) && https) return 'sceneviewer';
  return null;
}

/** Scene Viewer's intent URL for an absolute https GLB URL (ar_preferred: AR, else its 3D view). */
export function sceneViewerIntent(glbUrl, { title = '', fallbackUrl = '' } = {}) {
  const u = new URL(glbUrl);
  if (u.protocol !== 'https:') throw new Error('Scene Viewer needs an https URL');
  let query = `file=${encodeURIComponent(u.href)}&mode=ar_preferred`;
  if (title) query += `&title=${encodeURIComponent(title)}`;
  const fallback = fallbackUrl ? `S.browser_fallback_url=${encodeURIComponent(fallbackUrl)};` : '';
  return `intent://arvr.google.com/scene-viewer/1.0?${query}#Intent;scheme=https;package=com.google.ar.core;action=android.intent.action.VIEW;${fallback}end;`;
}

/** Which artifact "View in AR" shows: the one of the open annotation, else the first with AR files. */
function focusArtifact(app) {
  const open = app.openId && app.annotations.get(app.openId);
  const arts = [...app.artifacts.values()].filter((a) => a.visible !== false && a.kind !== 'points');
  return (open && app.artifacts.get(open.artifact_id)) || arts.find((a) => a.ar) || arts[0] || null;
}

export class PhoneAR {
  constructor(app, kind) {
    this.app = app;
    this.kind = kind;
    this.link = document.createElement('a');
    this.link.className = 'vt-btn vt-ar-link';
    this.link.dataset.kind = kind;
    if (kind === 'quicklook') this.link.rel = 'ar';
    const img = document.createElement('img');
    img.src = ICON;
    img.alt = '';
    img.width = img.height = 20;
    this.label = document.createElement('span');
    this.link.append(img, this.label); // Quick Look wants the <img> as the first child
    this.link.hidden = true;
    app.ui.arButton.after(this.link);
  }

  update() {
    const a = focusArtifact(this.app);
    const L = this.app.L;
    this.label.textContent = L.label('viewAR');
    if (!a) { this.link.hidden = true; return; }
    if (this.kind === 'quicklook') {
      if (!a.ar || !a.ar.usdz) { this.link.hidden = true; return; }
      this.link.href = a.ar.usdz;
    } else {
      const glb = a.models[a.models.length - 1].file;
      this.link.href = sceneViewerIntent(new URL(glb, document.baseURI).href, { title: L.text((a.record && a.record.title) || a.name) || a.name, fallbackUrl: location.href });
    }
    this.link.setAttribute('aria-label', `${L.label('viewAR')}: ${L.text((a.record && a.record.title)) || a.name || ''}`.trim());
    this.link.hidden = false;
  }

  install() {
    const api = this.app.api;
    for (const name of ['annotationopen', 'annotationclose', 'languagechange']) api.addEventListener(name, () => this.update());
    this.update();
  }
}

/** Adds the phone AR link when this browser needs one (call after the WebXR probe). */
export function installPhoneAR(app, support) {
  const anchor = document.createElement('a');
  const kind = phoneARKind({
    ua: navigator.userAgent, webxrAR: !!(support && support.ar), https: location.protocol === 'https:',
    relAR: !!(anchor.relList && anchor.relList.supports && anchor.relList.supports('ar')),
    touchMac: navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1, kiosk: app.kiosk,
  });
  if (!kind) return null;
  const phone = new PhoneAR(app, kind);
  phone.install();
  return phone;
}
