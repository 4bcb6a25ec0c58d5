"""GLSL 3.30 core sources for the viewport."""

MAX_LIGHTS = 4

MESH_VS = """
#version 330 core
// POINTS and PLAIN are defined by mesh_vertex_source(); PLAIN (no vertex colour, no
// texture) leaves out two varyings: on llvmpipe every varying costs setup per triangle
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec2 a_uv;
uniform mat4 u_model;
uniform mat4 u_view;
uniform mat4 u_proj;
uniform mat4 u_viewproj;        // u_proj * u_view, multiplied once on the CPU
uniform mat3 u_normal_mat;
uniform float u_point_size;     // world-space diameter (m) for GL_POINTS
uniform float u_viewport_h;     // pixels
out vec3 v_world;
out vec3 v_normal;
#ifndef PLAIN
out vec4 v_color;
out vec2 v_uv;
#endif
void main() {
    vec4 w = u_model * vec4(a_position, 1.0);
    v_world = w.xyz;
    v_normal = u_normal_mat * a_normal;
#ifndef PLAIN
    v_color = vec4(a_color.rgb * a_color.rgb, a_color.a);  // sRGB → ~linear (gamma 2), per vertex
    v_uv = a_uv;
#endif
    gl_Position = u_viewproj * w;
#ifdef POINTS
    // size attenuation: a world-space diameter projected to pixels
    vec4 eye = u_view * w;
    gl_PointSize = clamp(u_point_size * u_proj[1][1] * 0.5 * u_viewport_h / max(-eye.z, 1e-4), 2.0, 64.0);
#endif
}
"""

MESH_FS = """
#version 330 core
// NLIGHTS and POINTS are defined by mesh_fragment_source()
in vec3 v_world;
in vec3 v_normal;
#ifndef PLAIN
in vec4 v_color;
in vec2 v_uv;
#endif
uniform vec3 u_eye;
uniform vec4 u_base_color;
uniform bool u_use_vcolor;
uniform bool u_use_texture;
uniform bool u_lit;
uniform bool u_points;
uniform bool u_flat;            // derive normals from screen derivatives (no normals stored)
uniform sampler2D u_texture;
uniform float u_roughness;
uniform float u_metalness;
uniform vec3 u_ambient;
uniform vec3 u_sky;
uniform vec3 u_ground;
uniform int u_nlights;
uniform int u_light_type[4];    // 1 directional, 2 point, 3 spot
uniform vec3 u_light_pos[4];
uniform vec3 u_light_dir[4];    // direction the light travels (unit)
uniform vec3 u_light_color[4];  // colour × intensity
uniform float u_light_cos[4];   // spot cone cos(half-angle)
uniform float u_light_range[4]; // 0 = unlimited
uniform vec4 u_highlight;       // rgb, strength (selection)
out vec4 frag;

void main() {
#ifdef POINTS
    vec2 c = gl_PointCoord * 2.0 - 1.0;
    if (dot(c, c) > 1.0) discard;
#endif
    vec4 base = u_base_color;
    // lighting is in linear space: the base colour is linearised on the CPU, vertex colours in
    // the vertex shader, textures by the sRGB texture format; encoded again (gamma 2) at the end
#ifndef PLAIN
    if (u_use_vcolor) base *= v_color;
    if (u_use_texture) base *= texture(u_texture, v_uv);
#endif
#ifdef POINTS
    if (base.a < 0.02) discard;   // (no discard in the mesh variant: it would defeat early depth test)
#endif
    vec3 albedo = base.rgb;
    if (!u_lit) {
        frag = vec4(sqrt(mix(albedo, u_highlight.rgb, u_highlight.a * 0.5)), base.a);
        return;
    }
    vec3 V = normalize(u_eye - v_world);
    vec3 N;
    if (u_flat) {
        N = normalize(cross(dFdx(v_world), dFdy(v_world)));
    } else {
        N = normalize(v_normal);
    }
    if (dot(N, V) < 0.0) N = -N;    // scans are open and their normals inconsistent: light both sides
    float shin = mix(256.0, 4.0, clamp(u_roughness, 0.0, 1.0));
    float spec_k = mix(0.04, 0.6, u_metalness) * (1.0 - 0.8 * u_roughness) * 4.0;
    vec3 spec_col = mix(vec3(1.0), albedo, u_metalness);
    // hemisphere ambient: sky from above, ground bounce from below; cavities facing down read darker
    float hemi = 0.5 + 0.5 * N.y;
    vec3 light = u_ambient * mix(u_ground, u_sky, hemi);
    vec3 spec = vec3(0.0);
    for (int i = 0; i < NLIGHTS; ++i) {   // compile-time count: unrolled (dynamic loops are slow on llvmpipe)
        vec3 L;
        float att = 1.0;
        if (u_light_type[i] == 1) {
            L = -u_light_dir[i];
        } else {
            vec3 d = u_light_pos[i] - v_world;
            float dist = length(d);
            L = d / max(dist, 1e-6);
            if (u_light_range[i] > 0.0) {
                float x = clamp(1.0 - pow(dist / u_light_range[i], 4.0), 0.0, 1.0);
                att = x * x / (1.0 + dist * dist);
            } else {
                att = 1.0 / (1.0 + 0.1 * dist * dist);
            }
            if (u_light_type[i] == 3) {
                float c = dot(-L, u_light_dir[i]);
                att *= smoothstep(u_light_cos[i], mix(u_light_cos[i], 1.0, 0.15), c);
            }
        }
        float ndl = max(dot(N, L), 0.0);
        light += u_light_color[i] * ndl * att;
#ifndef FAST
        vec3 H = normalize(L + V);
        float s = pow(max(dot(N, H), 0.0), shin) * (shin + 8.0) / 25.13;
        spec += u_light_color[i] * s * ndl * att;
#endif
    }
#ifdef FAST
    // moving frames: diffuse and ambient only (no specular, flat selection tint)
    vec3 col = albedo * (1.0 - 0.9 * u_metalness) * light;
    float rim = 0.3;
#else
    vec3 col = albedo * (1.0 - 0.9 * u_metalness) * light + spec_col * spec * spec_k * 0.25;
    // selection: tint plus a rim that reads like an outline
    float rim = pow(1.0 - max(dot(N, V), 0.0), 2.5);
#endif
    col = mix(col, u_highlight.rgb, u_highlight.a * (0.18 + 0.75 * rim));
    frag = vec4(sqrt(clamp(col, 0.0, 1.0)), base.a);
}
"""

