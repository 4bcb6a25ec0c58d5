// The room's layout as plain numbers, shared by the three.js room (room.js) and the first view
// (first_view/first_scene.js, which must not import three): each wall's frame and the wall
// pieces left around the openings (same pieces as scenes/layout/room_walls.py draws in the
// editor). Along a wall, u runs to the right as seen from inside the room, 0 at the wall's
// centre; metres.

export const WALLS = ['back', 'left', 'right', 'front'];

export function wallFrame(room, wall) {
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

export function validRoom(room) {
  return room && ['width', 'depth', 'wall_height'].every((k) => Number.isFinite(room[k]) && room[k] > 0);
}
