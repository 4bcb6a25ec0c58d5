"""The Vitrine editor (Qt) and command-line interface.

The only package that imports Qt, pyqtgraph or OpenGL, grouped in rooms:
``cli/`` (the command line; no Qt at import time), ``workflows/`` (Qt-free work shared by the
CLI and the editor), ``window/``, ``panels/``, ``dialogs/``, ``visitor/`` and ``viewport/``.
"""
