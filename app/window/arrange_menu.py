"""The Arrange menu: layouts of the selection (row, arc, grid, on a wall), align, distribute,
snap, lighting presets, the room and the start view. Each entry is one undo step.

With nothing selected, an arrangement applies to every artifact.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMenu

from vitrine.app.dialogs.error_messages import show_error
from vitrine.app.window.actions import _action, _menu

Window = Any


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class ArrangeSlots:
    """What the menu's actions do, on the window's current document and selection."""

    def __init__(self, window: Window) -> None:
        self.w = window

    def _ids(self) -> list[str]:
        doc = self.w.session.document
        chosen = [i for i in self.w.session.selection.ids if i in {a.id for a in doc.exhibit.artifacts}]
        return chosen or [a.id for a in doc.exhibit.artifacts]

    def run(self, build: Callable[[Any, list[str]], Any]) -> None:
        doc = self.w.session.document
        if doc is None or not doc.exhibit.artifacts:
            return
        try:
            command = build(doc, self._ids())
        except ValueError as exc:  # e.g. hanging on a wall without a room: one clear line
            show_error(self.w, _tr("Cannot arrange"), str(exc))
            return
        self.w.relay.push(command)

    def layout(self, key: str) -> None:
        from vitrine.app.workflows.arrangement import ARRANGE_COMMANDS
        self.run(ARRANGE_COMMANDS[key])

    def lighting(self, preset: str) -> None:
        from vitrine.app.workflows.arrangement import apply_lighting_preset
        doc = self.w.session.document
        if doc is not None:
            self.w.relay.push(apply_lighting_preset(doc, preset))

    def room(self) -> None:
        from vitrine.app.dialogs.room_dialog import RoomDialog
        from vitrine.scenes.editing.commands import SetProperty
        doc = self.w.session.document
        if doc is None:
            return
        room = RoomDialog.get_room(doc.exhibit.environment.room, self.w)
        if room is not None:
            self.w.relay.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"), room, label="Change Room"))

    def remove_room(self) -> None:
        from vitrine.scenes.editing.commands import SetProperty
        doc = self.w.session.document
        if doc is not None and doc.exhibit.environment.room is not None:
            self.w.relay.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"), None, label="Remove Room"))

    def use_view_as_start(self) -> None:
        """The camera as it is becomes the start view, set by hand (placement leaves it alone)."""
        from vitrine.scenes.editing.commands import CompositeCommand
        from vitrine.scenes.editing.exhibit_commands import SetStartViewpoint
        from vitrine.scenes.exhibit_model import Viewpoint
        from vitrine.scenes.editing.furniture_commands import AddViewpoint, UpdateViewpoint
        doc = self.w.session.document
        if doc is None:
            return
        cam = self.w.viewport.camera_state()
        macro = CompositeCommand("Set Start View")
        current = doc.find(doc.exhibit.start_viewpoint_id) if doc.exhibit.start_viewpoint_id else None
        if isinstance(current, Viewpoint):
            macro.add_and_run(doc, UpdateViewpoint(doc, current.id, cam["eye"], cam["target"], cam.get("up", (0, 1, 0)),
                                                   cam.get("fov")))
            vp_id = current.id
        else:
            vp = Viewpoint(name={lang: _tr("Start view") for lang in doc.exhibit.languages[:1]},
                           eye=cam["eye"], target=cam["target"], fov=cam.get("fov", 0.8))
            macro.add_and_run(doc, AddViewpoint(doc, vp))
            vp_id = vp.id
        macro.add_and_run(doc, SetStartViewpoint(doc, vp_id))
        self.w.relay.push(macro)

    def reframe_start(self) -> None:
        """Back to automatic: the start view frames every artifact now and after each placement."""
        from vitrine.app.workflows.placement import reframe_start_view
        from vitrine.scenes.editing.commands import CompositeCommand, SetProperty
        doc = self.w.session.document
        if doc is None:
            return
        macro = CompositeCommand("Reframe Start View")
        if doc.exhibit.start_view_manual:
            macro.add_and_run(doc, SetProperty(doc, doc.exhibit.id, ("start_view_manual",), False))
        reframe_start_view(doc, macro)
        self.w.relay.push(macro)


def create_arrange_menu(w: Window) -> QMenu:
    """Add the Arrange menu (before View) with its actions (``action_arrange_row``…)."""
    slots = ArrangeSlots(w)
    w.arrange_slots = slots
    menu = _menu(w.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Arrange"))
    w.menuBar().insertMenu(w.menu_view.menuAction(), menu)
    w.menu_arrange = menu

    def add(parent: QMenu, name: str, text: str, slot: Callable[[], None], shortcut: Optional[str] = None) -> None:
        parent.addAction(_action(w, name, text, lambda _checked=False: slot(), shortcut))

    add(menu, "action_arrange_row", QT_TRANSLATE_NOOP("MainWindow", "In a &Row"), lambda: slots.layout("row"))
    add(menu, "action_arrange_arc", QT_TRANSLATE_NOOP("MainWindow", "In an A&rc"), lambda: slots.layout("arc"))
    add(menu, "action_arrange_grid", QT_TRANSLATE_NOOP("MainWindow", "In a &Grid"), lambda: slots.layout("grid"))
    add(menu, "action_arrange_wall", QT_TRANSLATE_NOOP("MainWindow", "On the Back &Wall"), lambda: slots.layout("wall"))
    menu.addSeparator()
    align = _menu(menu, QT_TRANSLATE_NOOP("MainWindow", "A&lign"))
    for mode, text in (("left", QT_TRANSLATE_NOOP("MainWindow", "Left Edges")),
                       ("centre", QT_TRANSLATE_NOOP("MainWindow", "Centres")),
                       ("right", QT_TRANSLATE_NOOP("MainWindow", "Right Edges")),
                       ("front", QT_TRANSLATE_NOOP("MainWindow", "Front Edges")),
                       ("back", QT_TRANSLATE_NOOP("MainWindow", "Back Edges"))):
        add(align, f"action_align_{mode}", text, lambda m=mode: slots.layout(f"align_{m}"))
    add(menu, "action_distribute_x", QT_TRANSLATE_NOOP("MainWindow", "&Distribute Left to Right"),
        lambda: slots.layout("distribute_x"))
    add(menu, "action_distribute_z", QT_TRANSLATE_NOOP("MainWindow", "Distribute &Back to Front"),
        lambda: slots.layout("distribute_z"))
    menu.addSeparator()
    add(menu, "action_snap_support", QT_TRANSLATE_NOOP("MainWindow", "&Snap to Plinth or Floor"), lambda: slots.layout("snap"))
    add(menu, "action_snap_wall", QT_TRANSLATE_NOOP("MainWindow", "Snap to &Nearest Wall"), lambda: slots.layout("snap_wall"))
    menu.addSeparator()
    lighting = _menu(menu, QT_TRANSLATE_NOOP("MainWindow", "Lighting &Preset"))
    for preset, text in (("gallery", QT_TRANSLATE_NOOP("MainWindow", "Gallery (Warm Key and Fill)")),
                         ("raking", QT_TRANSLATE_NOOP("MainWindow", "Raking Light (Reliefs, Inscriptions)")),
                         ("spots", QT_TRANSLATE_NOOP("MainWindow", "A Spot per Artifact"))):
        add(lighting, f"action_lighting_{preset}", text, lambda p=preset: slots.lighting(p))
    add(menu, "action_room", QT_TRANSLATE_NOOP("MainWindow", "R&oom…"), slots.room)
    add(menu, "action_remove_room", QT_TRANSLATE_NOOP("MainWindow", "Remove Room"), slots.remove_room)
    menu.addSeparator()
    add(menu, "action_start_view_here", QT_TRANSLATE_NOOP("MainWindow", "Use Current View as Start View"),
        slots.use_view_as_start)
    add(menu, "action_start_view_auto", QT_TRANSLATE_NOOP("MainWindow", "Frame Start View Automatically"),
        slots.reframe_start)
    return menu
