"""The PySide6 desktop app: the only package allowed to import Qt."""
