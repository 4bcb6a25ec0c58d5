"""Hypothesis strategies for random exhibit documents (valid by construction)."""
from __future__ import annotations

from hypothesis import strategies as st

from vitrine.scenes.exhibit_model import (
    Annotation, Artifact, ArtifactRights, Asset, AssetLevel, Background, CaptureProvenance, DisplaySettings,
    Environment, Exhibit, Floor, Light, Marker, MediaAudio, MediaImage, ObjectRecord, Plinth, ProcessingStep,
    Rights, Tour, TourStep, Transform, Viewpoint,
)

LANGS = ["en", "zh-Hans", "fr", "ar"]
ids = lambda prefix: st.text("0123456789abcdef", min_size=12, max_size=12).map(lambda h: f"{prefix}-{h}")
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
positive = st.floats(0.01, 10, allow_nan=False)
unit = st.floats(0, 1, allow_nan=False)
vec3 = st.tuples(finite, finite, finite)
color = st.integers(0, 0xFFFFFF).map(lambda c: f"#{c:06x}")
sha = st.text("0123456789abcdef", min_size=64, max_size=64)
localized = st.dictionaries(st.sampled_from(LANGS), text, max_size=3)
relpath = st.from_regex(r"media/[a-z0-9]{1,8}\.(png|mp3|vtt)", fullmatch=True)
rights = st.builds(Rights, statement_uri=text, holder=text, attribution=text)
transform = st.builds(Transform, translation=vec3, rotation=st.tuples(finite, finite, finite, finite),
                      scale=st.tuples(positive, positive, positive))
audio = st.builds(MediaAudio, file=relpath, captions=st.none() | relpath, rights=rights)
audio_map = st.dictionaries(st.sampled_from(LANGS), audio, max_size=2)

record = st.builds(ObjectRecord, identifier=text, uri=text, title=localized, maker=text, date=text,
                   materials=st.lists(text, max_size=2), dimensions_catalogued=text, institution=text,
                   credit_line=text, description=localized, classification=text)
display = st.builds(DisplaySettings, color_override=st.none() | color, roughness=unit, metalness=unit,
                    double_sided=st.booleans(), lod=st.sampled_from(["auto", "high", "low"]), point_size=positive)
artifact = st.builds(Artifact, id=ids("art"), name=text, asset_id=sha, transform=transform,
                     visible=st.booleans(), display=display, record=record,
                     rights=st.builds(ArtifactRights, object=rights, model=rights))
plinth = st.builds(Plinth, id=ids("pln"), name=text, shape=st.sampled_from(["box", "cylinder"]),
                   size=st.tuples(positive, positive, positive), color=color, transform=transform)
light = st.builds(Light, id=ids("lgt"), name=text, type=st.sampled_from(["ambient", "directional", "point", "spot"]),
                  color=color, intensity=positive, position=vec3, target=vec3, angle=st.floats(0, 1.5, allow_nan=False),
                  range=st.floats(0, 100, allow_nan=False))
viewpoint = st.builds(Viewpoint, id=ids("vp"), name=localized, eye=vec3, target=vec3, up=vec3,
                      fov=st.floats(0.1, 3.0, allow_nan=False))
annotation = st.builds(Annotation, id=ids("ann"), artifact_id=ids("art"), point=vec3, normal=vec3, title=localized,
                       body=localized, image=st.none() | st.builds(MediaImage, file=relpath, alt=localized, credit=text,
                                                                   rights=rights),
                       audio=audio_map, viewpoint_id=st.none() | ids("vp"),
                       marker=st.builds(Marker, number=st.integers(0, 99), color=color),
                       tags=st.lists(text, max_size=3), rights=rights)
step = st.builds(TourStep, id=ids("stp"), viewpoint_id=st.none() | ids("vp"), annotation_id=st.none() | ids("ann"),
                 narration=localized, audio=audio_map, duration=st.floats(0.5, 60, allow_nan=False))
tour = st.builds(Tour, id=ids("tour"), title=localized, steps=st.lists(step, max_size=3))
level = st.builds(AssetLevel, level=st.sampled_from(["original", "high", "low"]),
                  file=sha.map(lambda h: f"assets/{h}.glb"), sha256=sha, faces=st.integers(0, 10**7),
                  points=st.integers(0, 10**6), texture_size=st.none() | st.sampled_from([512, 1024]))
asset = st.builds(Asset, id=sha, original_name=text, file=sha.map(lambda h: f"assets/{h}.ply"), format=text,
                  kind=st.sampled_from(["mesh", "points"]), units=st.sampled_from(["mm", "cm", "m", "in"]),
                  up_axis=st.sampled_from(["x", "y", "z"]), dimensions=vec3, levels=st.lists(level, max_size=2),
                  inspection=st.dictionaries(st.sampled_from(["faces", "format"]), st.integers(0, 100) | text, max_size=2),
                  capture=st.builds(CaptureProvenance, captured_by=text, captured_on=text, equipment=text,
                                    software=text, notes=text),
                  processing=st.lists(st.builds(ProcessingStep, operation=text, parameters=st.dictionaries(
                      st.sampled_from(["units", "target"]), st.integers(0, 10) | text, max_size=2),
                      input_sha256=sha, output_sha256=sha, tool=text, timestamp=text), max_size=2))


def unique_by_id(items):
    seen, out = set(), []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            out.append(item)
    return out


exhibits = st.builds(
    Exhibit, id=ids("exh"), title=localized, description=localized,
    languages=st.lists(st.sampled_from(LANGS), min_size=1, max_size=3, unique=True), institution=text,
    credits=text, rights=rights, classifications=st.lists(text, max_size=3),
    environment=st.builds(Environment, background=st.builds(Background, kind=st.sampled_from(["solid", "gradient"]),
                                                            colors=st.lists(color, min_size=1, max_size=3)),
                          floor=st.builds(Floor, visible=st.booleans(), color=color, radius=positive)),
    assets=st.lists(asset, max_size=2).map(unique_by_id), artifacts=st.lists(artifact, max_size=3).map(unique_by_id),
    plinths=st.lists(plinth, max_size=2).map(unique_by_id), lights=st.lists(light, max_size=2).map(unique_by_id),
    viewpoints=st.lists(viewpoint, max_size=2).map(unique_by_id), start_viewpoint_id=st.none() | ids("vp"),
    annotations=st.lists(annotation, max_size=3).map(unique_by_id), tours=st.lists(tour, max_size=2).map(unique_by_id),
)
