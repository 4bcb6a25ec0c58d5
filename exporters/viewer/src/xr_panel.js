// In-scene text panel for immersive sessions: title + body (+ narration)
// drawn into a canvas texture on a plane.
import * as THREE from 'three';

const FONT = '"Noto Sans CJK SC", "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** Wrap text to a width; breaks at spaces, or anywhere for scripts without spaces (CJK). */
export function wrapText(ctx, text, maxWidth) {
  const lines = [];
  for (const para of String(text).split(/\n/)) {
    let line = '';
    const tokens = para.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) || [''];
    for (const tok of tokens) {
      const candidate = line + tok;
      if (ctx.measureText(candidate).width > maxWidth && line.trim()) {
        lines.push(line.trimEnd());
        line = tok.trimStart();
      } else line = candidate;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export class XRPanel {
  constructor() {
    this.canvas = document.createElement('canvas');
    this.canvas.width = 1024;
    this.canvas.height = 768;
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    const material = new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, side: THREE.DoubleSide });
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(0.6, 0.45), material);
    this.mesh.name = 'vitrine-xr-panel';
    this.mesh.visible = false;
    this.mesh.renderOrder = 10;
  }

  show({ title, body, footer }, position, lookAt) {
    const ctx = this.canvas.getContext('2d');
    const W = this.canvas.width, H = this.canvas.height;
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = 'rgba(20, 22, 26, 0.92)';
    ctx.beginPath();
    ctx.roundRect ? ctx.roundRect(0, 0, W, H, 36) : ctx.rect(0, 0, W, H);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'top';
    ctx.font = `bold 52px ${FONT}`;
    let y = 40;
    for (const line of wrapText(ctx, title || '', W - 80).slice(0, 2)) { ctx.fillText(line, 40, y); y += 64; }
    y += 12;
    ctx.font = `34px ${FONT}`;
    ctx.fillStyle = '#e6e6e6';
    const lines = wrapText(ctx, body || '', W - 80);
    const maxLines = Math.floor((H - y - (footer ? 70 : 30)) / 46);
    lines.slice(0, maxLines).forEach((line, i) => {
      ctx.fillText(i === maxLines - 1 && lines.length > maxLines ? line.replace(/.?$/, '…') : line, 40, y);
      y += 46;
    });
    if (footer) {
      ctx.font = `28px ${FONT}`;
      ctx.fillStyle = '#b8c4d0';
      ctx.fillText(footer, 40, H - 56);
    }
    this.texture.needsUpdate = true;
    this.mesh.position.copy(position);
    if (lookAt) this.mesh.lookAt(lookAt);
    this.mesh.visible = true;
  }

  hide() { this.mesh.visible = false; }
}
