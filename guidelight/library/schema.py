"""Numbered migrations of the two library databases. Append, never edit a released one.

Migration N (1-based) brings ``user_version`` from N-1 to N. The catalog is what a
volunteer prepares and a pack carries; the user database is one student's reading state.
Reading state is keyed by content hash, not by catalog row, so it survives the PDF being
moved, the catalog being replaced, or the document never being in any course at all.
"""

from __future__ import annotations

CATALOG_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE courses (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE TABLE documents (
        content_hash TEXT PRIMARY KEY,
        course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        source_path TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        page_count INTEGER NOT NULL CHECK (page_count >= 0),
        state TEXT NOT NULL CHECK (state IN ('ready', 'no_text')),
        added_at REAL NOT NULL
    );
    CREATE INDEX documents_course ON documents(course_id);
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL REFERENCES documents(content_hash) ON DELETE CASCADE,
        page INTEGER NOT NULL CHECK (page >= 1),
        paragraph INTEGER NOT NULL CHECK (paragraph >= -1),
        anchor TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('text', 'heading', 'furniture', 'figure')),
        text TEXT NOT NULL DEFAULT '',
        level INTEGER NOT NULL DEFAULT 0,
        author TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL
    );
    CREATE INDEX corrections_page ON corrections(content_hash, page);
    CREATE TABLE pronunciations (
        course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        written TEXT NOT NULL,
        spoken TEXT NOT NULL,
        PRIMARY KEY (course_id, written)
    );
    """,
)

USER_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE positions (
        user TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        page INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        updated_at REAL NOT NULL,
        PRIMARY KEY (user, content_hash)
    ) WITHOUT ROWID;
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        user TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        page INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL
    );
    CREATE INDEX bookmarks_doc ON bookmarks(user, content_hash);
    CREATE TABLE recent (
        user TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        page_count INTEGER NOT NULL,
        opened_at REAL NOT NULL,
        PRIMARY KEY (user, content_hash)
    );
    CREATE INDEX recent_opened ON recent(user, opened_at);
    """,
)
