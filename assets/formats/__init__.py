"""Reading and writing scan files: PLY, OBJ/STL via trimesh, glTF and GLB."""
