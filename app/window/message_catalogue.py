"""Messages from ``scenes/`` and ``assets/`` in the UI's language.

Those packages have no Qt: a problem or a scan error carries its English sentence, a
``template`` with ``{name}`` placeholders and the ``args`` that fill it. Every template is
listed here with QT_TRANSLATE_NOOP so lupdate puts it in the catalogue; ``translate_message``
looks the template up, fills in the arguments and falls back to the English message for a
template the catalogue does not know (so a new check never shows a blank line).
Words that arrive as arguments (level names, file kinds) are translated too, in "MessageWords".
The CLI prints the English messages and never comes here.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

PROBLEM_TEMPLATES = (
    QT_TRANSLATE_NOOP("Problems", "artifact '{artifact}' refers to an asset that is not in the project"),
    QT_TRANSLATE_NOOP("Problems", "annotation '{annotation}' is pinned to an artifact that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "annotation '{annotation}' flies to a viewpoint that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "the start view refers to a viewpoint that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "tour '{tour}' has no steps"),
    QT_TRANSLATE_NOOP("Problems", "the image of annotation '{annotation}' has no alt text"),
    QT_TRANSLATE_NOOP("Problems", "the image of annotation '{annotation}' has no alt text in {languages}"),
    QT_TRANSLATE_NOOP("Problems", "the {language} audio of annotation '{annotation}' has no captions"),
    QT_TRANSLATE_NOOP("Problems", "the {language} text of annotation '{annotation}' has {count} characters; keep it under {limit} to be readable"),
    QT_TRANSLATE_NOOP("Problems", "the {language} narration of step {step} of tour '{tour}' has no captions"),
    QT_TRANSLATE_NOOP("Problems", "annotation '{annotation}' shows a measurement on an artifact that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "step {step} of tour '{tour}' shows a measurement on an artifact that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "artifact '{artifact}' is mounted on a wall, but the exhibit has no room"),
    QT_TRANSLATE_NOOP("Problems", "artifact '{artifact}' stands outside the room"),
    QT_TRANSLATE_NOOP("Problems", "step {step} of tour '{tour}' uses a viewpoint that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "step {step} of tour '{tour}' opens an annotation that no longer exists"),
    QT_TRANSLATE_NOOP("Problems", "the id {id} is used twice"),
    QT_TRANSLATE_NOOP("Problems", "the id {id} is not a valid id"),
    QT_TRANSLATE_NOOP("Problems", "annotation '{annotation}' has no title in {languages}"),
    QT_TRANSLATE_NOOP("Problems", "annotation '{annotation}' has no text in {languages}"),
    QT_TRANSLATE_NOOP("Problems", "tour '{tour}' has no title in {languages}"),
    QT_TRANSLATE_NOOP("Problems", "step {step} of tour '{tour}' has no narration in {languages}"),
    QT_TRANSLATE_NOOP("Problems", "the exhibit has no title in {languages}"),
    QT_TRANSLATE_NOOP("Problems", "the 3D model of '{artifact}' has no rights statement"),
    QT_TRANSLATE_NOOP("Problems", "the object '{artifact}' has no rights statement"),
    QT_TRANSLATE_NOOP("Problems", "the image of annotation '{annotation}' has no rights statement"),
    QT_TRANSLATE_NOOP("Problems", "the {language} audio of annotation '{annotation}' has no rights statement"),
    QT_TRANSLATE_NOOP("Problems", "the {language} narration audio of step {step} of tour '{tour}' has no rights statement"),
    QT_TRANSLATE_NOOP("Problems", "scan '{name}': {reason}"),
    QT_TRANSLATE_NOOP("Problems", "level '{level}' of '{name}': {reason}"),
    QT_TRANSLATE_NOOP("Problems", "annotation image: {reason}"),
    QT_TRANSLATE_NOOP("Problems", "annotation audio: {reason}"),
    QT_TRANSLATE_NOOP("Problems", "captions: {reason}"),
    QT_TRANSLATE_NOOP("Problems", "narration audio: {reason}"),
    QT_TRANSLATE_NOOP("Problems", "scan '{name}' is missing: {path}"),
    QT_TRANSLATE_NOOP("Problems", "level '{level}' of '{name}' is missing: {path}"),
    QT_TRANSLATE_NOOP("Problems", "annotation image is missing: {path}"),
    QT_TRANSLATE_NOOP("Problems", "annotation audio is missing: {path}"),
    QT_TRANSLATE_NOOP("Problems", "captions is missing: {path}"),
    QT_TRANSLATE_NOOP("Problems", "narration audio is missing: {path}"),
)

SCAN_TEMPLATES = (
    # scan errors (assets/scan_errors.py, scan_formats.py, scan_loading.py)
    QT_TRANSLATE_NOOP("ScanMessages", "unsupported file type {suffix}; readable: {known}"),
    QT_TRANSLATE_NOOP("ScanMessages", "is not a {format} file: it looks like {what}"),
    QT_TRANSLATE_NOOP("ScanMessages", "is not a {format} file: it does not start with {magic}"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file does not exist"),
    QT_TRANSLATE_NOOP("ScanMessages", "is not a file"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file holds no geometry"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file holds no vertices"),
    QT_TRANSLATE_NOOP("ScanMessages", "not enough memory to read this {format} file"),
    QT_TRANSLATE_NOOP("ScanMessages", "the {format} file is nested too deeply to read"),
    QT_TRANSLATE_NOOP("ScanMessages", "the {format} file could not be read ({reason})"),
    QT_TRANSLATE_NOOP("ScanMessages", "{bad} of {count} vertices have NaN or infinite coordinates"),
    QT_TRANSLATE_NOOP("ScanMessages", "the PLY file has no vertex element with x, y and z"),
    QT_TRANSLATE_NOOP("ScanMessages", "the {element} element has no list of vertex indices"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file declares faces but none of them could be read as triangles"),
    QT_TRANSLATE_NOOP("ScanMessages", "{bad} face indices point outside the {count} vertices"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file is only {size} bytes, too short for an STL"),
    QT_TRANSLATE_NOOP("ScanMessages", "the binary STL header claims {count} triangles, which needs {needed} bytes, "
                                      "but the file holds {size} bytes"),
    QT_TRANSLATE_NOOP("ScanMessages", "not an STL file (neither a binary triangle count nor 'solid ... facet')"),
    QT_TRANSLATE_NOOP("ScanMessages", "not an OFF file (it does not start with 'OFF')"),
    QT_TRANSLATE_NOOP("ScanMessages", "the OFF header has no valid vertex and face counts"),
    QT_TRANSLATE_NOOP("ScanMessages", "the header claims {vertices} vertices and {faces} faces but the file holds {size} bytes"),
    QT_TRANSLATE_NOOP("ScanMessages", "not an OBJ file: it holds binary data"),
    QT_TRANSLATE_NOOP("ScanMessages", "the header claims {faces} faces, more than the limit of {limit}; "
                                      "import a simplified version instead"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file holds {faces} faces, more than the limit of {limit}; "
                                      "import a simplified version instead"),
    # PLY and glTF/GLB readers, trimesh readers, texture limits and reader notes
    QT_TRANSLATE_NOOP("ScanMessages", "PLY header is larger than 1 MiB or has no end_header line"),
    QT_TRANSLATE_NOOP("ScanMessages", "PLY header is incomplete (no end_header line); the file is truncated or not a PLY"),
    QT_TRANSLATE_NOOP("ScanMessages", "unknown PLY format line {line}"),
    QT_TRANSLATE_NOOP("ScanMessages", "malformed PLY element line {line}"),
    QT_TRANSLATE_NOOP("ScanMessages", "PLY property before any element: {line}"),
    QT_TRANSLATE_NOOP("ScanMessages", "unsupported PLY list property {line}"),
    QT_TRANSLATE_NOOP("ScanMessages", "malformed PLY property line {line}"),
    QT_TRANSLATE_NOOP("ScanMessages", "unexpected PLY header line {line}"),
    QT_TRANSLATE_NOOP("ScanMessages", "PLY header has no format line"),
    QT_TRANSLATE_NOOP("ScanMessages", "the header claims {count} {element} elements but the file holds only {size} bytes of data"),
    QT_TRANSLATE_NOOP("ScanMessages", "file is truncated inside the {element} element ({count} claimed, {present} present)"),
    QT_TRANSLATE_NOOP("ScanMessages", "file is truncated inside the {element} element"),
    QT_TRANSLATE_NOOP("ScanMessages", "a list in the {element} element claims {count} items past the end of the file"),
    QT_TRANSLATE_NOOP("ScanMessages", "the ASCII PLY body holds a value that is not a number"),
    QT_TRANSLATE_NOOP("ScanMessages", "a list in the {element} element has an invalid length {length}"),
    QT_TRANSLATE_NOOP("ScanMessages", "not a GLB file (no 'glTF' magic)"),
    QT_TRANSLATE_NOOP("ScanMessages", "GLB version {version} is not supported (only glTF 2.0)"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB header claims {length} bytes but the file holds {size} bytes"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB's first chunk is not a complete JSON chunk"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB's JSON chunk is invalid ({error})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB's binary chunk claims {length} bytes past the end of the file"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB's JSON is not an object"),
    QT_TRANSLATE_NOOP("ScanMessages", "uses {extension} ({what}), which cannot be decoded here; re-export the file without that compression"),
    QT_TRANSLATE_NOOP("ScanMessages", "bufferView {index} ends at byte {end}, past the end of its buffer"),
    QT_TRANSLATE_NOOP("ScanMessages", "accessor {index} claims {count} elements but its bufferView holds {size} bytes"),
    QT_TRANSLATE_NOOP("ScanMessages", "the glTF JSON is malformed ({error})"),
    QT_TRANSLATE_NOOP("ScanMessages", "a data: URI in the glTF is not valid base64"),
    QT_TRANSLATE_NOOP("ScanMessages", "the external buffer {uri} is missing or not a regular file"),
    QT_TRANSLATE_NOOP("ScanMessages", "the external buffer {uri} is missing"),
    QT_TRANSLATE_NOOP("ScanMessages", "the glTF JSON is invalid ({error})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the glTF JSON is not an object"),
    QT_TRANSLATE_NOOP("ScanMessages", "Draco-compressed geometry was decoded"),
    QT_TRANSLATE_NOOP("ScanMessages", "a Draco primitive has face indices outside its vertices"),
    QT_TRANSLATE_NOOP("ScanMessages", "Draco data could not be decoded ({error})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the glTF holds no mesh in its scene"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file is missing"),
    QT_TRANSLATE_NOOP("ScanMessages", "cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB cannot be read ({error})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB could not be read ({error})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the GLB holds no mesh or point cloud"),
    QT_TRANSLATE_NOOP("ScanMessages", "the compressed GLB cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file holds no triangle mesh"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file holds no valid triangles (faces with NaN, infinite or missing vertices are dropped)"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file holds no faces: it is a point cloud of {count} points"),
    QT_TRANSLATE_NOOP("ScanMessages", "triangle strips in {element} were converted to triangles"),
    QT_TRANSLATE_NOOP("ScanMessages", "per-face property {name} of {element} is not used"),
    QT_TRANSLATE_NOOP("ScanMessages", "the file's {element} element ({count} entries) is not used"),
    QT_TRANSLATE_NOOP("ScanMessages", "texture {name} is not found; a placeholder checker texture is used"),
    QT_TRANSLATE_NOOP("ScanMessages", "texture {name} is unreadable; a placeholder checker texture is used"),
    QT_TRANSLATE_NOOP("ScanMessages", "material library {name} is not found; colours and textures are lost"),
    QT_TRANSLATE_NOOP("ScanMessages", "{width} × {height} pixels, over the {limit}-pixel limit"),
    QT_TRANSLATE_NOOP("ScanMessages", "the image is over the {limit}-pixel limit"),
    # reasons for unit and up-axis guesses (assets/inspection.py, orientation.py; TemplatedText) and import warnings
    QT_TRANSLATE_NOOP("ScanMessages", "glTF is Y-up by specification."),
    QT_TRANSLATE_NOOP("ScanMessages", "OBJ exporters usually write Y-up"),
    QT_TRANSLATE_NOOP("ScanMessages", "scanner software usually writes {format} Z-up"),
    QT_TRANSLATE_NOOP("ScanMessages", "Too few points to find a base; {convention}."),
    QT_TRANSLATE_NOOP("ScanMessages", "No stable pose on a clear flat or open base was found; {convention}."),
    QT_TRANSLATE_NOOP("ScanMessages", "an open base"),
    QT_TRANSLATE_NOOP("ScanMessages", "a flat base"),
    QT_TRANSLATE_NOOP("ScanMessages", "a cut base"),
    QT_TRANSLATE_NOOP("ScanMessages", "a broad footprint"),
    QT_TRANSLATE_NOOP("ScanMessages", "The scan stands stably on {base} at its lowest {axis} ({up} up: {support} of its footprint touches, {flat} of that flat or open, {cut} of it within 2 % of the floor)."),
    QT_TRANSLATE_NOOP("ScanMessages", "glTF stores metres by specification (largest side {size} m)."),
    QT_TRANSLATE_NOOP("ScanMessages", "The largest side is {size} units; read as millimetres that is a {metres} m object."),
    QT_TRANSLATE_NOOP("ScanMessages", "The largest side is {size} units; read as centimetres that is a {metres} m object."),
    QT_TRANSLATE_NOOP("ScanMessages", "The largest side is {size} units, a plausible object size in metres."),
    QT_TRANSLATE_NOOP("ScanMessages", "The largest side is {size} units: this looks like normalised data (or an object of several metres); there is no clue to the real size."),
    QT_TRANSLATE_NOOP("ScanMessages", "The largest side is {size} units, implausible for an artifact in any usual unit."),
    QT_TRANSLATE_NOOP("ScanMessages", "{file}: units could not be guessed ({reason}); metres assumed — correct them in the Inspector or with --units"),
    QT_TRANSLATE_NOOP("ScanMessages", "{file}: this scan is already in the project; a new artifact reuses it"),
    # a simplified import (app/workflows/project_import.py)
    QT_TRANSLATE_NOOP("ScanMessages", "{file}: {before} faces simplified to {after} on import; the original file is kept unchanged in the project"),
    # inspection problems (assets/inspection.py)
    QT_TRANSLATE_NOOP("ScanMessages", "{count} vertices have NaN or infinite coordinates"),
    QT_TRANSLATE_NOOP("ScanMessages", "{count} face indices point outside the vertices"),
    QT_TRANSLATE_NOOP("ScanMessages", "{count} faces is more than the {limit} a prepared mesh may have; it will be simplified"),
    QT_TRANSLATE_NOOP("ScanMessages", "{count} points is more than {limit}; it will be subsampled"),
    QT_TRANSLATE_NOOP("ScanMessages", "{holes} holes or open borders ({edges} boundary edges)"),
    QT_TRANSLATE_NOOP("ScanMessages", "{count} edges are shared by more than two faces"),
    QT_TRANSLATE_NOOP("ScanMessages", "{count} faces have no area"),
    QT_TRANSLATE_NOOP("ScanMessages", "{count} faces are duplicates"),
    QT_TRANSLATE_NOOP("ScanMessages", "the mesh has {count} separate pieces"),
    # unusual files (corpus): scan_references.py, gltf_primitives.py, ply_texcoords.py
    QT_TRANSLATE_NOOP("ScanMessages", "refers to {uri}, which is not a file beside the scan; only files in the scan's folder are read"),
    QT_TRANSLATE_NOOP("ScanMessages", "refers to {uri}, which is outside the scan's folder; only files in the scan's folder are read"),
    QT_TRANSLATE_NOOP("ScanMessages", "texture {name} is outside the scan's folder and is not read; a placeholder checker texture is used"),
    QT_TRANSLATE_NOOP("ScanMessages", "a sparse accessor's data lies past the end of its bufferView"),
    QT_TRANSLATE_NOOP("ScanMessages", "a sparse accessor changes elements outside its {count} elements"),
    QT_TRANSLATE_NOOP("ScanMessages", "a meshoptimizer-compressed bufferView is malformed"),
    QT_TRANSLATE_NOOP("ScanMessages", "the meshoptimizer-compressed data could not be decoded (error {code})"),
    # end unusual files
)

EXPORT_TEMPLATES = (
    # export summary lines and warnings (exporters/export_messages.py ExportMessage)
    QT_TRANSLATE_NOOP("ExportMessages", "{name}: {levels} (finest: {size}, {texture}; limit {limit} by {source}); {mark}"),
    QT_TRANSLATE_NOOP("ExportMessages", "{count} points"),
    QT_TRANSLATE_NOOP("ExportMessages", "{count} faces"),
    QT_TRANSLATE_NOOP("ExportMessages", "textures up to {size} px"),
    QT_TRANSLATE_NOOP("ExportMessages", "no texture"),
    QT_TRANSLATE_NOOP("ExportMessages", "marked for {recipient}"),
    QT_TRANSLATE_NOOP("ExportMessages", "marked for (no recipient named)"),
    QT_TRANSLATE_NOOP("ExportMessages", "NOT marked"),
    QT_TRANSLATE_NOOP("ExportMessages", "scan '{name}' has none of the levels {levels}; exported its coarsest level instead"),
    QT_TRANSLATE_NOOP("ExportMessages", "index.template.html: placeholders left empty: {names}"),
    QT_TRANSLATE_NOOP("ExportMessages", "fonts: no font for the {script} script; install the Debian package {package} (kiosks without internet may show boxes)"),
    QT_TRANSLATE_NOOP("ExportMessages", "fonts: {font} has no glyph for {count} {script} character(s): {chars}"),
    QT_TRANSLATE_NOOP("ExportMessages", "fonts: index.html has no viewer.css link; fonts.css is not linked"),
    QT_TRANSLATE_NOOP("ExportMessages", "{name}: no USDZ for AR Quick Look (a point cloud)"),
    QT_TRANSLATE_NOOP("ExportMessages", "{file}: no USDZ for AR Quick Look ({reason})"),
    # what the Voyager scene leaves out (exporters/standards/svx_scene.py)
    QT_TRANSLATE_NOOP("ExportMessages", "annotation audio (Voyager's audio needs its own clip list)"),
    QT_TRANSLATE_NOOP("ExportMessages", "tour steps' annotations (a Voyager tour step is a camera move)"),
    QT_TRANSLATE_NOOP("ExportMessages", "tour narration audio"),
    QT_TRANSLATE_NOOP("ExportMessages", "plinths (Voyager has no display furniture)"),
    QT_TRANSLATE_NOOP("ExportMessages", "Voyager has no Chinese"),
    QT_TRANSLATE_NOOP("ExportMessages", "Voyager's languages are {languages}, one text each"),
    QT_TRANSLATE_NOOP("ExportMessages", "{file} leaves out: {language} texts ({why})"),
    QT_TRANSLATE_NOOP("ExportMessages", "{file} leaves out: {what}"),
)

WORDS = (
    QT_TRANSLATE_NOOP("MessageWords", "untitled"),
    QT_TRANSLATE_NOOP("MessageWords", "original"),
    QT_TRANSLATE_NOOP("MessageWords", "high"),
    QT_TRANSLATE_NOOP("MessageWords", "medium"),
    QT_TRANSLATE_NOOP("MessageWords", "low"),
    QT_TRANSLATE_NOOP("MessageWords", "thumbnail"),
    QT_TRANSLATE_NOOP("MessageWords", "a JPEG image"),
    QT_TRANSLATE_NOOP("MessageWords", "a PNG image"),
    QT_TRANSLATE_NOOP("MessageWords", "a GIF image"),
    QT_TRANSLATE_NOOP("MessageWords", "a ZIP archive"),
    QT_TRANSLATE_NOOP("MessageWords", "a PDF document"),
    QT_TRANSLATE_NOOP("MessageWords", "a gzip archive"),
    QT_TRANSLATE_NOOP("MessageWords", "a RAR archive"),
    QT_TRANSLATE_NOOP("MessageWords", "a 7-Zip archive"),
    QT_TRANSLATE_NOOP("MessageWords", "a GLB (binary glTF) file"),
    QT_TRANSLATE_NOOP("MessageWords", "a PLY file"),
    QT_TRANSLATE_NOOP("MessageWords", "a RIFF (WAV/WebP/AVI) file"),
    QT_TRANSLATE_NOOP("MessageWords", "a TIFF image"),
    # what a refused glTF extension compresses (assets/formats/gltf_loading.py _REFUSED)
    QT_TRANSLATE_NOOP("MessageWords", "meshoptimizer-compressed buffers"),
    QT_TRANSLATE_NOOP("MessageWords", "KTX2/Basis textures"),
    QT_TRANSLATE_NOOP("MessageWords", "WebP-only textures"),
    QT_TRANSLATE_NOOP("MessageWords", "AVIF-only textures"),
    QT_TRANSLATE_NOOP("MessageWords", ", "),  # between level names in an export line
    # why a level limit applies (exporters/publication/policy.py ArtifactPolicy.source)
    QT_TRANSLATE_NOOP("MessageWords", "rights"),
    QT_TRANSLATE_NOOP("MessageWords", "curator"),
    QT_TRANSLATE_NOOP("MessageWords", "export"),
)


def word(text: str) -> str:
    """A word that arrives inside a message (a level name, a kind of file) in the UI's language."""
    return QCoreApplication.translate("MessageWords", text)


