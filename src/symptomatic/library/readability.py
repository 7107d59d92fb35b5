"""Reading grade of article text (Flesch-Kincaid), for plain-language checks.

textstat supplies the sentence count. Syllables come from pyphen's English hyphenation
dictionary (textstat's own fallback) or from vowel groups, whichever is larger: textstat's
preferred CMU dictionary must be downloaded at run time, and Symptomatic never downloads
anything. Both libraries are development dependencies, imported only when a grade is asked.
"""

from __future__ import annotations

import re

from symptomatic.library.render import plain_text

_BLOCK_START = re.compile(r"^(#+ |[-*+] |\d+\. |\|)")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def readable_text(markdown: str) -> str:
    """Returns the body as a reader meets it: each paragraph, heading, list item and table
    cell is its own unit, ending in a full stop where it has no end punctuation."""
    blocks: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        starts_new = not stripped or _BLOCK_START.match(stripped) is not None
        if starts_new and current:
            blocks.append(" ".join(current))
            current = []
        if stripped.startswith("|"):
            blocks.extend(stripped.split("|"))
        elif stripped:
            current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    units = []
    for block in blocks:
        text = plain_text(block).strip(" -")
        if text:
            units.append(text if text[-1] in ".!?:" else text + ".")
    return " ".join(units)


def _vowel_groups(word: str) -> int:
    """Returns a syllable estimate from vowel groups (silent final 'e' dropped); used with
    pyphen, taking the larger, because hyphenation points undercount long medical words."""
    w = word.lower()
    groups = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


def reading_grade(markdown: str) -> float:
    """Returns the Flesch-Kincaid grade level of a Markdown body (US school grade; lower is
    easier; 0.39 * words/sentence + 11.8 * syllables/word - 15.59)."""
    import pyphen  # type: ignore[import-untyped]
    import textstat  # type: ignore[import-untyped]

    text = readable_text(markdown)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    hyphenator = pyphen.Pyphen(lang="en_US")
    syllables = sum(max(len(hyphenator.positions(w.lower())) + 1, _vowel_groups(w)) for w in words)
    sentences = max(1, int(textstat.sentence_count(text)))
    return 0.39 * (len(words) / sentences) + 11.8 * (syllables / len(words)) - 15.59
