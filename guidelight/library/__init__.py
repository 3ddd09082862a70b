"""Course library storage on SQLite: courses, documents, positions, bookmarks, corrections."""
