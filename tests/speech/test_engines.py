"""MultiBackend: several engines offered to the speaker as one."""

from __future__ import annotations

import pytest

from guidelight.speech.backend import SpeechUnavailable, VoiceInfo, VoiceSettings
from guidelight.speech.engines import MultiBackend
from guidelight.speech.onecore_backend import OneCoreBackend

from .conftest import ToneBackend
from .fake_winrt import PATTARA, FakeOneCore


def test_multi_backend_lists_all_voices_and_synthesizes_with_the_owner() -> None:
    fake = FakeOneCore()
    sapi = ToneBackend(voices=[VoiceInfo("sapi-zira", "Zira", ("en-us",)), VoiceInfo("sapi-x", "X", ("fr",))])
    multi = MultiBackend([OneCoreBackend(lambda: fake), sapi])
    assert [v.id for v in multi.voices()] == ["onecore:en-US:David", "onecore:th-TH:Pattara", "sapi-zira", "sapi-x"]
    assert multi.driver == "onecore + tone" and multi.name == "onecore + tone"
    multi.synthesize("bonjour", VoiceSettings("sapi-x"))
    assert [c[0] for c in sapi.calls] == ["bonjour"] and not fake.sent
    multi.synthesize("สวัสดี", VoiceSettings("onecore:th-TH:Pattara"))
    assert fake.sent[-1].voice_id == PATTARA.id


class _NoEngine(ToneBackend):
    """Like pyttsx3 with no engine installed: listing voices and naming the driver both fail."""

    @property
    def driver(self) -> str:
        raise SpeechUnavailable("could not load libespeak-ng.so")

    def voices(self) -> list[VoiceInfo]:
        raise SpeechUnavailable("could not load libespeak-ng.so")


def _no_winrt() -> FakeOneCore:
    raise SpeechUnavailable("Windows OneCore speech needs the PyWinRT packages")


def test_multi_backend_skips_a_broken_engine_unless_all_are() -> None:
    multi = MultiBackend([OneCoreBackend(_no_winrt), ToneBackend()])
    assert [v.id for v in multi.voices()] == ["th-voice", "en-voice"]
    assert multi.engine_for("onecore:th-TH:Pattara").name == "tone"
    with pytest.raises(SpeechUnavailable, match="PyWinRT"):
        MultiBackend([OneCoreBackend(_no_winrt), _NoEngine()]).voices()
    assert MultiBackend([_NoEngine(), OneCoreBackend(FakeOneCore)]).driver == "tone + onecore"
