"""The exhibit document's data model.

Plain dataclasses whose field names are the JSON keys of ``exhibit.json``.
Conventions: lengths in metres, angles in radians, Y up, the floor at y = 0,
quaternions as (x, y, z, w), colours as ``#rrggbb``. Localised text is a dict
from a BCP-47 language tag to text. Every object has a stable ``id`` and
objects refer to each other by id only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from vitrine.scenes.ids import new_id

SCHEMA_VERSION = 3  # 2: artifacts gained ``publication`` (what a bundle may publish)
#                    3: a ``room`` in the environment, an artifact ``mount``, ``start_view_manual``
DEFAULT_LANGUAGES = ["en", "zh-Hans"]

LocalizedText = dict[str, str]
Vec3 = tuple[float, float, float]
Quat = tuple[float, float, float, float]

LIGHT_TYPES = ("ambient", "directional", "point", "spot")
PLINTH_SHAPES = ("box", "cylinder")
MOUNTS = ("floor", "plinth", "wall")
WALLS = ("back", "left", "right", "front")
LEVEL_NAMES = ("original", "high", "medium", "low", "thumbnail")
DEFAULT_CLASSIFICATIONS = [
    "sculpture", "ceramics", "metalwork", "textile", "painting", "manuscript",
    "archaeological find", "natural history specimen", "architectural element", "other",
]


@dataclass
class Rights:
    """A rights statement: a rightsstatements.org or Creative Commons URI, holder and credit."""

    statement_uri: str = ""
    holder: str = ""
    attribution: str = ""


@dataclass
class Transform:
    """Placement in the exhibit: translation (m), rotation quaternion (x, y, z, w), scale."""

    translation: Vec3 = (0.0, 0.0, 0.0)
    rotation: Quat = (0.0, 0.0, 0.0, 1.0)
    scale: Vec3 = (1.0, 1.0, 1.0)


@dataclass
class ObjectRecord:
    """Catalogue record of the physical object (mapped to Dublin Core on export)."""

    identifier: str = ""
    uri: str = ""
    title: LocalizedText = field(default_factory=dict)
    maker: str = ""
    date: str = ""
    materials: list[str] = field(default_factory=list)
    dimensions_catalogued: str = ""
    institution: str = ""
    credit_line: str = ""
    description: LocalizedText = field(default_factory=dict)
    classification: str = ""


@dataclass
class ArtifactRights:
    """Rights for the physical object and for its 3D model, kept apart."""

    object: Rights = field(default_factory=Rights)
    model: Rights = field(default_factory=Rights)


@dataclass
class DisplaySettings:
    """How an artifact is drawn: material overrides and level-of-detail choice."""

    color_override: Optional[str] = None
    roughness: float = 0.8
    metalness: float = 0.0
    double_sided: bool = False
    lod: str = "auto"
    point_size: float = 0.002


@dataclass
class PublicationSettings:
    """What bundles may publish of an artifact; ``None`` follows the model's rights statement
    (see exporters/publication/policy.py). ``max_level`` is the finest level of detail
    ('original' .. 'thumbnail'); ``allow_download`` False withholds the viewer's download
    offer even where the rights allow reuse (True never offers one they do not allow)."""

    max_level: Optional[str] = None
    allow_download: Optional[bool] = None


@dataclass
class Artifact:
    """A scanned object placed in the exhibit; ``asset_id`` is its scan's SHA-256."""

    id: str = field(default_factory=lambda: new_id("art"))
    name: str = ""
    asset_id: str = ""
    transform: Transform = field(default_factory=Transform)
    visible: bool = True
    display: DisplaySettings = field(default_factory=DisplaySettings)
    record: ObjectRecord = field(default_factory=ObjectRecord)
    rights: ArtifactRights = field(default_factory=ArtifactRights)
    publication: PublicationSettings = field(default_factory=PublicationSettings)
    # how it stands: 'floor', 'plinth' (on the plinth under it) or 'wall' (hung on the room's
    # nearest wall, facing into the room); None: not placed by Vitrine's layout yet
    mount: Optional[str] = None


