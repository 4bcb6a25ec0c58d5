"""Undoable edits of the exhibit document: the command stack and the commands for each kind of object."""
