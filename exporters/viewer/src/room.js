// The room: a floor of its size and walls as planes facing into the room, cut around openings
// (same pieces as scenes/layout/room_walls.py draws in the editor). Single-sided on purpose: a
// camera outside the room (the start view usually is) sees through the near wall; a visitor
// inside, on a screen or in VR, sees the walls at true scale. Along a wall, u runs to the right
// as seen from inside the room, 0 at the wall's centre.
import * as THREE from 'three';
import { WALLS, wallFrame, wallPieces, validRoom } from './room_layout.js';

export { WALLS, wallPieces };

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
