"""The exhibit on disk: the versioned file format, migrations, atomic writes, safe paths, the project folder."""