@dataclass
class Plinth:
    """Display furniture. ``size`` is (width, height, depth) in metres; for a cylinder
    (diameter, height, diameter). The transform's translation is the centre of its base."""

    id: str = field(default_factory=lambda: new_id("pln"))
    name: str = ""
    shape: str = "box"
    size: Vec3 = (0.5, 0.9, 0.5)
    color: str = "#e8e4dc"
    transform: Transform = field(default_factory=Transform)


@dataclass
class Light:
    """A light; ``angle`` is a spot's cone half-angle (rad), ``range`` 0 means unlimited."""

    id: str = field(default_factory=lambda: new_id("lgt"))
    name: str = ""
    type: str = "directional"
    color: str = "#ffffff"
    intensity: float = 1.0
    position: Vec3 = (2.0, 4.0, 3.0)
    target: Vec3 = (0.0, 0.0, 0.0)
    angle: float = 0.6
    range: float = 0.0


@dataclass
class Background:
    kind: str = "gradient"
    colors: list[str] = field(default_factory=lambda: ["#2b2f36", "#101215"])


@dataclass
class Floor:
    visible: bool = True
    color: str = "#3a3c40"
    radius: float = 6.0


@dataclass
class Opening:
    """A doorway in a wall: ``wall`` is one of WALLS; ``offset`` (m) runs along the wall from
    its centre to the opening's centre, positive to the right as seen from inside the room;
    ``width`` and ``height`` in metres (the opening starts at the floor)."""

    wall: str = "front"
    offset: float = 0.0
    width: float = 1.2
    height: float = 2.2


@dataclass
class Room:
    """A rectangular gallery centred on the origin: floor ``width`` (x) by ``depth`` (z), walls
    ``wall_height`` high standing just outside the floor. The 'back' wall is at z = -depth/2
    (the start view looks towards it), 'front' at +depth/2, 'left' at x = -width/2, 'right' at +width/2."""

    width: float = 8.0
    depth: float = 6.0
    wall_height: float = 3.0
    wall_color: str = "#d9d4c7"
    floor_color: str = "#6b625a"
    openings: list[Opening] = field(default_factory=list)


@dataclass
class Environment:
    background: Background = field(default_factory=Background)
    floor: Floor = field(default_factory=Floor)
    room: Optional[Room] = None


@dataclass
class Viewpoint:
    """A named saved camera: eye and target in metres, vertical field of view in radians."""

    id: str = field(default_factory=lambda: new_id("vp"))
    name: LocalizedText = field(default_factory=dict)
    eye: Vec3 = (0.0, 1.6, 3.0)
    target: Vec3 = (0.0, 1.0, 0.0)
    up: Vec3 = (0.0, 1.0, 0.0)
    fov: float = 0.8


@dataclass
class MediaImage:
    """An image in the project's ``media/`` folder with alt text per language."""

    file: str = ""
    alt: LocalizedText = field(default_factory=dict)
    credit: str = ""
    rights: Rights = field(default_factory=Rights)


@dataclass
class MediaAudio:
    """An audio clip (and optional WebVTT captions) in the project's ``media/`` folder."""

    file: str = ""
    captions: Optional[str] = None
    rights: Rights = field(default_factory=Rights)


@dataclass
class Marker:
    number: int = 1
    color: str = "#f2b134"


@dataclass
class Measurement:
    """A point-to-point distance taken with the measuring tape: ``a`` and ``b`` in the own
    (model-local) frame of artifact ``artifact_id``, in metres before the artifact's scale,
    like annotation points, so a saved measurement moves with its artifact."""

    artifact_id: str = ""
    a: Vec3 = (0.0, 0.0, 0.0)
    b: Vec3 = (0.0, 0.0, 0.0)