BACKGROUND_VS = """
#version 330 core
out vec2 v_pos;
void main() {
    vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
    v_pos = p;
    gl_Position = vec4(p, 0.9999, 1.0);
}
"""

BACKGROUND_FS = """
#version 330 core
in vec2 v_pos;
uniform vec3 u_top;
uniform vec3 u_bottom;
out vec4 frag;
void main() {
    float t = clamp(v_pos.y * 0.5 + 0.5, 0.0, 1.0);
    frag = vec4(mix(u_bottom, u_top, smoothstep(0.0, 1.0, t)), 1.0);
}
"""

GRID_VS = """
#version 330 core
layout(location = 0) in vec3 a_position;
uniform mat4 u_view;
uniform mat4 u_proj;
uniform float u_radius;
out vec2 v_xz;
void main() {
    vec3 w = a_position * vec3(u_radius, 1.0, u_radius);
    v_xz = w.xz;
    gl_Position = u_proj * u_view * vec4(w, 1.0);
}
"""

# the floor disc: flat colour, soft edge; the grid is separate line geometry (LINES_*)
GRID_FS = """
#version 330 core
in vec2 v_xz;
uniform vec3 u_color;
uniform float u_radius;
out vec4 frag;
void main() {
    float r = length(v_xz);
    if (r > u_radius) discard;
    frag = vec4(u_color, 0.92 * (1.0 - smoothstep(u_radius * 0.85, u_radius, r)));
}
"""

LINES_VS = """
#version 330 core
layout(location = 0) in vec3 a_position;   // x, z in metres; y = line weight (0.35 fine, 1 major)
layout(location = 2) in vec4 a_color;      // rgb tint (axes), a = 1 for the plain line colour
uniform mat4 u_view;
uniform mat4 u_proj;
out vec3 v_world;
out float v_weight;
out vec4 v_tint;
void main() {
    v_world = vec3(a_position.x, 0.0, a_position.z);
    v_weight = a_position.y;
    v_tint = a_color;
    gl_Position = u_proj * u_view * vec4(v_world, 1.0);
}
"""

LINES_FS = """
#version 330 core
in vec3 v_world;
in float v_weight;
in vec4 v_tint;
uniform vec3 u_line_color;
uniform vec3 u_eye;
uniform float u_radius;
out vec4 frag;
void main() {
    float r = length(v_world.xz);
    if (r > u_radius) discard;
    float edge = 1.0 - smoothstep(u_radius * 0.85, u_radius, r);
    // fine lines fade out with distance from the eye (as the old procedural grid did)
    float w = v_weight < 0.5 ? v_weight * (1.0 - smoothstep(2.0, 8.0, distance(u_eye, v_world))) : v_weight;
    vec3 col = v_tint.a > 0.5 ? u_line_color : v_tint.rgb;
    frag = vec4(col, 0.8 * w * edge * (v_tint.a > 0.5 ? 1.0 : 0.875));
}
"""

OVERLAY_VS = """
#version 330 core
layout(location = 0) in vec3 a_position;
layout(location = 2) in vec4 a_color;
uniform mat4 u_mvp;
out vec4 v_color;
void main() {
    v_color = a_color;
    gl_Position = u_mvp * vec4(a_position, 1.0);
}
"""

OVERLAY_FS = """
#version 330 core
in vec4 v_color;
uniform vec4 u_color;
out vec4 frag;
void main() { frag = v_color * u_color; }
"""


def _with_defines(source: str, defines: str) -> str:
    head, rest = source.split("\n", 2)[1], source.split("\n", 2)[2]
    return head + "\n" + defines + rest


def mesh_fragment_source(nlights: int, points: bool, fast: bool = False, plain: bool = False) -> str:
    """The mesh fragment shader specialised for a light count (0..4), points or triangles,
    ``fast`` (camera moving: diffuse only, which roughly halves the per-pixel ALU work) and
    ``plain`` (no vertex colour or texture to read)."""
    defines = (f"#define NLIGHTS {int(nlights)}\n" + ("#define POINTS 1\n" if points else "")
               + ("#define FAST 1\n" if fast else "") + ("#define PLAIN 1\n" if plain else ""))
    return _with_defines(MESH_FS, defines)


def mesh_vertex_source(points: bool, plain: bool = False) -> str:
    """The mesh vertex shader for points (size attenuation) or triangles, ``plain`` or not."""
    return _with_defines(MESH_VS, ("#define POINTS 1\n" if points else "") + ("#define PLAIN 1\n" if plain else ""))
