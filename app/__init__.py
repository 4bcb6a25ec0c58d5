"""The Vitrine editor (Qt) and command-line interface.

The only package that imports Qt, pyqtgraph or OpenGL. Modules used by the CLI's
headless commands (``cli*.py``, ``project_import.py``, ``sample_exhibit.py``)
import Qt lazily, so IT staff can batch-export on a machine without a display.
"""
