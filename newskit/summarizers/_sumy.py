"""``backend="sumy"``: sumy's own implementations, fed newskit's sentences, tokens and stems.

sumy's tokenizer needs NLTK's punkt data (a download), so the sumy document is
built here from newskit's sentence split, with a tokenizer adapter over
:func:`newskit.text.word_tokens` and :func:`newskit.text.stem` as stemmer. Both
backends therefore see exactly the same words, which is what makes the parity
test meaningful.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

import numpy as np

from newskit._errors import InputValueError
from newskit._methods import SUMY_METHODS
from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._edmundson import EdmundsonSummarizer
from newskit.summarizers._graph import check_graph_size
from newskit.text._words import stem_token

__all__ = ["SUMY_METHODS", "SumySummarizer", "sumy_document"]


_ATTRIBUTES = {
    "luhn": {"max_gap": "max_gap_size"},
    "lexrank": {"threshold": "threshold", "epsilon": "epsilon"},
    "textrank": {"damping": "damping", "epsilon": "epsilon"},
}


class _Tokenizer:
    """The slice of sumy's Tokenizer interface that its summarizers use."""

    language = "english"

    def to_words(self, sentence: str) -> tuple[str, ...]:
        from newskit.text import word_tokens

        return tuple(word_tokens(sentence))


def sumy_document(doc: Document) -> Any:
    """Build a sumy ``ObjectDocumentModel`` from a newskit :class:`Document`."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _Tokenizer()
    groups: list[list[Any]] = []
    last = -1
    for text, pid in zip(doc.sentences, doc.paragraph_ids.tolist(), strict=True):
        if pid != last:
            groups.append([])
            last = pid
        groups[-1].append(Sentence(text, tokenizer))
    if doc.title and groups:
        # the headline heads the first paragraph, so Edmundson's location bonus
        # for "first paragraph" still goes to the article's first paragraph
        groups[0].insert(0, Sentence(doc.title, tokenizer, is_heading=True))
    return ObjectDocumentModel([Paragraph(g) for g in groups])


def _recording(cls: type) -> type:
    """Subclass of a sumy summarizer that records the full ranking it computes."""

    def _get_best_sentences(
        self: Any, sentences: Sequence[Any], count: int, rating: Any, *args: Any, **kwargs: Any
    ) -> tuple[Any, ...]:
        rate: Callable[..., Any] = rating.__getitem__ if isinstance(rating, dict) else rating
        rated = [(o, rate(s, *args, **kwargs)) for o, s in enumerate(sentences)]
        # the same stable sort sumy does
        best = sorted(rated, key=itemgetter(1), reverse=True)[: int(count)]
        self.ranking_ = best
        return tuple(sentences[o] for o, _ in sorted(best))

    return type(f"Recording{cls.__name__}", (cls,), {"_get_best_sentences": _get_best_sentences})


class SumySummarizer(Summarizer):
    """Run sumy's implementation of ``method`` on a newskit document.

    Parameters
    ----------
    method : str
        One of :data:`SUMY_METHODS`.
    stemmer : callable or None
        The stemmer sumy calls; ``None`` (the default, needed for parity) uses
        newskit's memoised :func:`newskit.text.stem`. Pass
        ``sumy.nlp.stemmers.Stemmer("english")`` to time sumy exactly as shipped.
    **options
        The same options as newskit's summarizer of that method.
    """

    name = "sumy"

    def __init__(
        self, method: str, stemmer: Callable[[str], str] | None = None, **options: Any
    ) -> None:
        if method not in SUMY_METHODS:
            raise InputValueError(
                f"sumy has no {method!r} method; backend='sumy' supports {', '.join(SUMY_METHODS)}"
            )
        self.method = method
        self.stemmer = stemmer
        self.options = options

    def get_params(self) -> dict[str, Any]:
        """The method options."""
        return dict(self.options)

    def _build(self) -> Any:
        from sumy.summarizers.edmundson import EdmundsonSummarizer as SumyEdmundson
        from sumy.summarizers.kl import KLSummarizer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.luhn import LuhnSummarizer
        from sumy.summarizers.random import RandomSummarizer
        from sumy.summarizers.reduction import ReductionSummarizer
        from sumy.summarizers.sum_basic import SumBasicSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer

        from newskit.text import stop_words

        classes = {
            "random": RandomSummarizer,
            "luhn": LuhnSummarizer,
            "edmundson": SumyEdmundson,
            "lsa": LsaSummarizer,
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "sumbasic": SumBasicSummarizer,
            "kl": KLSummarizer,
            "reduction": ReductionSummarizer,
        }
        options = dict(self.options)
        stem = stem_token if self.stemmer is None else self.stemmer
        cls = _recording(classes[self.method])
        if self.method == "edmundson":
            ours = EdmundsonSummarizer(**options)
            weights = {k: v for k, v in ours.get_params().items() if k.endswith("_weight")}
            summarizer = cls(stem, **weights)
            bonus, stigma, null = ours.raw_words()
            summarizer.bonus_words = bonus
            summarizer.stigma_words = stigma
            summarizer.null_words = null
            return summarizer
        if self.method == "random":
            seed = int(options.pop("seed", 0))
            rng = random.Random(seed)

            def shuffled(self: Any, sentences: Sequence[Any]) -> dict[Any, int]:
                ratings = list(range(len(sentences)))
                rng.shuffle(ratings)
                return dict(zip(sentences, ratings, strict=True))

            cls = type(cls.__name__, (cls,), {"_get_random_ratings": shuffled})
        summarizer = cls(stem)
        mapping = _ATTRIBUTES.get(self.method, {})
        for key, value in options.items():
            if key not in mapping:
                raise InputValueError(
                    f"backend='sumy' does not support option {key!r} for {self.method!r}"
                )
            setattr(summarizer, mapping[key], value)
        summarizer.stop_words = stop_words()
        return summarizer

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """sumy's best ``k`` sentences, best first, with sumy's ratings."""
        # sumy's pure-Python loops are quadratic or worse in the number of sentences
        check_graph_size(doc, f"sumy's {self.method}")
        summarizer = self._build()
        with warnings.catch_warnings():
            # sumy's LSA warns on short texts; the result is still defined
            warnings.simplefilter("ignore")
            summarizer(sumy_document(doc), k)
        ranking = getattr(summarizer, "ranking_", [])
        order = np.asarray([o for o, _ in ranking], dtype=np.int64)
        scores = np.asarray([float(r) for _, r in ranking], dtype=np.float64)
        return order, scores
