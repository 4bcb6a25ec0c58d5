// GLSL ES 3.00 shaders for the first view, reproducing three r187's MeshStandardMaterial under
// the lights the viewer uses (hemisphere, directional, point, spot; no shadows, no environment
// map) and its PointsMaterial for point clouds, with NeutralToneMapping (exposure 1) and sRGB
// output, and the background as three draws it (a gradient texture is not tone mapped), so the
// first frame matches the full viewer's.
// Source followed: three/src/renderers/shaders/ShaderChunk (lights_physical_fragment,
// lights_physical_pars_fragment, lights_fragment_begin, bsdfs, tonemapping_pars_fragment,
// colorspace_pars_fragment) and DFGLUTData.js (regenerated here, see dfgTable).

const COMMON = `#version 300 es
precision highp float;
precision highp int;
#define PI 3.141592653589793
#define RECIPROCAL_PI 0.3183098861837907
#define EPSILON 1e-6
#define saturate(a) clamp(a, 0.0, 1.0)
float pow2(float x) { return x * x; }
vec3 NeutralToneMapping(vec3 color) {
  const float StartCompression = 0.8 - 0.04;
  const float Desaturation = 0.15;
  float x = min(color.r, min(color.g, color.b));
  float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
  color -= offset;
  float peak = max(color.r, max(color.g, color.b));
  if (peak < StartCompression) return color;
  float d = 1. - StartCompression;
  float newPeak = 1. - d * d / (peak + d - StartCompression);
  color *= newPeak / peak;
  float g = 1. - 1. / (Desaturation * (peak - newPeak) + 1.);
  return mix(color, vec3(newPeak), g);
}
vec3 sRGBTransferOETF(vec3 value) {
  return mix(pow(value, vec3(0.41666)) * 1.055 - vec3(0.055), value * 12.92, vec3(lessThanEqual(value, vec3(0.0031308))));
}
vec4 outputColor(vec3 linear) { return vec4(sRGBTransferOETF(NeutralToneMapping(linear)), 1.0); }
`;

const VERTEX = `
uniform mat4 modelView;
uniform mat4 projection;
uniform mat3 normalMat;
uniform mat3 uvTransform;
uniform float pointSize;
in vec3 position;
in vec3 normal;
in vec2 uv;
in vec4 color;
out vec3 vViewPosition;
out vec3 vNormal;
out vec2 vUv;
out vec4 vColor;
void main() {
  vec4 mv = modelView * vec4(position, 1.0);
  vViewPosition = -mv.xyz;
  vNormal = normalMat * normal;
  vUv = (uvTransform * vec3(uv, 1.0)).xy;
  vColor = color;
  gl_Position = projection * mv;
  gl_PointSize = pointSize / -mv.z; // pointSize = three's size * drawing-buffer height / 2
}`;

