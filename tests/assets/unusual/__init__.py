"""A corpus of small scan files as other museums' software writes them (valid but unusual) and as
accidents and attackers leave them (invalid); the cases are listed in ``corpus.py``, their writers
live in one module per format (``ply_files``, ``obj_files``, ``stl_files``, ``gltf_files``,
``meshopt_files``) and ``hostile_files`` (escaping paths, special files, NaN, lying counts)."""
