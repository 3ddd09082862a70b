"""Hand-built pages whose offsets are known by construction, for core and app tests.

A page is a list of paragraphs ``(heading level or 0, sentences)``; a sentence is a list
of words, written one after the other with nothing between them (Thai has no spaces).
A piece that is only white space is written as text but is not a word, as the
segmenter leaves spaces out of words.
"""

from __future__ import annotations

from guidelight.core.model import Lang, Page, Paragraph, ParagraphKind, Sentence, Word

PageSpec = list[tuple[int, list[list[str]]]]


def build_page(number: int, spec: PageSpec) -> Page:
    text = ""
    paragraphs = []
    for level, sentences in spec:
        if text:
            text += "\n\n"
        p_start = len(text)
        built = []
        for k, words in enumerate(sentences):
            if k:
                text += " "
            s_start = len(text)
            found = []
            for word in words:
                if word.strip():
                    lang = Lang.THAI if "\u0e00" <= word[0] <= "\u0e7f" else Lang.ENGLISH
                    found.append(Word(len(text), len(text) + len(word), lang))
                text += word
            built.append(Sentence(s_start, len(text), tuple(found)))
        kind = ParagraphKind.HEADING if level else ParagraphKind.BODY
        paragraphs.append(Paragraph(p_start, len(text), kind, level, tuple(built)))
    return Page(number, text, tuple(paragraphs))


def words_of(sentence: str) -> list[str]:
    """A sentence written as "การ|ฟัง เป็น": words split at "|", spaces kept between them."""
    words: list[str] = []
    for k, chunk in enumerate(sentence.split(" ")):
        words.extend([" "] if k else [])
        words.extend(chunk.split("|"))
    return words