const STANDARD = `
uniform vec4 diffuse;
uniform float metalness;
uniform float roughness;
uniform sampler2D map;
uniform sampler2D dfgLUT;
#if NUM_HEMI > 0
uniform vec3 hemiSky[NUM_HEMI];
uniform vec3 hemiGround[NUM_HEMI];
uniform vec3 hemiDir[NUM_HEMI];
#endif
#if NUM_DIR > 0
uniform vec3 dirColor[NUM_DIR];
uniform vec3 dirDir[NUM_DIR];
#endif
#if NUM_POINT > 0
uniform vec3 pointColor[NUM_POINT];
uniform vec3 pointPos[NUM_POINT];
uniform float pointRange[NUM_POINT];
#endif
#if NUM_SPOT > 0
uniform vec3 spotColor[NUM_SPOT];
uniform vec3 spotPos[NUM_SPOT];
uniform vec3 spotDir[NUM_SPOT];
uniform vec3 spotCone[NUM_SPOT]; // range, cos(angle), cos(angle * (1 - penumbra))
#endif
in vec3 vViewPosition;
in vec3 vNormal;
in vec2 vUv;
in vec4 vColor;
out vec4 fragColor;
struct Material { vec3 diffuseColor; vec3 diffuseContribution; float roughness; vec3 specularColor; vec3 specularColorBlended; vec2 dfg; vec3 ms; };
vec3 F_Schlick(vec3 f0, float f90, float dotVH) {
  float fresnel = exp2((-5.55473 * dotVH - 6.98316) * dotVH);
  return f0 * (1.0 - fresnel) + (f90 * fresnel);
}
float V_GGX_SmithCorrelated(float alpha, float dotNL, float dotNV) {
  float a2 = pow2(alpha);
  float gv = dotNL * sqrt(a2 + (1.0 - a2) * pow2(dotNV));
  float gl = dotNV * sqrt(a2 + (1.0 - a2) * pow2(dotNL));
  return 0.5 / max(gv + gl, EPSILON);
}
float D_GGX(float alpha, float dotNH) {
  float a2 = pow2(alpha);
  float denom = pow2(dotNH) * (a2 - 1.0) + 1.0;
  return RECIPROCAL_PI * a2 / pow2(denom);
}
float distanceAttenuation(float d, float cutoff) {
  float f = 1.0 / max(d * d, 0.01);
  if (cutoff > 0.0) f *= pow2(saturate(1.0 - pow2(pow2(d / cutoff))));
  return f;
}
void direct(vec3 L, vec3 color, vec3 N, vec3 V, Material m, inout vec3 diffuseOut, inout vec3 specularOut) {
  float dotNL = saturate(dot(N, L));
  vec3 irradiance = dotNL * color;
  float r = max(m.roughness, 0.045);
  float alpha = pow2(r);
  vec3 H = normalize(L + V);
  float dotNV = saturate(dot(N, V));
  float dotNH = saturate(dot(N, H));
  float dotVH = saturate(dot(V, H));
  vec3 F = F_Schlick(m.specularColorBlended, 1.0, dotVH);
  vec3 spec = F * (V_GGX_SmithCorrelated(alpha, dotNL, dotNV) * D_GGX(alpha, dotNH));
  specularOut += irradiance * spec * m.ms;
  vec3 Fd = F_Schlick(m.specularColor, 1.0, dotVH);
  diffuseOut += irradiance * RECIPROCAL_PI * m.diffuseContribution * (1.0 - Fd);
}
void main() {
  vec4 diffuseColor = diffuse;
  // one program for every surface (each compile is ~0.2 s in a software renderer): without a
  // map a white texel is bound, without vertex colours the attribute reads its constant (1, 1, 1, 1)
  diffuseColor *= texture(map, vUv) * vColor;
  vec3 normal = normalize(vNormal);
  vec3 dxy = max(abs(dFdx(normal)), abs(dFdy(normal)));
  float geometryRoughness = max(max(dxy.x, dxy.y), dxy.z);
  Material m;
  m.diffuseColor = diffuseColor.rgb;
  m.diffuseContribution = diffuseColor.rgb * (1.0 - metalness);
  m.roughness = min(max(roughness, 0.045) + geometryRoughness, 1.0);
  m.specularColor = vec3(0.04);
  m.specularColorBlended = mix(m.specularColor, diffuseColor.rgb, metalness);
  vec3 P = -vViewPosition;
  vec3 V = normalize(vViewPosition);
  m.dfg = texture(dfgLUT, vec2(m.roughness, saturate(dot(normal, V)))).rg;
  m.ms = 1.0 + m.specularColorBlended * (1.0 / (m.dfg.x + m.dfg.y) - 1.0);
  vec3 dd = vec3(0.0), ds = vec3(0.0), irradiance = vec3(0.0);
#if NUM_POINT > 0
  for (int i = 0; i < NUM_POINT; i++) {
    vec3 l = pointPos[i] - P;
    direct(normalize(l), pointColor[i] * distanceAttenuation(length(l), pointRange[i]), normal, V, m, dd, ds);
  }
#endif
#if NUM_SPOT > 0
  for (int i = 0; i < NUM_SPOT; i++) {
    vec3 l = spotPos[i] - P;
    vec3 L = normalize(l);
    float att = smoothstep(spotCone[i].y, spotCone[i].z, dot(L, spotDir[i]));
    if (att > 0.0) direct(L, spotColor[i] * att * distanceAttenuation(length(l), spotCone[i].x), normal, V, m, dd, ds);
  }
#endif
#if NUM_DIR > 0
  for (int i = 0; i < NUM_DIR; i++) direct(dirDir[i], dirColor[i], normal, V, m, dd, ds);
#endif
#if NUM_HEMI > 0
  for (int i = 0; i < NUM_HEMI; i++) irradiance += mix(hemiGround[i], hemiSky[i], 0.5 * dot(normal, hemiDir[i]) + 0.5);
#endif
  // RE_IndirectDiffuse_Physical: the specular lobe's share (computeMultiscattering) is not diffused
  vec3 Fr = m.specularColor;
  vec3 FssEss = Fr * m.dfg.x + m.dfg.y;
  float Ess = m.dfg.x + m.dfg.y;
  float Ems = 1.0 - Ess;
  vec3 Favg = Fr + (1.0 - Fr) * 0.047619;
  vec3 Fms = FssEss * Favg / (1.0 - Ems * Favg);
  vec3 indirect = irradiance * RECIPROCAL_PI * m.diffuseContribution * (1.0 - FssEss - Fms * Ems);
  fragColor = outputColor(dd + ds + indirect);
}`;

const POINTS = `
uniform vec4 diffuse;
in vec4 vColor;
out vec4 fragColor;
void main() {
  vec4 c = diffuse * vColor;
  fragColor = outputColor(c.rgb);
}`;

const BACKGROUND_VERTEX = `
out float vFromTop;
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;
  vFromTop = 0.5 - 0.5 * p.y;
  gl_Position = vec4(p, 1.0, 1.0);
}`;

