// The room: a floor of its size and walls as planes facing into the room, cut around openings
// (same pieces as scenes/layout/room_walls.py draws in the editor). Single-sided on purpose: a
// camera outside the room (the start view usually is) sees through the near wall; a visitor
// inside, on a screen or in VR, sees the walls at true scale. Along a wall, u runs to the right
// as seen from inside the room, 0 at the wall's centre.
import * as THREE from 'three';

export const WALLS = ['back', 'left', 'right', 'front'];

function wallFrame(room, wall) {
  const w = room.width / 2;
  const d = room.depth / 2;
  return {
    back: { c: [0, 0, -d], u: [1, 0, 0], n: [0, 0, 1] },
    front: { c: [0, 0, d], u: [-1, 0, 0], n: [0, 0, -1] },
    left: { c: [-w, 0, 0], u: [0, 0, -1], n: [1, 0, 0] },
    right: { c: [w, 0, 0], u: [0, 0, 1], n: [-1, 0, 0] },
  }[wall];
}

/** Rectangles {wall, u0, u1, y0, y1} (metres) of every wall around its openings. */
export function wallPieces(room) {
  const pieces = [];
  const top = Number(room.wall_height);
  for (const wall of WALLS) {
    const half = (wall === 'back' || wall === 'front' ? Number(room.width) : Number(room.depth)) / 2;
    const holes = (room.openings || []).filter((o) => o.wall === wall)
      .map((o) => [Math.max(-half, o.offset - o.width / 2), Math.min(half, o.offset + o.width / 2), Math.min(top, o.height)])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    let cursor = -half;
    for (const [a, b, h] of holes) {
      if (b <= a) continue;
      if (a > cursor) pieces.push({ wall, u0: cursor, u1: a, y0: 0, y1: top });
      if (h < top) pieces.push({ wall, u0: a, u1: b, y0: h, y1: top });
      cursor = Math.max(cursor, b);
    }
    if (cursor < half) pieces.push({ wall, u0: cursor, u1: half, y0: 0, y1: top });
  }
  return pieces;
}

function validRoom(room) {
  return room && ['width', 'depth', 'wall_height'].every((k) => Number.isFinite(room[k]) && room[k] > 0);
}

/** Adds the room's floor and walls under parent; returns {floor, walls} or null without a room. */
export function buildRoom(parent, room, color) {
  if (!validRoom(room)) return null;
  const group = new THREE.Group();
  group.name = 'vitrine-room';
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(room.width, room.depth),
    new THREE.MeshStandardMaterial({ color: color(room.floor_color, '#6b625a'), roughness: 0.9 }));
  floor.rotation.x = -Math.PI / 2;
  floor.name = 'vitrine-room-floor';
  floor.userData.environment = true;
  group.add(floor);
  const material = new THREE.MeshStandardMaterial({ color: color(room.wall_color, '#d9d4c7'), roughness: 0.95, side: THREE.FrontSide });
  const walls = [];
  wallPieces(room).forEach((p, i) => {
    const f = wallFrame(room, p.wall);
    const geometry = new THREE.PlaneGeometry(p.u1 - p.u0, p.y1 - p.y0);
    const mesh = new THREE.Mesh(geometry, material);
    // the plane's +x runs along u, +y up, and its front (+z) faces into the room
    const basis = new THREE.Matrix4().makeBasis(new THREE.Vector3().fromArray(f.u), new THREE.Vector3(0, 1, 0), new THREE.Vector3().fromArray(f.n));
    mesh.quaternion.setFromRotationMatrix(basis);
    const mid = (p.u0 + p.u1) / 2;
    mesh.position.set(f.c[0] + f.u[0] * mid, (p.y0 + p.y1) / 2, f.c[2] + f.u[2] * mid);
    mesh.name = `room-wall:${p.wall}:${i}`;
    mesh.userData.environment = true;
    group.add(mesh);
    walls.push(mesh);
  });
  parent.add(group);
  return { group, floor, walls };
}

/** World boxes of the room's meshes, for tests: {floor: {min, max}, walls: [{name, min, max}]}. */
export function roomBoxes(built) {
  if (!built) return null;
  const box = (o) => { const b = new THREE.Box3().setFromObject(o); return { min: b.min.toArray(), max: b.max.toArray() }; };
  return { floor: box(built.floor), walls: built.walls.map((w) => ({ name: w.name, ...box(w) })) };
}
