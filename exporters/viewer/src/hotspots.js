// Annotation hotspots: numbered <button>s that track the artifact surface on
// screen, hide when geometry is in front of them (raycast), and the matching
// 3D markers used inside immersive sessions.
import * as THREE from 'three';
import { color } from './scene_builder.js';
import { COLORS } from './visitor_rules.js';

const _v = new THREE.Vector3();
const _dir = new THREE.Vector3();
const _n = new THREE.Vector3();
const _m3 = new THREE.Matrix3();

export class Hotspots {
  constructor({ layer, doc, groups, camera, language, onOpen, occluders }) {
    this.layer = layer;
    this.camera = camera;
    this.language = language;
    this.groups = groups;
    this.occluders = occluders; // () => Object3D[]
    this.raycaster = new THREE.Raycaster();
    this.items = [];
    this.lastKey = '';
    this.lastCheck = 0;
    // Tab order follows the visible numbers (DOM order is tab order).
    const num = (a) => Number((a.marker && a.marker.number) || Infinity);
    const ordered = (doc.annotations || []).map((a, i) => [a, i]).sort((x, y) => num(x[0]) - num(y[0]) || x[1] - y[1]).map(([a]) => a);
    for (const a of ordered) {
      const group = groups.get(a.artifact_id);
      if (!group || !Array.isArray(a.point)) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'vt-hotspot vt-hidden';
      button.tabIndex = -1;
      button.dataset.annotationId = a.id;
      const num = document.createElement('span');
      num.className = 'vt-hotspot-number';
      num.setAttribute('aria-hidden', 'true');
      num.textContent = String((a.marker && a.marker.number) || this.items.length + 1);
      button.appendChild(num);
      // Marker colours from visitor.json, as the editor's preview draws them.
      button.style.setProperty('--vt-marker', color((a.marker && a.marker.color) || COLORS.marker).getStyle());
      button.style.color = COLORS.marker_text;
      button.style.borderColor = COLORS.marker_border;
      button.addEventListener('click', (e) => { e.stopPropagation(); onOpen(a.id, button); });
      layer.appendChild(button);
      this.items.push({
        annotation: a, group, button,
        local: new THREE.Vector3().fromArray(a.point),
        localNormal: Array.isArray(a.normal) ? new THREE.Vector3().fromArray(a.normal).normalize() : null,
        world: new THREE.Vector3(), visible: false, occluded: false, marker: null,
      });
    }
    this.relabel();
  }

  relabel() {
    for (const item of this.items) {
      const number = item.button.firstChild.textContent;
      const title = this.language.text(item.annotation.title);
      // The accessible name starts with the visible number (WCAG 2.5.3 label in name).
      item.button.setAttribute('aria-label', title ? `${number}: ${title}` : number);
      item.button.title = title;
    }
  }

  worldPoint(id) {
    const item = this.items.find((i) => i.annotation.id === id);
    if (!item) return null;
    item.group.updateWorldMatrix(true, false);
    const point = item.local.clone().applyMatrix4(item.group.matrixWorld);
    let normal = null;
    if (item.localNormal) normal = item.localNormal.clone().applyMatrix3(_m3.getNormalMatrix(item.group.matrixWorld)).normalize();
    return { point, normal };
  }

  /** Update screen positions every frame; occlusion at most ~8 times a second or when the view changed. */
  update(width, height, now = performance.now(), force = false) {
    const cam = this.camera;
    const key = cam.matrixWorld.elements.map((x) => x.toFixed(4)).join(',') + width + 'x' + height;
    const viewChanged = key !== this.lastKey;
    if (!viewChanged && !force && !(this.pending && now - this.lastCheck > 120)) return;
    this.lastKey = key;
    const doOcclusion = force || now - this.lastCheck > 120;
    if (doOcclusion) { this.lastCheck = now; this.pending = false; } else this.pending = true;
    const occluders = doOcclusion ? this.occluders() : null;
    for (const item of this.items) {
      if (!item.group.visible) { this.setVisible(item, false); continue; }
      item.group.updateWorldMatrix(true, false);
      item.world.copy(item.local).applyMatrix4(item.group.matrixWorld);
      _v.copy(item.world).project(cam);
      const onScreen = _v.z > -1 && _v.z < 1 && Math.abs(_v.x) <= 1.02 && Math.abs(_v.y) <= 1.02;
      if (doOcclusion) item.occluded = this.isOccluded(item, occluders);
      const visible = onScreen && !item.occluded;
      if (visible) {
        const x = (_v.x * 0.5 + 0.5) * width;
        const y = (-_v.y * 0.5 + 0.5) * height;
        item.button.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      }
      this.setVisible(item, visible);
    }
  }

