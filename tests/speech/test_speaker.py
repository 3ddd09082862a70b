"""The Speaker: events follow the audio, stop and skip cut it, failures become messages."""

from __future__ import annotations

import array
import time
from collections.abc import Callable

import pytest

from guidelight.speech.backend import VoiceInfo
from guidelight.speech.sink import RecordingSink
from guidelight.speech.speaker import EventKind, Speaker, SpeechEvent, Utterance

from .conftest import RATE, Events, ToneBackend

PAGE = "ความขาดแคลน (Scarcity) คือปัญหาพื้นฐาน ทางเศรษฐศาสตร์ Demand and supply meet."


def utterances() -> list[Utterance]:
    first_end = PAGE.index(" Demand")
    return [Utterance(PAGE[:first_end], 3, 0), Utterance(PAGE[first_end + 1 :], 3, first_end + 1)]


def test_events_map_to_sentences_and_words_in_order(events: Events) -> None:
    speaker = Speaker(backend=ToneBackend(), sink=RecordingSink())
    speaker.speak(utterances(), events)
    assert events.done.wait(10)
    speaker.close()
    kinds = [e.kind for _, e in events.items]
    assert kinds[0] is EventKind.UTTERANCE_START and kinds[-1] is EventKind.DONE
    starts = events.of(EventKind.UTTERANCE_START)
    assert [(e.offset, e.length) for e in starts] == [(u.start, len(u.text)) for u in utterances()]
    words = [PAGE[e.offset : e.offset + e.length] for e in events.of(EventKind.WORD)]
    assert words[:3] == ["ความขาดแคลน", "Scarcity", "คือ"]
    assert words[-4:] == ["Demand", "and", "supply", "meet"]
    offsets = [e.offset for e in events.of(EventKind.WORD)]
    assert offsets == sorted(offsets)
    # each word event belongs to the sentence being heard
    current = None
    for _, event in events.items:
        if event.kind is EventKind.UTTERANCE_START:
            current = event.utterance
        elif event.kind is EventKind.WORD:
            assert current is not None and event.utterance == current
            assert current.start <= event.offset < current.start + len(current.text)


def test_mixed_text_goes_to_voices_of_its_language() -> None:
    backend = ToneBackend()
    speaker = Speaker(backend=backend, sink=RecordingSink())
    done = Events()
    speaker.speak([Utterance("ความขาดแคลน (Scarcity) คือ")], done)
    assert done.done.wait(10)
    speaker.close()
    assert [(text.strip(), s.voice_id) for text, s in backend.calls] == [
        ("ความขาดแคลน (", "th-voice"),
        ("Scarcity)", "en-voice"),
        ("คือ", "th-voice"),
    ]


def test_events_fire_when_audio_is_heard_not_when_synthesized(events: Events) -> None:
    sink = RecordingSink(realtime=True)
    speaker = Speaker(backend=ToneBackend(seconds_per_char=0.004), sink=sink)
    begin = time.perf_counter()
    speaker.speak(utterances(), events)
    assert events.done.wait(10)
    speaker.close()
    first_audio = sum(len(c) for c in ("ความขาดแคลน (", "Scarcity) ", "คือปัญหาพื้นฐาน ทางเศรษฐศาสตร์")) * 0.004
    second_start = [t for t, e in events.items if e.kind is EventKind.UTTERANCE_START][1]
    assert second_start - begin >= 0.8 * first_audio
    heard = len(sink.pcm) / 2 / RATE
    assert events.items[-1][0] - begin >= 0.9 * heard


def test_stop_mid_sentence_cuts_audio_and_events(events: Events) -> None:
    sink = RecordingSink(realtime=True)
    speaker = Speaker(backend=ToneBackend(seconds_per_char=0.05), sink=sink)  # ~4 s of audio
    speaker.speak(utterances(), events)
    assert events.wait_for(lambda: len(events.of(EventKind.WORD)) >= 2)
    begin = time.perf_counter()
    speaker.stop()
    assert time.perf_counter() - begin < 0.05
    assert not speaker.speaking
    heard = sink.played_frames()
    count = len(events.items)
    time.sleep(0.3)
    assert sink.played_frames() == heard  # nothing more reached the ear
    assert len(events.items) == count  # and no stale event reached the app
    assert len(sink.pcm) / 2 / RATE < 2.0
    speaker.close()