const BACKGROUND = `
uniform vec3 stops[8]; // sRGB 0..1, evenly spaced from top to bottom
uniform int stopCount;
in float vFromTop;
out vec4 fragColor;
void main() {
  // three draws a 4x256 canvas gradient as an sRGB texture: clamp to its first and last texel centres
  float t = clamp(vFromTop, 0.5 / 256.0, 255.5 / 256.0) * float(stopCount - 1);
  int i = min(int(floor(t)), stopCount - 2);
  vec3 c = mix(stops[i], stops[i + 1], t - float(i));
  // an sRGB background texture is not tone mapped (three's WebGLBackground): its colours as painted
  fragColor = vec4(floor(c * 255.0 + 0.5) / 255.0, 1.0);
}`;

/** Linked program of one kind ('standard' | 'points' | 'background') with defines {NAME: value};
 *  returns {program, uniform(name) -> location (cached), ready() -> throws if it failed}.
 *  Nothing here waits for the compiler: a GPU process (or KHR_parallel_shader_compile) works on
 *  it while the page waits for the models; ready() at the first draw is where a failure shows. */
export function makeProgram(gl, kind, defines = {}) {
  const head = COMMON + Object.entries(defines).map(([k, v]) => `#define ${k} ${v}\n`).join('');
  const vs = kind === 'background' ? BACKGROUND_VERTEX : VERTEX;
  const fs = { standard: STANDARD, points: POINTS, background: BACKGROUND }[kind];
  const program = gl.createProgram();
  const shaders = [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]].map(([type, body]) => {
    const shader = gl.createShader(type);
    gl.shaderSource(shader, head + body);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
    return shader;
  });
  ['position', 'normal', 'uv', 'color'].forEach((name, i) => gl.bindAttribLocation(program, i, name));
  gl.linkProgram(program);
  let checked = false;
  const ready = () => {
    if (checked) return;
    checked = true;
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
      const log = shaders.map((sh) => gl.getShaderInfoLog(sh)).join(' ') + (gl.getProgramInfoLog(program) || '');
      throw new Error(`first view ${kind} program: ${log.trim().split('\n')[0]}`);
    }
    for (const sh of shaders) gl.deleteShader(sh);
  };
  const cache = new Map();
  const uniform = (name) => { if (!cache.has(name)) cache.set(name, gl.getUniformLocation(program, name)); return cache.get(name); };
  return { program, uniform, ready };
}

/** The split-sum DFG table three samples (16x16 RG: scale, bias of F0 over (roughness, N·V)):
 *  GGX importance sampling with the height-correlated Smith visibility, as DFGLUTData.js was made.
 *  Float32Array(512), row-major in N·V, texel centres at (i + 0.5) / 16. 128 samples a texel
 *  (~5 ms on a desktop core) stay within 0.003 of three's 4096-sample table on average (0.023 at
 *  the most grazing row), well under one 8-bit level of the frame. */
export function dfgTable(size = 16, samples = 128) {
  const out = new Float32Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    const nv = Math.max((j + 0.5) / size, 1e-4);
    const v = [Math.sqrt(1 - nv * nv), 0, nv];
    for (let i = 0; i < size; i++) {
      const r = (i + 0.5) / size, a = r * r, a2 = a * a;
      let A = 0, B = 0;
      for (let s = 0; s < samples; s++) {
        // Hammersley point: radical inverse of s in base 2
        let bits = s; bits = ((bits << 16) | (bits >>> 16)) >>> 0;
        bits = (((bits & 0x55555555) << 1) | ((bits & 0xaaaaaaaa) >>> 1)) >>> 0;
        bits = (((bits & 0x33333333) << 2) | ((bits & 0xcccccccc) >>> 2)) >>> 0;
        bits = (((bits & 0x0f0f0f0f) << 4) | ((bits & 0xf0f0f0f0) >>> 4)) >>> 0;
        bits = (((bits & 0x00ff00ff) << 8) | ((bits & 0xff00ff00) >>> 8)) >>> 0;
        const u = s / samples, w = bits / 4294967296;
        const phi = 2 * Math.PI * u;
        const cosT = Math.sqrt((1 - w) / (1 + (a2 - 1) * w)), sinT = Math.sqrt(1 - cosT * cosT);
        const h = [sinT * Math.cos(phi), sinT * Math.sin(phi), cosT];
        const vh = v[0] * h[0] + v[2] * h[2];
        const nl = 2 * vh * h[2] - v[2];
        if (nl <= 0) continue;
        const nh = h[2];
        const gv = nl * Math.sqrt(a2 + (1 - a2) * nv * nv), gl = nv * Math.sqrt(a2 + (1 - a2) * nl * nl);
        const vis = 0.5 / (gv + gl);
        const g = vis * 4 * nl * Math.max(vh, 0) / nh;
        const fc = Math.pow(1 - Math.max(vh, 0), 5);
        A += (1 - fc) * g;
        B += fc * g;
      }
      out[(j * size + i) * 2] = A / samples;
      out[(j * size + i) * 2 + 1] = B / samples;
    }
  }
  return out;
}