def level_name(level: str) -> str:
    """'original', 'high', … 'thumbnail' in the UI's language."""
    return word(level)


# arguments that are Vitrine's own words (not the curator's text, which stays as typed)
WORD_ARGS = ("level", "what")


def fill(template: str, args: Mapping[str, Any]) -> str:
    """``template`` with each {name} replaced by its argument; Vitrine's own words among
    them (level names, kinds of file, 'untitled') in the UI's language."""
    return template.format(**{k: word(str(v)) if k in WORD_ARGS or v == "untitled" else str(v)
                              for k, v in args.items()})


def translate_message(context: str, template: str, args: Mapping[str, Any] | Iterable[tuple[str, Any]],
                      english: str) -> str:
    """The message in the UI's language; ``english`` when there is no usable template."""
    if not template:
        return english
    values = dict(args)
    try:
        return fill(QCoreApplication.translate(context, template), values)
    except (KeyError, IndexError, ValueError):  # a translation naming a placeholder the message lacks
        return english


def problem_text(problem: Any) -> str:
    """A scenes Problem (``template``, ``args``, ``message``) in the UI's language."""
    return translate_message("Problems", getattr(problem, "template", ""), getattr(problem, "args", ()),
                             problem.message)


def scan_problem_text(problem: Mapping[str, Any]) -> str:
    """A scan inspection problem (a dict from ``Problem.as_dict``) in the UI's language."""
    return translate_message("ScanMessages", problem.get("template", ""), problem.get("args", {}),
                             str(problem.get("message", "")))