  isOccluded(item, occluders) {
    const camPos = this.camera.getWorldPosition(_v.clone());
    if (item.localNormal) {
      _n.copy(item.localNormal).applyMatrix3(_m3.getNormalMatrix(item.group.matrixWorld)).normalize();
      if (_n.dot(_dir.copy(camPos).sub(item.world)) < 0) return true;
    }
    const dist = camPos.distanceTo(item.world);
    _dir.copy(item.world).sub(camPos).normalize();
    this.raycaster.set(camPos, _dir);
    this.raycaster.far = dist;
    const hits = this.raycaster.intersectObjects(occluders, true);
    const tolerance = Math.max(0.004, dist * 0.01);
    return hits.some((h) => h.distance < dist - tolerance);
  }

  setVisible(item, visible) {
    if (item.visible === visible) return;
    item.visible = visible;
    item.button.classList.toggle('vt-hidden', !visible);
    // Hidden hotspots leave the tab order; the annotation list stays reachable.
    item.button.tabIndex = visible ? 0 : -1;
    item.button.setAttribute('aria-hidden', visible ? 'false' : 'true');
  }

  setLayerVisible(on) { this.layer.classList.toggle('vt-hidden', !on); }

  /** Small numbered discs for immersive sessions (hidden outside XR). */
  buildMarkers() {
    this.disposeMarkers(); // a rebuild replaces the markers, never stacks a second set
    const meshes = [];
    for (const item of this.items) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 128;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = color((item.annotation.marker && item.annotation.marker.color) || COLORS.marker).getStyle();
      ctx.beginPath(); ctx.arc(64, 64, 58, 0, Math.PI * 2); ctx.fill();
      ctx.lineWidth = 8; ctx.strokeStyle = COLORS.marker_border; ctx.stroke();
      ctx.fillStyle = COLORS.marker_text; ctx.font = 'bold 64px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText(item.button.firstChild.textContent, 64, 68);
      const tex = new THREE.CanvasTexture(canvas);
      tex.colorSpace = THREE.SRGBColorSpace;
      const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: tex, depthTest: true, transparent: true }));
      sprite.userData.annotationId = item.annotation.id;
      sprite.visible = false;
      sprite.position.copy(item.local);
      if (item.localNormal) sprite.position.addScaledVector(item.localNormal, 0.01);
      item.group.add(sprite);
      item.marker = sprite;
      meshes.push(sprite);
    }
    return meshes;
  }

  /** Remove the XR markers and free their GPU resources (sprite material, canvas texture, hit meshes). */
  disposeMarkers() {
    for (const item of this.items) {
      const sprite = item.marker;
      if (!sprite) continue;
      item.marker = null;
      if (sprite.parent) sprite.parent.remove(sprite);
      sprite.traverse((o) => {
        if (o.geometry && o.geometry !== sprite.geometry) o.geometry.dispose(); // Sprite's quad is shared by all sprites
        const mats = Array.isArray(o.material) ? o.material : (o.material ? [o.material] : []);
        for (const m of mats) { if (m.map) m.map.dispose(); m.dispose(); }
      });
    }
  }

  /** Keep XR markers about 3 cm across whatever the artifact's scale. */
  showMarkers(on) {
    for (const item of this.items) {
      if (!item.marker) continue;
      item.marker.visible = on && item.group.visible;
      const s = item.group.getWorldScale(_v);
      const k = 0.035 / Math.max(1e-6, (s.x + s.y + s.z) / 3);
      item.marker.scale.setScalar(k);
    }
  }
}
