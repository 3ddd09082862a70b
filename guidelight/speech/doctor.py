"""The voice doctor: which languages can be spoken, and what to install when Thai is missing.

Thai is the weak point. espeak-ng's Thai voice has no tones. On Windows the good Thai
voice, Microsoft Pattara, is a OneCore voice: SAPI5 (and so pyttsx3) cannot see it, but
Guide Light's OneCore engine uses it directly, so the advice is only how to install it,
online or, for labs, offline; never a registry edit. The report says so in plain words
a blind student can follow. The app speaks the same report through its speaker.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from guidelight.core.model import Lang
from guidelight.speech.backend import SpeechBackend, SpeechUnavailable, VoiceInfo, voice_for
from guidelight.speech.onecore_backend import WINRT_PACKAGES
from guidelight.speech.speaker import EventKind, Speaker, SpeechEvent, Utterance

TEST_PHRASES = {Lang.THAI: "สวัสดีครับ นี่คือเสียงภาษาไทย", Lang.ENGLISH: "This is the English voice."}

WINDOWS_THAI_ADVICE = (
    "To add the Thai voice on Windows: open Settings, Time and language, Speech; under Manage voices "
    "choose Add voices, pick Thai, and install it. This installs Microsoft Pattara, a Windows OneCore "
    "voice, which Guide Light uses directly: nothing else to change. Then restart Guide Light."
)
WINDOWS_OFFLINE_ADVICE = (
    "On lab computers without internet, an administrator can install it from the Languages and Optional "
    "Features ISO of the same Windows version, mounted for example as drive D: "
    "DISM /Online /Add-Capability /CapabilityName:Language.TextToSpeech~~~th-TH~0.0.1.0 "
    "/Source:D:\\LanguagesAndOptionalFeatures /LimitAccess "
    "(or in PowerShell: Add-WindowsCapability -Online -Name Language.TextToSpeech~~~th-TH~0.0.1.0 "
    "-Source D:\\LanguagesAndOptionalFeatures -LimitAccess)."
)
LINUX_ADVICE = "Install espeak-ng, which has Thai and English voices: sudo apt install espeak-ng."
MAC_ADVICE = (
    "Open System Settings, Accessibility, Spoken Content, System voice, Manage voices, "
    "and download the Thai voice Kanya."
)


@dataclass(frozen=True)
class LanguageCheck:
    lang: Lang
    voice: VoiceInfo | None
    note: str  # a plain sentence: what was found, or what to do


@dataclass(frozen=True)
class VoiceReport:
    engine: str
    checks: tuple[LanguageCheck, ...]
    problem: str = ""  # set when the engine itself could not be started

    @property
    def ok(self) -> bool:
        return not self.problem and all(c.voice is not None for c in self.checks)

    @property
    def usable(self) -> bool:
        return not self.problem and any(c.voice is not None for c in self.checks)

    def text(self) -> str:
        lines = [f"Speech engine: {self.engine}."]
        if self.problem:
            lines.append(self.problem)
        lines += [check.note for check in self.checks]
        return "\n".join(lines)


ONECORE_TOKENS = r"SOFTWARE\Microsoft\Speech_OneCore\Voices\Tokens"


def onecore_thai_voices() -> list[str]:
    """Thai OneCore voices installed on Windows, e.g. ["MSTTS_V110_thTH_Pattara"], read from the
    registry (only read): to tell "not installed" from "installed, but not reachable"."""
    if sys.platform != "win32":
        return []
    import winreg

    found = []
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, ONECORE_TOKENS) as tokens:
            for i in range(winreg.QueryInfoKey(tokens)[0]):
                name = winreg.EnumKey(tokens, i)
                if "thth" in name.lower():
                    found.append(name)
    except OSError:
        return []
    return found


def _install_advice(platform: str, onecore: list[str] | None = None) -> str:
    if platform.startswith("linux"):
        return LINUX_ADVICE
    if platform == "win32":
        if onecore:  # installed, yet not listed: this copy of Guide Light cannot reach OneCore voices
            return (
                f"The Thai voice {onecore[0]} is installed, but this copy of Guide Light cannot use Windows "
                "OneCore voices: its PyWinRT packages are missing. Install Guide Light with its Windows "
                f"installer, which includes them, or run: pip install {WINRT_PACKAGES}"
            )
        return f"{WINDOWS_THAI_ADVICE} {WINDOWS_OFFLINE_ADVICE}"
    return MAC_ADVICE


def check_voices(
    backend: SpeechBackend,
    platform: str = sys.platform,
    onecore: Callable[[], list[str]] = onecore_thai_voices,
) -> VoiceReport:
    """Which of Thai and English have a voice, with advice in plain words for what is missing."""
    try:
        voices = backend.voices()
    except SpeechUnavailable as exc:
        return VoiceReport(backend.name, (), problem=f"No speech engine works: {exc}. {_install_advice(platform)}")
    checks = []
    for lang, name in ((Lang.THAI, "Thai"), (Lang.ENGLISH, "English")):
        voice = voice_for(voices, lang.value)
        if voice is None:
            needed = lang is Lang.THAI or platform.startswith("linux")
            advice = _install_advice(platform, onecore() if lang is Lang.THAI else None) if needed else ""
            note = f"{name}: no voice installed. {advice}".strip()
        elif lang is Lang.THAI and "espeak" in backend_description(backend, voice):
            note = (
                f"Thai: {voice.name} ({voice.id}). It is espeak-ng's Thai voice: understandable, "
                "but it has no tones. For Thai with its tones, install the Piper voice th_TH-tsync2-medium "
                "(guidelight voices install; see docs/speech.md)."
            )
        else:
            note = f"{name}: {voice.name} ({voice.id})."
        checks.append(LanguageCheck(lang, voice, note))
    engines = sorted({v.engine for v in voices if v.engine})
    driver = ", ".join(engines) if engines else getattr(backend, "driver", "")
    return VoiceReport(f"{backend.name} ({driver})" if driver else backend.name, tuple(checks))


def backend_description(backend: SpeechBackend, voice: VoiceInfo) -> str:
    """The engine behind a voice, lower case ("espeak", "sapi5"...), for quality notes; over several
    engines, that of the voice's own engine (Pattara is not espeak-ng's because espeak-ng is there too)."""
    driver = voice.engine or getattr(backend, "driver", "")
    return f"{driver} {voice.id}".lower()


def speak_test_phrases(speaker: Speaker, report: VoiceReport, timeout: float = 30.0) -> str:
    """Speak one phrase per language that has a voice (then close the speaker); return problems or ""."""
    done = threading.Event()
    problems: list[str] = []

    def handle(event: SpeechEvent) -> None:
        if event.kind is EventKind.ERROR:
            problems.append(event.message)
        elif event.kind is EventKind.DONE:
            done.set()

    phrases = [Utterance(TEST_PHRASES[c.lang]) for c in report.checks if c.voice is not None]
    try:
        speaker.speak(phrases, handle)
        done.wait(timeout)
    finally:
        speaker.close()
    return " ".join(problems)
