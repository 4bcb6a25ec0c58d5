// Builds the three.js scene from the viewer document: background, floor,
// plinths, lights and one group per artifact (its transform applied).
import * as THREE from 'three';
import { COLORS, DEFAULT_LIGHTS } from './visitor_rules.js';
import { buildRoom } from './room.js';

export function color(hex, fallback = '#888888') {
  const c = new THREE.Color();
  try { c.set(/^#[0-9a-f]{6}$/i.test(hex || '') ? hex : fallback); } catch (_) { c.set(fallback); }
  return c;
}

export function applyTransform(object, t) {
  if (!t) return;
  if (Array.isArray(t.translation)) object.position.fromArray(t.translation);
  if (Array.isArray(t.rotation)) object.quaternion.fromArray(t.rotation).normalize();
  if (Array.isArray(t.scale)) object.scale.fromArray(t.scale);
}

function gradientTexture(colors) {
  const canvas = document.createElement('canvas');
  canvas.width = 4; canvas.height = 256;
  const ctx = canvas.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 0, 256);
  colors.forEach((c, i) => g.addColorStop(colors.length === 1 ? 0 : i / (colors.length - 1), color(c).getStyle()));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 4, 256);
  const tex = new THREE.CanvasTexture(canvas);
  tex.colorSpace = THREE.SRGBColorSpace;
  return tex;
}

export function buildEnvironment(scene, root, doc) {
  const env = doc.environment || {};
  const bg = env.background || { kind: 'solid', colors: [COLORS.background] };
  const colors = Array.isArray(bg.colors) && bg.colors.length ? bg.colors : [COLORS.background];
  scene.background = bg.kind === 'gradient' && colors.length > 1 ? gradientTexture(colors) : color(colors[0]);
  const floorSpec = env.floor || { visible: true, color: COLORS.floor, radius: 6 };
  let floor = null;
  // a room brings its own floor (its size, true scale) instead of the round one
  const room = buildRoom(root, env.room, color);
  if (floorSpec.visible !== false && !room) {
    const radius = Number(floorSpec.radius) > 0 ? Number(floorSpec.radius) : 6;
    floor = new THREE.Mesh(new THREE.CircleGeometry(radius, 64), new THREE.MeshStandardMaterial({ color: color(floorSpec.color, COLORS.floor), roughness: 0.95 }));
    floor.rotation.x = -Math.PI / 2;
    floor.name = 'vitrine-floor';
    floor.userData.environment = true;
    root.add(floor);
  }
  return { floor: room ? room.floor : floor, background: scene.background, room };
}

export function buildPlinths(parent, doc) {
  const out = [];
  for (const p of doc.plinths || []) {
    const [w, h, d] = (Array.isArray(p.size) ? p.size : [0.5, 1, 0.5]).map(Number);
    const geometry = p.shape === 'cylinder'
      ? new THREE.CylinderGeometry(w / 2, w / 2, h, 48)
      : new THREE.BoxGeometry(w, h, d);
    geometry.translate(0, h / 2, 0); // the transform's translation is the centre of the base
    const mesh = new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: color(p.color, COLORS.plinth), roughness: 0.8 }));
    applyTransform(mesh, p.transform);
    mesh.name = `plinth:${p.id}`;
    mesh.userData.occluder = true;
    parent.add(mesh);
    out.push(mesh);
  }
  return out;
}

export function buildLights(parent, doc) {
  // No lights: the shared defaults of visitor.json (the editor's preview uses the same).
  const lights = doc.lights && doc.lights.length ? doc.lights : DEFAULT_LIGHTS;
  for (const l of lights) {
    const c = color(l.color, '#ffffff');
    const intensity = Number.isFinite(l.intensity) ? l.intensity : 1;
    let light;
    if (l.type === 'ambient') light = new THREE.HemisphereLight(c, color(COLORS.ambient_ground), intensity);
    else if (l.type === 'point') light = new THREE.PointLight(c, intensity, Number(l.range) || 0, 2);
    else if (l.type === 'spot') light = new THREE.SpotLight(c, intensity, Number(l.range) || 0, Number(l.angle) || Math.PI / 6, 0.3, 2);
    else light = new THREE.DirectionalLight(c, intensity);
    if (Array.isArray(l.position)) light.position.fromArray(l.position);
    if (light.target && Array.isArray(l.target)) {
      light.target.position.fromArray(l.target);
      parent.add(light.target);
    }
    parent.add(light);
  }
}

export function buildArtifactGroups(parent, doc) {
  const groups = new Map();
  for (const a of doc.artifacts || []) {
    const group = new THREE.Group();
    group.name = `artifact:${a.id}`;
    applyTransform(group, a.transform);
    group.visible = a.visible !== false;
    group.userData.artifactId = a.id;
    parent.add(group);
    groups.set(a.id, group);
  }
  return groups;
}

/** Material tweaks for point-cloud artifacts (three gives them 1px points by default). */
export function preparePoints(object, dimensions) {
  const size = Array.isArray(dimensions) ? Math.max(...dimensions.map(Number).filter(Number.isFinite), 0.1) : 0.5;
  object.traverse((o) => {
    if (o.isPoints && o.material) {
      o.material.size = size / 300;
      o.material.sizeAttenuation = true;
    }
  });
}