@dataclass
class Annotation:
    """A note pinned to an artifact at ``point`` with ``normal``, both in the artifact's
    own (model-local) frame, so the pin moves with the artifact."""

    id: str = field(default_factory=lambda: new_id("ann"))
    artifact_id: str = ""
    point: Vec3 = (0.0, 0.0, 0.0)
    normal: Vec3 = (0.0, 1.0, 0.0)
    title: LocalizedText = field(default_factory=dict)
    body: LocalizedText = field(default_factory=dict)
    image: Optional[MediaImage] = None
    audio: dict[str, MediaAudio] = field(default_factory=dict)
    viewpoint_id: Optional[str] = None
    marker: Marker = field(default_factory=Marker)
    tags: list[str] = field(default_factory=list)
    rights: Rights = field(default_factory=Rights)
    measurement: Optional[Measurement] = None


@dataclass
class TourStep:
    """One stop of a guided tour; ``duration`` in seconds."""

    id: str = field(default_factory=lambda: new_id("stp"))
    viewpoint_id: Optional[str] = None
    annotation_id: Optional[str] = None
    narration: LocalizedText = field(default_factory=dict)
    audio: dict[str, MediaAudio] = field(default_factory=dict)
    duration: float = 8.0
    measurement: Optional[Measurement] = None


@dataclass
class Tour:
    id: str = field(default_factory=lambda: new_id("tour"))
    title: LocalizedText = field(default_factory=dict)
    steps: list[TourStep] = field(default_factory=list)


@dataclass
class CaptureProvenance:
    """How the object was captured, as entered by the curator."""

    captured_by: str = ""
    captured_on: str = ""
    equipment: str = ""
    software: str = ""
    notes: str = ""


@dataclass
class ProcessingStep:
    """One operation Vitrine applied, recorded automatically with hashes in and out."""

    operation: str = ""
    parameters: dict[str, Any] = field(default_factory=dict)
    input_sha256: str = ""
    output_sha256: str = ""
    tool: str = ""
    timestamp: str = ""


@dataclass
class AssetLevel:
    """A derived level of detail stored in the project's asset store."""

    level: str = "original"
    file: str = ""
    sha256: str = ""
    faces: int = 0
    points: int = 0
    texture_size: Optional[int] = None


@dataclass
class Asset:
    """An imported scan: ``id`` is the SHA-256 of the original file, kept byte-identical.
    ``dimensions`` (m) are of the prepared model (metres, Y up)."""

    id: str = ""
    original_name: str = ""
    file: str = ""
    format: str = ""
    kind: str = "mesh"
    units: str = "m"
    up_axis: str = "y"
    dimensions: Vec3 = (0.0, 0.0, 0.0)
    levels: list[AssetLevel] = field(default_factory=list)
    inspection: dict[str, Any] = field(default_factory=dict)
    capture: CaptureProvenance = field(default_factory=CaptureProvenance)
    processing: list[ProcessingStep] = field(default_factory=list)


@dataclass
class Exhibit:
    """The whole exhibit document."""

    schema_version: int = SCHEMA_VERSION
    id: str = field(default_factory=lambda: new_id("exh"))
    title: LocalizedText = field(default_factory=dict)
    description: LocalizedText = field(default_factory=dict)
    languages: list[str] = field(default_factory=lambda: list(DEFAULT_LANGUAGES))
    institution: str = ""
    credits: str = ""
    rights: Rights = field(default_factory=Rights)
    classifications: list[str] = field(default_factory=lambda: list(DEFAULT_CLASSIFICATIONS))
    environment: Environment = field(default_factory=Environment)
    assets: list[Asset] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    plinths: list[Plinth] = field(default_factory=list)
    lights: list[Light] = field(default_factory=list)
    viewpoints: list[Viewpoint] = field(default_factory=list)
    start_viewpoint_id: Optional[str] = None
    # True once the curator chose the start view by hand: placing artifacts no longer reframes it
    start_view_manual: bool = False
    annotations: list[Annotation] = field(default_factory=list)
    tours: list[Tour] = field(default_factory=list)


def default_lights() -> list[Light]:
    """A key, fill and ambient light that make the relief of a scan read clearly."""
    return [
        Light(name="Ambient", type="ambient", intensity=0.35),
        Light(name="Key light", type="directional", intensity=2.2, position=(2.5, 4.0, 3.0)),
        Light(name="Fill light", type="directional", intensity=0.7, position=(-3.0, 2.0, 1.5)),
    ]
