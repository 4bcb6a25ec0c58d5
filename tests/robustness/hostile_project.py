"""A project whose every curator-editable string is a hostile payload."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from vitrine.scenes.exhibit_model import Annotation, MediaImage, Rights
from vitrine.scenes.storage.project_store import Project
from tests.exporters.conftest import make_project

from .hostile_payloads import LONG, PAYLOADS


def fill_with_payloads(project: Project, tmp: Path, payloads: list[str] = PAYLOADS) -> None:
    """Put payloads in titles, bodies, descriptions, credits, institution, records, rights,
    artifact names and media file names (one annotation per payload, so each is opened)."""
    ex = project.document.exhibit
    p = payloads
    ex.title = {"en": p[12], "zh-Hans": p[25]}
    ex.description = {"en": p[10], "zh-Hans": LONG}
    ex.credits, ex.institution = p[0] + p[29], p[25] + p[2]
    ex.rights = Rights(statement_uri=p[6], holder=p[3], attribution=p[20])
    for n, art in enumerate(ex.artifacts):
        art.name = p[(n * 7 + 1) % len(p)]
        rec = art.record
        rec.title = {"en": p[(n + 4) % len(p)], "zh-Hans": p[(n + 33) % len(p)]}
        rec.maker, rec.date, rec.dimensions_catalogued = p[(n + 13) % len(p)], p[(n + 23) % len(p)], p[(n + 30) % len(p)]
        rec.institution, rec.credit_line, rec.uri = p[(n + 16) % len(p)], p[(n + 17) % len(p)], p[7]
        rec.materials = [p[(n + 18) % len(p)], p[(n + 19) % len(p)]]
        rec.description = {"en": p[(n + 21) % len(p)]}
        art.rights.object = Rights(statement_uri=p[8], holder=p[14], attribution=p[15])
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buf, "PNG")
    src = tmp / "<img src=x onerror=alert(1)> & 'q'.png"
    src.write_bytes(buf.getvalue())
    media = project.store_media_file(src)
    first = ex.annotations[0]
    first.title, first.body = {"en": p[2], "zh-Hans": p[33]}, {"en": p[0], "zh-Hans": LONG}
    first.image = MediaImage(file=media, alt={"en": p[11]}, credit=p[5], rights=Rights(statement_uri=p[19], holder=p[22]))
    for i, text in enumerate(p):
        ex.annotations.append(Annotation(artifact_id=ex.artifacts[i % len(ex.artifacts)].id, point=(0.0, 0.1, 0.0),
                                         title={"en": text, "zh-Hans": p[(i + 1) % len(p)]},
                                         body={"en": p[(i + 2) % len(p)], "zh-Hans": text},
                                         rights=Rights(holder=text)))
    ex.tours[0].title = {"en": p[4]}
    ex.tours[0].steps[0].narration = {"en": p[1], "zh-Hans": p[24]}


def hostile_project(root: Path, payloads: list[str] = PAYLOADS) -> Project:
    project = make_project(root)
    fill_with_payloads(project, root, payloads)
    project.save()
    return project
