"""Training data for the trained ``default`` model: the CNN/DailyMail sample, made to
look like run-time text.

The sample (``cnndm-train-sample/``) is lower-cased and PTB-tokenized
(``did n't``, ``( cnn ) --``, `` , ``). Each article is *detokenized* (the
tokens rejoined as ordinary prose, sentence starts capitalised), then split with
newskit's own sentence splitter (:func:`~newskit.summarizers.build_document`),
exactly as a raw article is at run time. Labels come from the greedy ROUGE
oracle (:func:`newskit.evaluate.oracle`) computed on *those* sentences against
the highlights, so the model learns on the units it will rank.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from newskit._errors import UnsupportedLanguageError

__all__ = ["CnnDmExample", "detokenize", "first_articles", "highlights", "read_cnndm"]

#: A sentence end in the tokenized text (`` . ``, `` ! ``, `` ? ``, optionally
#: followed by a closing quote), or the start of the text, then a lower-case letter.
_BOUNDARY = re.compile(r"(^|(?:^| )[.!?](?: [\"'])? )([a-z])")
_I = re.compile(r"\bi\b")
_SUBS = (
    (re.compile(r" n't\b"), "n't"),
    (re.compile(r" '(s|re|ve|ll|d|m)\b"), r"'\1"),
    (re.compile(r"\( (.*?) \)"), r"(\1)"),
    (re.compile(r'" ([^"]*?) "'), r'"\1"'),
    (re.compile(r" ([.,!?;:%])"), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
    (re.compile(r"(?<=\w) - (?=\w)"), "-"),
)
_HIGHLIGHT = re.compile(r"<s>(.*?)</s>")


def detokenize(text: str) -> str:
    """Undo the CNN/DM preprocessing as far as it can be undone: rejoin clitics,
    punctuation, brackets, quotes and hyphens, capitalise sentence starts and ``I``.

    >>> detokenize("( cnn ) -- the mayor said : \\" we wo n't stop . \\" he left .")
    '(CNN) -- the mayor said: "we won\\'t stop." He left.'
    """
    t = _BOUNDARY.sub(lambda m: m.group(1) + m.group(2).upper(), text.strip())
    t = _I.sub("I", t).replace("( cnn )", "(CNN)")
    for pattern, replacement in _SUBS:
        t = pattern.sub(replacement, t)
    t = re.sub(r'(^|[.!?] )"([a-z])', lambda m: m.group(1) + '"' + m.group(2).upper(), t)
    return t


def highlights(abstract: str) -> list[str]:
    """The highlights of an ``abstract`` field (``<s> ... </s>`` each), detokenized."""
    return [detokenize(h.strip()) for h in _HIGHLIGHT.findall(abstract) if h.strip()]


class CnnDmExample(NamedTuple):
    """One article of the sample: a stable id, the detokenized article and highlights."""

    id: str
    article: str
    highlights: list[str]


def read_cnndm(data_dir: Path, split: str, limit: int | None = None) -> Iterator[CnnDmExample]:
    """Articles of ``split`` (``'train'`` or ``'val'``) in file order, without empty
    articles and exact duplicates (the first copy is kept)."""
    path = Path(data_dir) / "cnndm-train-sample" / f"{split}.jsonl.xz"
    seen: set[str] = set()
    n = 0
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and n >= limit:
                return
            row = json.loads(line)
            article = str(row.get("article", "")).strip()
            key = hashlib.sha1(article.encode("utf-8")).hexdigest()
            if not article or key in seen:
                continue
            seen.add(key)
            refs = highlights(str(row.get("abstract", "")))
            if not refs:
                continue
            n += 1
            yield CnnDmExample(key, detokenize(article), refs)


def oracle_labels(sentences: list[str], refs: list[str], k: int) -> np.ndarray:
    """1 for the sentences of the greedy ROUGE-1 + ROUGE-2 oracle of ``k`` sentences."""
    from newskit.evaluate import oracle

    y = np.zeros(len(sentences), dtype=np.int8)
    if sentences:
        y[oracle(sentences, "\n".join(refs), k=k)] = 1
    return y


class Featurized(NamedTuple):
    """Features, hashed words and labels of a set of articles, sentence rows stacked."""

    x: np.ndarray
    hash_rows: np.ndarray
    hash_cols: np.ndarray
    hash_values: np.ndarray
    y: np.ndarray
    sizes: np.ndarray


def first_articles(data: Featurized, n_docs: int) -> Featurized:
    """The rows of ``data`` that belong to its first ``n_docs`` articles (features are
    computed article by article, so a subset needs no second pass over the text)."""
    rows = int(data.sizes[:n_docs].sum())
    keep = data.hash_rows < rows
    return Featurized(
        data.x[:rows],
        data.hash_rows[keep],
        data.hash_cols[keep],
        data.hash_values[keep],
        data.y[:rows],
        data.sizes[:n_docs],
    )


def featurize(
    examples: list[CnnDmExample], k: int, batch: int = 256
) -> tuple[Featurized, list[list[str]]]:
    """Split, label and featurize ``examples``; also return each article's sentences.

    An article newskit refuses as not English (a handful of sample articles are
    mostly tables or lists of names) gets no sentences, as at run time."""
    from newskit.summarizers._document import Document, build_document
    from newskit.summarizers._sentence_features import hashed_words, trained_features
    from newskit.summarizers._stack import Stack

    xs, hr, hc, hv, ys, sizes, sentences = [], [], [], [], [], [], []
    offset = 0
    for start in range(0, len(examples), batch):
        part = examples[start : start + batch]
        docs = []
        for ex in part:
            try:
                docs.append(build_document(ex.article))
            except UnsupportedLanguageError:
                docs.append(Document([], []))
        stack = Stack(docs)
        xs.append(trained_features(stack).astype(np.float32))
        rows, cols, values = hashed_words(stack)
        hr.append(rows + offset)
        hc.append(cols)
        hv.append(values.astype(np.float32))
        offset += stack.n_rows
        for doc, ex in zip(docs, part, strict=True):
            ys.append(oracle_labels(doc.sentences, ex.highlights, k))
            sizes.append(len(doc))
            sentences.append(doc.sentences)
    data = Featurized(
        np.vstack(xs),
        np.concatenate(hr),
        np.concatenate(hc),
        np.concatenate(hv),
        np.concatenate(ys),
        np.asarray(sizes, dtype=np.int64),
    )
    return data, sentences


def hashed_matrix(data: Featurized) -> Any:
    """The hashed words of ``data`` as a CSR matrix (duplicate cells summed)."""
    from scipy import sparse

    from newskit.summarizers._sentence_features import HASH_BUCKETS

    return sparse.csr_matrix(
        (data.hash_values.astype(np.float64), (data.hash_rows, data.hash_cols)),
        shape=(data.x.shape[0], HASH_BUCKETS),
    )


def fit_linear(
    x: np.ndarray, hashed: Any, y: np.ndarray, c: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Logistic regression on the standardised features plus the hashed words; return the
    mean, the spread, the feature and the word coefficients and the intercept."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0, dtype=np.float64)
    scale = x.std(axis=0, dtype=np.float64)
    scale[scale == 0] = 1.0
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    z = sparse.hstack([sparse.csr_matrix((x - mean) / scale), hashed], format="csr")
    with warnings.catch_warnings():
        # a fixed number of L-BFGS steps: the result is deterministic whether or not
        # the tolerance was reached (on the full sample it is not, by a small margin)
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LogisticRegression(C=c, max_iter=300, tol=1e-4).fit(z, y)
    coef = model.coef_[0]
    n = x.shape[1]
    return mean, scale, coef[:n], coef[n:], float(model.intercept_[0])


def linear_scores(
    x: np.ndarray,
    hashed: Any,
    params: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float],
) -> np.ndarray:
    """The logistic regression's log-odds for each row (as the run time computes them)."""
    mean, scale, dense, words, intercept = params
    out: np.ndarray = ((x - mean) / scale * dense).sum(axis=1) + hashed @ words + intercept
    return out


#: Gradient boosting settings (fixed; ``benchmarks/summarizer_curve.py`` prints the
#: validation figures of the model as the training sample grows).
TREE_PARAMS: dict[str, Any] = {
    "max_iter": 300,
    "learning_rate": 0.1,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 50,
    "early_stopping": False,
    "random_state": 0,
}


#: Weight of the logistic regression's log-odds in a sentence's score, beside the trees'
#: (``benchmarks/summarizer_variants.py --group round9``: the mean of the two ranked
#: better than the trees alone on the tuning quarter, fitted on the whole sample and on
#: each of three disjoint fifths of it).
LINEAR_SHARE = 0.5


def fit_model(
    data: Featurized, c: float = 1.0, folds: int = 2, trees: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Fit the stacked model on ``data``: a logistic regression on the features and the
    hashed words (its out-of-fold log-odds, documents split by index, become one more
    feature), then gradient-boosted trees on the features plus that score; a sentence's
    score is the trees' log-odds averaged with the regression's (:data:`LINEAR_SHARE`)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    x = data.x.astype(np.float64)
    hashed: Any = hashed_matrix(data)
    doc = np.repeat(np.arange(data.sizes.size), data.sizes)
    with threadpool_limits(1):
        oof = np.zeros(x.shape[0])
        for f in range(folds):
            held = doc % folds == f
            part = fit_linear(x[~held], hashed[~held], data.y[~held], c)
            oof[held] = linear_scores(x[held], hashed[held], part)
        mean, scale, feature_coef, word_coef, intercept = fit_linear(x, hashed, data.y, c)
        tree_model = HistGradientBoostingClassifier(**(trees or TREE_PARAMS))
        tree_model.fit(np.column_stack([x, oof]), data.y)
    return {
        "mean": mean,
        "scale": scale,
        "feature_coef": feature_coef,
        "word_coef": word_coef.astype(np.float32),
        "intercept": intercept,
        "trees": tree_model,
        "linear_share": LINEAR_SHARE,
    }


def documents_of(sentences: list[list[str]]) -> list[Any]:
    """Documents of already split articles (one paragraph each, no title), as
    :func:`~newskit.summarizers.build_document` makes of the sample's articles."""
    from newskit.summarizers._document import Document

    return [Document(s, [0] * len(s)) for s in sentences]


def mean_rouge(
    summarizer: Any, docs: list[Any], refs: list[str], k: float | list[int]
) -> tuple[float, float]:
    """Mean ROUGE-1 and ROUGE-2 F1 (rouge-score, stemming) of ``summarizer``'s
    ``k``-sentence summaries (one ``k`` for all, or one per document)."""
    from newskit.evaluate import rouge

    ks = [int(k)] * len(docs) if isinstance(k, int | float) else list(k)
    ks = [min(kk, len(d)) for kk, d in zip(ks, docs, strict=True)]
    picks = summarizer.rank_many(docs, ks, [None] * len(docs))
    r1 = r2 = 0.0
    for doc, ref, (order, _) in zip(docs, refs, picks, strict=True):
        score = rouge([doc.sentences[i] for i in sorted(order.tolist())], ref)
        r1 += score["rouge1"].fmeasure
        r2 += score["rouge2"].fmeasure
    n = max(len(docs), 1)
    return 100 * r1 / n, 100 * r2 / n