def test_skip_to_next_sentence_mid_sentence(events: Events) -> None:
    sink = RecordingSink(realtime=True)
    speaker = Speaker(backend=ToneBackend(seconds_per_char=0.05), sink=sink)
    first, second = utterances()
    speaker.speak([first, second], events)
    assert events.wait_for(lambda: bool(events.of(EventKind.WORD)))
    skipped = Events()
    speaker.speak([second], skipped)  # "next sentence" key
    assert skipped.wait_for(lambda: bool(skipped.of(EventKind.WORD)))
    speaker.stop()
    assert skipped.of(EventKind.UTTERANCE_START)[0].utterance == second
    assert not [e for e in events.of(EventKind.UTTERANCE_START) if e.utterance == second]
    speaker.close()


def test_events_posted_before_stop_are_not_delivered_after_it() -> None:
    posted: list[Callable[[], None]] = []
    delivered: list[SpeechEvent] = []
    speaker = Speaker(backend=ToneBackend(), sink=RecordingSink(), post=posted.append)
    speaker.speak(utterances(), delivered.append)
    deadline = time.monotonic() + 5
    while len(posted) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    speaker.stop()
    for fn in list(posted):  # the GUI thread runs them only now
        fn()
    assert posted and not delivered
    speaker.close()


def test_volume_is_applied_live_to_the_pcm() -> None:
    sink = RecordingSink()
    speaker = Speaker(backend=ToneBackend(), sink=sink)
    speaker.set_volume(0.25)
    done = Events()
    speaker.speak([Utterance("hello world")], done)
    assert done.done.wait(10)
    speaker.close()
    assert max(array.array("h", sink.pcm)) == 2000


def test_rate_reaches_three_times_normal() -> None:
    backend = ToneBackend()
    speaker = Speaker(backend=backend, sink=RecordingSink())
    speaker.set_rate(525)
    assert speaker.rate == 525
    done = Events()
    speaker.speak([Utterance("hello")], done)
    assert done.done.wait(10)
    speaker.close()
    assert backend.calls[-1][1].rate == 525


def test_engine_failure_is_a_message_not_a_crash(events: Events) -> None:
    speaker = Speaker(backend=ToneBackend(fail="espeak-ng is not installed"), sink=RecordingSink())
    speaker.speak(utterances(), events)
    assert events.done.wait(10)
    errors = events.of(EventKind.ERROR)
    assert errors and errors[0].message == "Espeak-ng is not installed."
    speaker.speak(utterances(), events)  # and the speaker still works afterwards
    speaker.close()


class BrokenSink(RecordingSink):
    def write(self, pcm: bytes, sample_rate: int, epoch: int) -> bool:
        from guidelight.speech.backend import SpeechUnavailable

        raise SpeechUnavailable("no audio output device could be opened")


def test_missing_audio_device_is_a_message(events: Events) -> None:
    speaker = Speaker(backend=ToneBackend(), sink=BrokenSink())
    speaker.speak(utterances(), events)
    assert events.done.wait(10)
    speaker.close()
    assert [e.message for e in events.of(EventKind.ERROR)] == ["No audio output device could be opened."]
    assert not events.of(EventKind.WORD)


def test_missing_thai_voice_falls_back_and_says_so(events: Events) -> None:
    backend = ToneBackend(voices=[VoiceInfo("en-voice", "English", ("en",))])
    speaker = Speaker(backend=backend, sink=RecordingSink())
    speaker.speak(utterances(), events)
    assert events.done.wait(10)
    speaker.close()
    messages = [e.message for e in events.of(EventKind.ERROR)]
    assert len(messages) == 1 and "No Thai voice is installed" in messages[0]
    assert {s.voice_id for _, s in backend.calls} == {"en-voice"}
    assert events.of(EventKind.WORD)


