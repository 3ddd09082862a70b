"""App tests run on Qt's offscreen platform unless a display is asked for."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
