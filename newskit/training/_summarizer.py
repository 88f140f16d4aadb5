"""``newskit train summarizer``: rebuild the ``default`` summarizer's artifact.

Three stages, each on data the benchmarks do not report as held out:

1. **Content model** — logistic regression on the sentence features, labels
   = "sentence copied into the reference", on the *training half* of BBC News
   Summary (articles with an even number, ``business/042`` -> 42).
2. **Lead blend at 3 sentences** (``content_weight``, ``min_tokens``,
   ``skip_questions``) — grid search of ROUGE-1 + ROUGE-2 F1 on the 75 FRANK
   CNN/DM articles FRANK marks ``validation``. Ties go to the larger content
   weight, then the smaller ``min_tokens``.
3. **Budget exponent** — grid search on the first 300 BBC training-half
   articles, summary length = the reference's sentence count.

The FRANK ``test`` articles, the BBC odd half and XSum are never used.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

import numpy as np

from newskit._artifacts import MODELS_DIR, record_artifact
from newskit.summarizers._default import ARTIFACT, DefaultSummarizer, load_weights
from newskit.summarizers._document import Document, build_document
from newskit.summarizers._sentence_features import FEATURES, sentence_features
from newskit.training._cli import data_dir_option, out_option
from newskit.training._paths import default_data_dir

__all__ = ["HELP", "add_arguments", "fit_standardised", "is_bbc_train", "run", "train_default"]

HELP = "fit the default summarizer (CNN/DM training sample; --blend: also the lead blend)"

CONTENT_WEIGHTS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)
MIN_TOKENS = (0, 6, 8)
BUDGET_EXPONENTS = (0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 20.0)


#: A stand-in for the trained model that routes every request to the lead blend.
BLEND_ONLY: dict[str, Any] = {"selection": {"max_sentences": 0.0}}


def is_bbc_train(article_id: str) -> bool:
    """``True`` for the BBC articles the default summarizer may be trained on."""
    return int(article_id.rsplit("/", 1)[-1]) % 2 == 0


def _labels(doc: Document, reference_sentences: list[str]) -> np.ndarray:
    """1 for each sentence that is (part of) a reference sentence."""
    squash = "".join("".join(s.split()) for s in reference_sentences)
    return np.array(["".join(s.split()) in squash for s in doc.sentences], dtype=np.int64)


def fit_standardised(
    x: np.ndarray, y: np.ndarray, c: float, *, max_iter: int = 2000
) -> tuple[np.ndarray, np.ndarray, Any]:
    """Logistic regression on the columns of ``x`` standardised by their mean and
    spread (a constant column keeps spread 1); return the mean, the spread and
    the fitted model."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=max_iter).fit((x - mean) / scale, y)
    return mean, scale, model


def _rounded(values: np.ndarray) -> list[float]:
    """Values to 8 decimals, for the JSON artifact; ``+ 0.0`` writes a mean of
    about 0 as ``0.0`` whichever side of 0 the last bit of rounding fell on."""
    return [round(float(v), 8) + 0.0 for v in values]


def _fit_content(examples: list[Any], c: float) -> dict[str, Any]:
    xs, ys = [], []
    for ex in examples:
        doc = build_document(ex.article)
        if len(doc) >= 2:
            xs.append(sentence_features(doc))
            ys.append(_labels(doc, ex.reference_sentences))
    x, y = np.vstack(xs), np.concatenate(ys)
    mean, scale, model = fit_standardised(x, y, c)
    return {
        "features": list(FEATURES),
        "mean": _rounded(mean),
        "scale": _rounded(scale),
        "coef": _rounded(model.coef_[0]),
        "intercept": round(float(model.intercept_[0]), 8),
        "documents": len(xs),
        "sentences": int(y.size),
        "positive_rate": round(float(y.mean()), 4),
    }


def _mean_rouge12(
    weights: dict[str, Any], data: list[tuple[Document, str, int]], cache: dict[Any, float]
) -> float:
    from newskit.evaluate import rouge

    model = DefaultSummarizer(weights, model=BLEND_ONLY)
    total = 0.0
    for i, (doc, reference, k) in enumerate(data):
        picked, _ = model.rank(doc, k)
        key = (i, tuple(sorted(picked.tolist())))
        if key not in cache:
            summary = [doc.sentences[j] for j in key[1]]
            scores = rouge(summary, reference)
            cache[key] = scores["rouge1"].fmeasure + scores["rouge2"].fmeasure
        total += cache[key]
    return total / len(data)


