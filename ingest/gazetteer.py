"""Gazetteer matching: platform head nouns and well-known firms from `data/gazetteers`, in one pass.

One spaCy `PhraseMatcher` holds every head noun of `platform_heads.tsv` and every unambiguous
name of `enterprises.txt`. It runs on the pipeline's character tokens, so a match's token offsets
are its character offsets in the Doc. Every match is kept, overlapping ones included
("重点实验室" and "实验室" at the same place): a reader chooses among them the way the rules read
text (`entities.MatchedHeads` leftmost-longest, like the regex alternation the pure functions use;
`entities.matched_positions` left to right, like `str.find`), so both routes name the same things.

Short firm names marked ambiguous (联想) are left out: they count only inside an enterprise list,
which the coordination rules read from the text itself.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("zh")
>>> matcher = phrase_matcher(nlp.vocab)
>>> text = "支持阿里巴巴共建省重点实验室"
>>> doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
>>> found, heads, firms = match_gazetteer(doc, matcher, base=100)
>>> [(s.start, s.end, s.label_) for s in heads], [(s.start, s.end) for s in firms]
([(9, 14, 'laboratory'), (11, 14, 'laboratory')], [(2, 6)])
>>> list(found.heads.finditer(100, 114)), found.firms
([(109, 114, '重点实验室')], ((102, '阿里巴巴'),))
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from plankg.ingest.entities import MatchedHeads, gazetteer_firm_names, matched_positions, platform_heads

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

RULE_GAZETTEER = "plankg.gazetteer.phrase_matcher.v1"
SPANS_PLATFORM_HEADS = "plankg_platform_heads"  # label: the platform kind of the head noun
SPANS_ENTERPRISE_NAMES = "plankg_enterprise_names"  # label: "enterprise"
_HEAD_KEY = "plankg_platform_head"
_FIRM_KEY = "plankg_enterprise"


@lru_cache(maxsize=1)
def _head_kinds() -> dict[str, str]:
    return {h.noun: h.kind for h in platform_heads()}


def _phrase(vocab: Vocab, phrase: str) -> Doc:
    from spacy.tokens import Doc

    # Character tokens, as the pipeline makes them, so a pattern matches wherever its characters do.
    return Doc(vocab, words=list(phrase), spaces=[False] * len(phrase))


def phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """The matcher over head nouns and firm names, on token text (ORTH)."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab)
    matcher.add(_HEAD_KEY, [_phrase(vocab, h.noun) for h in platform_heads()])
    matcher.add(_FIRM_KEY, [_phrase(vocab, name) for name in gazetteer_firm_names()])
    return matcher


@dataclass(frozen=True)
class GazetteerMatches:
    """`doc._.plankg_gazetteer`: a passage's matches in document offsets, indexed the way the rules read them."""

    heads: MatchedHeads  # platform head nouns, every match (overlapping ones included)
    firms: tuple[tuple[int, str], ...]  # (offset, name) of well-known firms

    def firm_positions(self) -> Callable[[str, int, int], Iterator[int]]:
        return matched_positions(self.firms)


def match_gazetteer(doc: Doc, matcher: PhraseMatcher, text: str | None = None, base: int = 0
                    ) -> tuple[GazetteerMatches, list[Span], list[Span]]:
    """All matches in `doc`: the index (offsets shifted by `base`, the Doc's offset in its document),
    head-noun spans labelled with the platform kind, and firm-name spans.

    `text` is the Doc's text when the caller holds it (`doc.text` joins the tokens on every access).
    """
    from spacy.tokens import Span

    head_id = doc.vocab.strings[_HEAD_KEY]
    kinds = _head_kinds()
    heads: list[tuple[int, int, str]] = []
    firms: list[tuple[int, str]] = []
    head_spans: list[Span] = []
    firm_spans: list[Span] = []
    text = doc.text if text is None else text
    for match_id, start, end in matcher(doc):
        phrase = text[start:end]
        if match_id == head_id:
            heads.append((base + start, base + end, phrase))
            head_spans.append(Span(doc, start, end, label=kinds[phrase]))
        else:
            firms.append((base + start, phrase))
            firm_spans.append(Span(doc, start, end, label="enterprise"))
    return GazetteerMatches(MatchedHeads(heads), tuple(firms)), head_spans, firm_spans
