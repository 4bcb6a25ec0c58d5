"""Showing curator text literally in Qt, which guesses rich text from what a string looks like."""
from __future__ import annotations

from PySide6.QtGui import Qt as GuiQt


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally. Qt renders a tooltip as rich text whenever it
    looks like markup, so a title such as '<img src=x>' would load an image (any local file)
    instead of showing the characters: such text is escaped into a paragraph of HTML."""
    if not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpacePre)