def test_announce_interrupts_and_sends_no_document_events(events: Events) -> None:
    sink = RecordingSink(realtime=True)
    speaker = Speaker(backend=ToneBackend(seconds_per_char=0.05), sink=sink)
    speaker.speak(utterances(), events)
    assert events.wait_for(lambda: bool(events.of(EventKind.WORD)))
    count = len(events.items)
    speaker.announce("Bookmark added")
    assert speaker.wait(5)
    assert len(events.items) == count
    speaker.close()


@pytest.mark.parametrize("voice_lang", ["th", "en"])
def test_set_voice_prefers_the_chosen_voice(voice_lang: str) -> None:
    voices = [
        VoiceInfo("th-1", "Thai 1", ("th",)),
        VoiceInfo("th-2", "Thai 2", ("th",)),
        VoiceInfo("en-1", "English 1", ("en",)),
        VoiceInfo("en-2", "English 2", ("en",)),
    ]
    backend = ToneBackend(voices=voices)
    speaker = Speaker(backend=backend, sink=RecordingSink())
    speaker.set_voice(f"{voice_lang}-2")
    assert [v.id for v in speaker.voices()] == [v.id for v in voices]
    done = Events()
    speaker.speak([Utterance("ภาษาไทย English")], done)
    assert done.done.wait(10)
    speaker.close()
    used = {s.voice_id for _, s in backend.calls}
    assert f"{voice_lang}-2" in used and len(used) == 2


def test_rate_change_while_speaking_goes_on_from_the_word_being_heard(events: Events) -> None:
    backend = ToneBackend(seconds_per_char=0.03)
    speaker = Speaker(backend=backend, sink=RecordingSink(realtime=True))
    speaker.speak(utterances(), events)
    assert events.wait_for(lambda: len(events.of(EventKind.WORD)) >= 3)
    calls_before = len(backend.calls)
    count = len(events.items)
    speaker.set_rate(700)
    assert events.done.wait(10)
    speaker.close()
    heard = [e.offset for _, e in events.items[:count] if e.kind is EventKind.WORD][-1]
    words_after = [e.offset for _, e in events.items[count:] if e.kind is EventKind.WORD]
    # the word being heard is said again at the new rate (or the next one, if it had just begun),
    # then the reading goes on: no jump back to the start of the sentence
    assert heard <= words_after[0] <= heard + 30  # no jump back; at most a word or two on a busy machine
    assert words_after == sorted(words_after)
    assert PAGE[words_after[-1] :].startswith("meet")
    assert {s.rate for _, s in backend.calls[calls_before:]} == {700}


class StalledSink(RecordingSink):
    """A device that stopped taking audio (headphones unplugged): nothing is ever heard."""

    def _advance(self) -> None:
        pass

    def _queue(self, pcm: bytes) -> None:
        pass


def test_a_device_that_stops_playing_is_a_message_not_a_hang(events: Events, monkeypatch: pytest.MonkeyPatch) -> None:
    from guidelight.speech import sink as sink_module

    monkeypatch.setattr(sink_module, "STALL_SECONDS", 0.3)
    speaker = Speaker(backend=ToneBackend(), sink=StalledSink(realtime=True))
    speaker.speak(utterances(), events)
    assert events.done.wait(10)
    speaker.close()
    messages = [e.message for e in events.of(EventKind.ERROR)]
    assert messages and "audio device stopped playing" in messages[0]
    assert len(events.of(EventKind.WORD)) <= 1  # at most the word at the very first sample


def test_several_quick_changes_keep_the_place(events: Events) -> None:
    backend = ToneBackend(seconds_per_char=0.03)
    speaker = Speaker(backend=backend, sink=RecordingSink(realtime=True))
    speaker.speak(utterances(), events)
    assert events.wait_for(lambda: len(events.of(EventKind.WORD)) >= 3)
    count = len(events.items)
    for rate in (250, 300, 350, 400):  # a student holding the "faster" key
        speaker.set_rate(rate)
    assert events.done.wait(15)
    speaker.close()
    heard = [e.offset for _, e in events.items[:count] if e.kind is EventKind.WORD][-1]
    words_after = [e.offset for _, e in events.items[count:] if e.kind is EventKind.WORD]
    assert heard <= words_after[0] <= heard + 30  # no jump back; at most a word or two on a busy machine
    assert words_after == sorted(words_after) and PAGE[words_after[-1] :].startswith("meet")
