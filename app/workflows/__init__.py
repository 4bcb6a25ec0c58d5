"""Qt-free workflows shared by the editor and the CLI: importing a scan into a project,
writing the sample exhibit, building edit commands, the editor's session state.

Nothing here imports Qt, OpenGL or pyqtgraph, nor any other part of ``app/`` (checked by
tests/test_dependency_direction.py), so the CLI runs them on a machine without a display.
"""
