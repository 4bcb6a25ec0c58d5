"""Commands on the exhibit as a whole: text per language, languages, rights, environment."""
from __future__ import annotations

from typing import Any, Optional

from vitrine.scenes.editing.commands import CompositeCommand, SetProperty
from vitrine.scenes.document import DELETE, ExhibitDocument
from vitrine.scenes.exhibit_model import Background, Floor, Rights


class EditExhibitText(SetProperty):
    """Set the exhibit's ``title`` or ``description`` in one language ('' removes it)."""

    label = "Edit Exhibit Text"

    def __init__(self, doc: ExhibitDocument, field: str, language: str, text: str) -> None:
        if field not in ("title", "description"):
            raise ValueError(f"not a localised exhibit field: {field}")
        super().__init__(doc, doc.exhibit.id, (field, language), text if text else DELETE)


class SetExhibitField(SetProperty):
    """Set ``institution`` or ``credits``."""

    label = "Edit Exhibit Details"

    def __init__(self, doc: ExhibitDocument, field: str, value: str) -> None:
        if field not in ("institution", "credits"):
            raise ValueError(f"not an exhibit text field: {field}")
        super().__init__(doc, doc.exhibit.id, (field,), value)


class SetLanguages(SetProperty):
    """Set the exhibit's languages (BCP-47 tags, the default first)."""

    label = "Set Languages"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, languages: list[str]) -> None:
        if not languages or len(set(languages)) != len(languages):
            raise ValueError("languages must be a non-empty list without repeats")
        super().__init__(doc, doc.exhibit.id, ("languages",), list(languages))


class EditExhibitRights(SetProperty):
    label = "Edit Exhibit Rights"

    def __init__(self, doc: ExhibitDocument, rights: Rights) -> None:
        super().__init__(doc, doc.exhibit.id, ("rights",), rights)


class SetBackground(SetProperty):
    label = "Change Background"

    def __init__(self, doc: ExhibitDocument, background: Background) -> None:
        super().__init__(doc, doc.exhibit.id, ("environment", "background"), background)


class SetFloor(SetProperty):
    label = "Change Floor"

    def __init__(self, doc: ExhibitDocument, floor: Floor) -> None:
        super().__init__(doc, doc.exhibit.id, ("environment", "floor"), floor)


class SetStartViewpoint(CompositeCommand):
    """Choose the start view by hand: from now on placing artifacts leaves it alone
    (``start_view_manual``); choosing none lets placement frame one again."""

    def __init__(self, doc: ExhibitDocument, viewpoint_id: Optional[str]) -> None:
        super().__init__("Set Start View", [
            SetProperty(doc, doc.exhibit.id, ("start_viewpoint_id",), viewpoint_id),
            SetProperty(doc, doc.exhibit.id, ("start_view_manual",), viewpoint_id is not None)])


class SetClassifications(SetProperty):
    """Replace the museum's controlled list of classifications."""

    label = "Edit Classifications"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, values: list[str]) -> None:
        super().__init__(doc, doc.exhibit.id, ("classifications",), list(values))


def rename_label(kind: str) -> str:
    return f"Rename {kind.replace('_', ' ').title()}"


class RenameObject(SetProperty):
    """Rename an artifact, plinth or light (plain ``name``)."""

    label = "Rename"

    def __init__(self, doc: ExhibitDocument, obj_id: str, name: str) -> None:
        obj: Any = doc.get(obj_id)
        if not isinstance(getattr(obj, "name", None), str):
            raise ValueError(f"{obj_id} has no plain name")
        super().__init__(doc, obj_id, ("name",), name, label=rename_label(doc.kind(obj)))
