#!/usr/bin/python3
"""Run the real Orca (Debian's) with its speech written to a file instead of a synthesizer.

Run with Debian's /usr/bin/python3 inside the private session of ``test_orca_journey.py``.
Orca 43's ``speech`` module logs every utterance ("SPEECH OUTPUT: '...'") through the
Python logger named "speech" and, with no speech server factory, sends it nowhere else,
as in Orca's own regression harness (GNOME/orca, test/harness at ORCA_43_1). Each line
of SPEECH_FILE is "UNIX_SECONDS TEXT", so the test can put Orca's speech and Guide
Light's speech log on one time line. The settings keep Orca quiet about keys (no key
echo) and braille off, so what it says comes from the app's events.

Usage: orca_listener.py SPEECH_FILE PREFS_DIR
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys

sys.path.insert(1, "/usr/lib/python3/dist-packages")

QUIET = {
    "enableBraille": False, "enableBrailleMonitor": False, "enableTutorialMessages": False,
    "enableSound": False, "enableEchoByCharacter": False, "enableEchoByWord": False,
    "enableKeyEcho": False, "enablePrintableKeys": False, "enableModifierKeys": False,
    "enableFunctionKeys": False, "enableActionKeys": False, "enableNavigationKeys": False,
    "enableDiacriticalKeys": False, "presentToolTips": False, "speechServerFactory": None,
    "speechFactoryModules": [], "orcaModifierKeys": ["Insert", "KP_Insert"],
    "startingProfile": ["Default", "default"], "activeProfile": ["Default", "default"],
}


class TimedSpeech(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.created:.3f} {record.getMessage()}"


def main() -> int:
    speech_file, prefs = sys.argv[1], sys.argv[2]
    os.makedirs(prefs, exist_ok=True)
    with open(os.path.join(prefs, "user-settings.conf"), "w") as conf:
        json.dump({"general": QUIET, "keybindings": {}, "pronunciations": {},
                   "profiles": {"default": {"profile": ["Default", "default"]}}}, conf)
    with open(os.path.join(prefs, "orca-customizations.py"), "w") as custom:
        custom.write("import orca.settings\norca.settings.asyncMode = False\n"
                     "orca.settings.speechServerFactory = None\norca.settings.speechFactoryModules = []\n")
    sys.argv = ["orca"]
    from orca import orca, settings  # the import makes Orca's "speech" logger

    handler = logging.FileHandler(speech_file, encoding="utf-8")
    handler.setFormatter(TimedSpeech())
    speech = logging.getLogger("speech")
    speech.setLevel(logging.INFO)
    speech.addHandler(handler)
    manager = orca.getSettingsManager()
    manager.activate(prefs, {})
    sys.path.insert(0, manager.getPrefsDir())
    settings.speechFactoryModules = []
    settings.speechServerFactory = None
    settings.enableBraille = False

    def end(*_: object) -> None:
        logging.shutdown()
        os._exit(0)

    signal.signal(signal.SIGTERM, end)
    return orca.main()


if __name__ == "__main__":
    sys.exit(main())