def scan_error_text(exc: BaseException) -> str:
    """A ScanError's one line, ``<file>: <cause>``, with the cause in the UI's language."""
    cause = translate_message("ScanMessages", getattr(exc, "template", ""), getattr(exc, "template_args", {}),
                              getattr(exc, "cause", str(exc)))
    path = getattr(exc, "path", None)
    return f"{path.name}: {cause}" if path is not None else cause


# arguments of templated lines that are Vitrine's words: a level, why a limit applies, a unit
TEXT_WORD_ARGS = ("limit", "source")


def templated_text(line: str, context: str) -> str:
    """A TemplatedText (a str with ``template`` and ``args``, assets/templated_text.py; the
    exporter's ExportMessage) in the UI's language, the phrases inside it too, its template
    looked up in ``context``; any other line as it was written."""
    template = getattr(line, "template", "")
    if not template:
        return str(line)
    values = {}
    for key, value in getattr(line, "args", {}).items():
        if getattr(value, "template", ""):
            values[key] = templated_text(value, context)
        elif key == "levels":
            values[key] = QCoreApplication.translate("MessageWords", ", ").join(
                word(level) for level in str(value).split(", "))
        else:
            values[key] = word(str(value)) if key in TEXT_WORD_ARGS else str(value)
    try:
        return QCoreApplication.translate(context, template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming a placeholder the line lacks
        return str(line)


def export_message_text(line: str) -> str:
    """An export warning or summary line (exporters/export_messages.py) in the UI's language."""
    return templated_text(line, "ExportMessages")


def scan_reason_text(line: str) -> str:
    """A scan report's reason (unit or up-axis guess, assets/inspection.py) in the UI's language."""
    return templated_text(line, "ScanMessages")
