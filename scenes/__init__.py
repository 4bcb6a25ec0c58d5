"""The exhibit document: model, commands with undo/redo, and the project file format.

Imports no Qt, no OpenGL and nothing from ``assets``, ``exporters`` or ``app``.
"""