def _frank_validation(data_dir: Path) -> list[tuple[Document, str, int]]:
    from newskit.evaluate import load_frank_cnndm

    with (data_dir / "frank-cnndm-xsum" / "frank_cnndm_test.jsonl").open(encoding="utf-8") as fh:
        split = {r["id"]: r.get("frank_split") for r in map(json.loads, fh)}
    return [
        (build_document(ex.article), ex.reference, 3)
        for ex in load_frank_cnndm(data_dir)
        if split.get(ex.id) == "validation"
    ]


def train_default(
    data_dir: Path, *, models_dir: Path = MODELS_DIR, c: float = 1.0, verbose: bool = True
) -> dict[str, Any]:
    """Run the three stages and write ``newskit/models/summarizer_default.json``."""
    from newskit.evaluate import load_bbc

    bbc_train = [ex for ex in load_bbc(data_dir) if is_bbc_train(ex.id)]
    weights = _fit_content(bbc_train, c)
    say = print if verbose else (lambda *a: None)
    say(f"stage 1: content model on {weights['documents']} BBC training-half articles")

    validation = _frank_validation(data_dir)
    cache: dict[Any, float] = {}
    best: tuple[float, float, int, bool] | None = None
    for cw, mt, sq in itertools.product(CONTENT_WEIGHTS, MIN_TOKENS, (False, True)):
        blend = {
            "content_weight": cw,
            "budget_exponent": 0.0,
            "min_tokens": mt,
            "skip_questions": sq,
        }
        value = _mean_rouge12({**weights, "blend": blend}, validation, cache)
        # ties: larger content weight, then smaller min_tokens (grid order does the rest)
        if (
            best is None
            or value > best[0] + 1e-12
            or (abs(value - best[0]) <= 1e-12 and cw > best[1])
        ):
            best = (value, cw, mt, sq)
    assert best is not None
    _, cw, mt, sq = best
    say(
        f"stage 2: on {len(validation)} FRANK CNN/DM validation articles: "
        f"content_weight={cw}, min_tokens={mt}, skip_questions={sq} (R1+R2 F1 {best[0]:.4f})"
    )

    bbc_tune = [
        (build_document(ex.article), ex.reference, max(1, len(ex.reference_sentences)))
        for ex in bbc_train[:300]
    ]
    cache = {}
    scored = []
    for exponent in BUDGET_EXPONENTS:
        blend = {
            "content_weight": cw,
            "budget_exponent": exponent,
            "min_tokens": mt,
            "skip_questions": sq,
        }
        scored.append((_mean_rouge12({**weights, "blend": blend}, bbc_tune, cache), -exponent))
    value, neg_exp = max(scored)
    say(
        f"stage 3: on 300 BBC training-half articles: budget_exponent={-neg_exp} "
        f"(R1+R2 F1 {value:.4f})"
    )

    result = {
        "format": 1,
        **{k: weights[k] for k in ("features", "mean", "scale", "coef", "intercept")},
        "blend": {
            "content_weight": cw,
            "budget_exponent": -neg_exp,
            "min_tokens": mt,
            "skip_questions": sq,
        },
    }
    meta = {
        "kind": "default summarizer weights (JSON: logistic regression + lead blend)",
        "content_model": "bbc-news-summary, even-numbered articles "
        f"({weights['documents']} docs, {weights['sentences']} sentences)",
        "lead_blend": "frank-cnndm-xsum CNN/DM articles with frank_split == 'validation' (75)",
        "budget_exponent": "first 300 bbc-news-summary even-numbered articles",
        "C": c,
        "command": "newskit train summarizer",
    }
    (models_dir / ARTIFACT).write_text(
        json.dumps({**result, "meta": meta}, indent=1) + "\n", encoding="utf-8"
    )
    record_artifact(ARTIFACT, meta, models_dir)
    load_weights.cache_clear()
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``newskit train summarizer``."""
    data_dir_option(parser)
    out_option(parser, "summarizer_trained.joblib")
    parser.add_argument("--C", type=float, default=1.0, dest="c", help="inverse regularisation")
    parser.add_argument(
        "--limit", type=int, default=None, help="first N CNN/DM training articles (default: all)"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep the featurized training sample here and reuse it on the next run "
        "(keyed by the sample, the feature columns and the code they come from)",
    )
    parser.add_argument(
        "--blend",
        action="store_true",
        help="also rebuild summarizer_default.json, the lead blend used for long summaries",
    )


def run(args: argparse.Namespace) -> int:
    """Train and print the chosen constants."""
    data_dir = Path(args.data_dir or default_data_dir())
    if args.blend:
        result = train_default(data_dir, models_dir=args.out)
        print(json.dumps(result["blend"]))
    trained = train_trained(
        data_dir, models_dir=args.out, limit=args.limit, c=args.c, cache=args.cache
    )
    print(json.dumps(trained["selection"]))
    return 0


# -- the trained (CNN/DailyMail) model --------------------------------------------

#: Selection grid, tuned on the first :data:`TUNE_ARTICLES` validation articles.
LENGTH_PENALTIES = (0.0, 0.05, 0.1, 0.2, 0.3)
MAX_OVERLAPS = (0.2, 0.25, 0.3, 0.4, 1.0)
#: Validation articles the selection constants are tuned on: every fourth one, at most
#: this many (the others are untouched).
TUNE_ARTICLES = 1100
TUNE_EVERY = 4
#: Candidate limits (expected summary sentences) up to which the trained model is used.
SWITCH_LIMITS = (3, 4, 5, 6, 8, 10, 1000)
ORACLE_K = 3


def _fingerprint_files() -> list[Path]:
    """Every file the features and labels are computed from: the runtime packages that
    split, tokenize, stem and featurize, their data files, the CNN/DM reader and the
    oracle that labels the sentences."""
    root = Path(__file__).resolve().parents[1]  # the newskit package
    return [
        *sorted((root / "text").rglob("*")),
        *sorted((root / "summarizers").rglob("*")),
        *(
            root / "models" / name
            for name in ("punkt_en.json", "stems_en.json.gz", "stopwords_en.txt")
        ),
        root / "training" / "_summarizer_cnndm.py",
        root / "evaluate" / "_oracle.py",
    ]


def _code_fingerprint() -> str:
    """sha256 of the contents and package-relative paths of :func:`_fingerprint_files`."""
    import hashlib

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in _fingerprint_files():
        if path.is_file() and path.suffix != ".pyc":
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _cached_features(examples: list[Any], cache: Path | None, name: str) -> Any:
    """:func:`featurize` ``examples``, or read the result a previous run left in ``cache``
    (a pickle of our own, keyed by the articles' ids, the feature columns and
    :func:`_code_fingerprint`: a different sample, feature set or feature code
    recomputes, so a stale cache cannot change the trained file)."""
    import hashlib
    import pickle

    from newskit.summarizers._sentence_features import HASH_BUCKETS, TRAINED_FEATURES
    from newskit.training._summarizer_cnndm import featurize

    layout = [",".join(TRAINED_FEATURES), str(HASH_BUCKETS), _code_fingerprint()]
    key = hashlib.sha256("\n".join([*layout, *(ex.id for ex in examples)]).encode()).hexdigest()
    path = cache / name if cache is not None else None
    if path is not None and path.is_file():
        with path.open("rb") as fh:
            stored_key, data = pickle.load(fh)
        if stored_key == key:
            return data
    data, _ = featurize(examples, ORACLE_K)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump((key, data), fh, protocol=5)
    return data


def train_trained(
    data_dir: Path,
    *,
    models_dir: Path = MODELS_DIR,
    limit: int | None = None,
    c: float = 1.0,
    tune: int = TUNE_ARTICLES,
    switch: int = 300,
    cache: Path | None = None,
    trees: dict[str, Any] | None = None,
    verbose: bool = True,
) -> dict[str, Any]:
    """Fit the trained model on the CNN/DM training sample, tune its selection on
    validation, choose where the lead blend takes over, and write the artifact."""
    import joblib
    import sklearn

    from newskit.summarizers._sentence_features import HASH_BUCKETS, TRAINED_FEATURES
    from newskit.summarizers._trained import FORMAT, TRAINED_ARTIFACT, check_payload, load_trained
    from newskit.training._summarizer_cnndm import (
        fit_model,
        mean_rouge,
        read_cnndm,
    )

    say = print if verbose else (lambda *a: None)
    train = list(read_cnndm(data_dir, "train", limit))
    data = _cached_features(train, cache, f"train-{limit or 'all'}-k{ORACLE_K}.pkl")
    say(
        f"stage 1: {len(train)} training articles, {data.y.size} sentences, "
        f"{int(data.y.sum())} oracle sentences"
    )
    fitted = fit_model(data, c=c, trees=trees)
    del data
    # every TUNE_EVERY-th validation article (the sample's chunks run CNN first, then
    # Daily Mail: a stride covers both); the others are never used for a choice
    val = list(read_cnndm(data_dir, "val"))[::TUNE_EVERY][:tune]
    docs = [build_document(ex.article) for ex in val]
    refs = ["\n".join(ex.highlights) for ex in val]
    base = {
        "format": FORMAT,
        "features": list(TRAINED_FEATURES),
        "hash_buckets": HASH_BUCKETS,
        **fitted,
    }
    best: tuple[float, float, float] | None = None
    for penalty, overlap in itertools.product(LENGTH_PENALTIES, MAX_OVERLAPS):
        selection = {"length_penalty": penalty, "max_overlap": overlap, "max_sentences": 1000.0}
        model = DefaultSummarizer(model={**base, "selection": selection})
        r1, r2 = mean_rouge(model, docs, refs, 3)
        say(
            f"  validation[:{len(docs)}] penalty={penalty} max_overlap={overlap}: "
            f"R-1 {r1:.2f} R-2 {r2:.2f}"
        )
        if best is None or r1 + r2 > best[0] + 1e-9:
            best = (r1 + r2, penalty, overlap)
    assert best is not None
    _, penalty, overlap = best
    say(f"stage 2: length_penalty={penalty}, max_overlap={overlap}")

    # stage 3: up to how many sentences the trained model beats the lead blend on
    # summaries of BBC-style length (the blend's own tuning articles, never the odd half);
    # ``switch=0`` skips it (the trained model then serves every length)
    from newskit.evaluate import load_bbc

    bbc = [ex for ex in load_bbc(data_dir) if is_bbc_train(ex.id)][:switch] if switch else []
    bbc_docs = [build_document(ex.article) for ex in bbc]
    bbc_refs = [ex.reference for ex in bbc]
    bbc_k = [max(1, len(ex.reference_sentences)) for ex in bbc]
    scored = []
    for limit_k in SWITCH_LIMITS if bbc else SWITCH_LIMITS[-1:]:
        selection = {
            "length_penalty": penalty,
            "max_overlap": overlap,
            "max_sentences": float(limit_k),
        }
        if not bbc:
            scored.append((0.0, -limit_k))
            break
        model = DefaultSummarizer(model={**base, "selection": selection})
        r1, r2 = mean_rouge(model, bbc_docs, bbc_refs, bbc_k)
        say(
            f"  {len(bbc)} BBC training-half articles, trained model up to {limit_k} sentences: "
            f"R-1 {r1:.2f} R-2 {r2:.2f}"
        )
        scored.append((r1 + r2, -limit_k))
    _, neg_limit = max(scored)
    selection = {
        "length_penalty": penalty,
        "max_overlap": overlap,
        "max_sentences": float(-neg_limit),
    }
    say(f"stage 3: trained model up to {-neg_limit} sentences, the lead blend above")
    payload = check_payload({**base, "selection": selection})
    models_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, models_dir / TRAINED_ARTIFACT, compress=3)
    meta = {
        "kind": "trained default summarizer (hashed-word logistic regression stacked into "
        "gradient-boosted trees, their log-odds averaged with the regression's; length "
        "penalty and overlap blocking)",
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "trained_on": f"cnndm-train-sample train.jsonl.xz, {len(train)} articles "
        f"(deduplicated, non-empty), greedy ROUGE oracle of {ORACLE_K} sentences",
        "selection_tuned_on": f"{len(val)} articles of cnndm-train-sample val.jsonl.xz "
        f"(every {TUNE_EVERY}th, deduplicated)",
        "switch_tuned_on": f"first {len(bbc)} bbc-news-summary even-numbered articles",
        "selection": selection,
        "C": c,
        "command": "newskit train summarizer --out newskit/models",
    }
    record_artifact(TRAINED_ARTIFACT, meta, models_dir)
    load_trained.cache_clear()
    return {"selection": selection, "meta": meta}
