"""Parity and speed of newskit's summarizers against sumy's implementations.

For every method sumy also implements, prints from one run:

* parity: share of articles (100 FRANK CNN/DM + 100 BBC News Summary) where
  newskit and sumy choose the same 3 sentences given the same sentences,
  tokens and stems ("strict"), and the share where they agree up to exactly
  tied scores;
* speed on the FRANK CNN/DM articles: median ms/article for newskit and for
  sumy, (a) *algorithm only* — both start from the same already tokenized
  sentences (newskit's time includes stemming, matrices and scoring; sumy's
  includes building its summarizer and scoring) — and (b) *end to end* from
  raw text through ``newskit.summarize(..., backend=...)`` (both include the
  same sentence splitting and tokenization);
* the time newskit takes on one 1,000-sentence document (target < 1 s);
* ``default`` on the speed articles, one call each and 64 per
  ``summarize_documents`` call (mean CPU ms per article).

All times are CPU time of the benchmark process (the machine is shared), with
BLAS limited to one thread for both sides.

Usage: ``nice python benchmarks/bench_summarizers.py [--articles 200] [--speed 100]``
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

# One BLAS thread for both sides: idle BLAS worker threads spin for a while after
# each call, and on a shared 2-core machine that CPU time would be charged to
# whichever side happens to be timed next.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summ_data import cnndm_articles, default_data_dir, parity_articles  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402

from newskit import Article, summarize  # noqa: E402
from newskit.summarizers import (  # noqa: E402
    METHODS,
    SUMMARIZERS,
    SUMY_METHODS,
    Document,
    summarize_documents,
)
from newskit.summarizers._api import select  # noqa: E402
from newskit.summarizers._document import build_document  # noqa: E402
from newskit.summarizers._parity import compare_with_sumy  # noqa: E402
from newskit.summarizers._sumy import SumySummarizer, sumy_document  # noqa: E402

# sumy as shipped: NLTK's Snowball stemmer, called on every word, no memo
NATIVE_STEMMER = Stemmer("english")


def _fresh(doc: Document) -> Document:
    """A copy of ``doc`` that shares its word tokens but none of the derived arrays."""
    copy = Document(doc.sentences, doc.paragraph_ids, doc.title)
    copy.__dict__["tokens"] = doc.tokens
    copy.__dict__["title_tokens"] = doc.title_tokens
    return copy


def _interleaved_ms(fns: list[object], items: list[list[object]], repeat: int = 5) -> list[float]:
    """For each function: median over items of the best of ``repeat`` CPU-time runs.

    The sides take turns article by article (each side's repeats run back to
    back, so it sees its own warm CPU caches), so both are timed under the same
    load on the shared machine; CPU time (not wall time) keeps other jobs out of
    the figures.
    """
    per_fn: list[list[float]] = [[] for _ in fns]
    # like timeit: no garbage collection inside a timed call
    gc.collect()
    gc.disable()
    try:
        for i in range(len(items[0])):
            for j, fn in enumerate(fns):
                arg = items[j][i]
                best = float("inf")
                for _ in range(repeat):
                    t0 = time.process_time()
                    fn(arg)  # type: ignore[operator]
                    best = min(best, time.process_time() - t0)
                per_fn[j].append(best * 1000)
    finally:
        gc.enable()
    return [statistics.median(v) for v in per_fn]


def algorithm_ms(method: str, docs: list[Document]) -> tuple[float, float, float]:
    """Median ms per article from tokenized sentences: newskit, sumy, sumy with its stemmer."""

    def ours(d: Document) -> None:
        select(SUMMARIZERS[method](), _fresh(d), "sentences", 3)

    if method not in SUMY_METHODS:
        return _interleaved_ms([ours], [list(docs)])[0], float("nan"), float("nan")
    prepared = []
    for d in docs:
        sd = sumy_document(d)
        for s in sd.sentences + sd.headings:
            s.words  # noqa: B018  (tokenize outside the timing, like newskit's side)
        prepared.append(sd)

    def run_sumy(sd: object) -> None:
        SumySummarizer(method)._build()(sd, 3)

    def run_sumy_native(sd: object) -> None:
        SumySummarizer(method, stemmer=NATIVE_STEMMER)._build()(sd, 3)

    a, b, c = _interleaved_ms([ours, run_sumy, run_sumy_native], [list(docs), prepared, prepared])
    return a, b, c


def end_to_end_ms(method: str, articles: list[Article]) -> tuple[float, float]:
    """Median ms per article from raw text through newskit.summarize: newskit, sumy."""

    def ours(a: Article) -> None:
        summarize(a, method)

    def theirs(a: Article) -> None:
        summarize(a, method, backend="sumy")

    if method not in SUMY_METHODS:
        return _interleaved_ms([ours], [list(articles)], repeat=1)[0], float("nan")
    a, b = _interleaved_ms([ours, theirs], [list(articles), list(articles)], repeat=1)
    return a, b


def batched_default_ms(docs: list[Document], batch: int = 64) -> tuple[float, float]:
    """Mean CPU ms per article of ``default`` from tokenized sentences: one call per
    document, and ``summarize_documents`` on ``batch`` documents per call (best of 5
    runs over all documents, the two ways alternating)."""
    singles, batched = [], []
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            fresh = [_fresh(d) for d in docs]
            t0 = time.process_time()
            for d in fresh:
                select(SUMMARIZERS["default"](), d, "sentences", 3)
            singles.append(time.process_time() - t0)
            fresh = [_fresh(d) for d in docs]
            t0 = time.process_time()
            for i in range(0, len(fresh), batch):
                summarize_documents(fresh[i : i + batch], n_sentences=3)
            batched.append(time.process_time() - t0)
    finally:
        gc.enable()
    return 1000 * min(singles) / len(docs), 1000 * min(batched) / len(docs)


def long_document(articles: list[Article], n: int = 1000) -> str:
    """One text of exactly ``n`` sentences made of whole articles' sentences."""
    sentences: list[str] = []
    for a in articles:
        sentences += build_document(a).sentences
        text = "\n".join(sentences[:n])
        if len(sentences) >= n and len(build_document(text)) >= n:
            return "\n".join(build_document(text).sentences[:n])
    return "\n".join(sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--articles", type=int, default=200, help="articles for parity")
    parser.add_argument("--speed", type=int, default=100, help="CNN/DM articles for speed")
    args = parser.parse_args(argv)

    parity_docs = [build_document(a) for a in parity_articles(args.data_dir, args.articles)]
    cnn = cnndm_articles(args.data_dir)[: args.speed]
    speed_docs = [build_document(a) for a in cnn]
    for m in METHODS:  # warm caches (stem memo, model weights) before timing
        summarize(cnn[0], m)
    for d in speed_docs + parity_docs:
        _ = d.stem_ids
    text = long_document(cnndm_articles(args.data_dir))
    n_long = len(build_document(text))

    print(
        f"parity: {len(parity_docs)} articles; speed: {len(cnn)} FRANK CNN/DM articles "
        f"(median {statistics.median(len(d) for d in speed_docs):.0f} sentences); "
        f"long document: {n_long} sentences"
    )
    header = (
        f"{'method':10s} {'parity':>7s} {'ties ok':>7s} | {'ours ms':>7s} {'sumy ms':>7s} "
        f"{'x':>6s} {'sumy-own':>8s} {'x':>6s} | {'e2e ms':>6s} {'sumy e2e':>8s} {'x':>5s} | "
        f"{'1k sent. s':>10s}"
    )
    print(header)
    print("-" * len(header))
    for method in METHODS:
        if method in SUMY_METHODS and method != "random":
            results = [compare_with_sumy(d, method) for d in parity_docs]
            strict = 100 * sum(r.strict for r in results) / len(results)
            ties = 100 * sum(r.up_to_ties for r in results) / len(results)
            parity = f"{strict:6.1f}% {ties:6.1f}%"
        else:
            parity = f"{'-':>7s} {'-':>7s}"
        ours, theirs, native = algorithm_ms(method, speed_docs)
        e2e, e2e_sumy = end_to_end_ms(method, cnn)
        t0 = time.process_time()
        summarize(text, method, n_sentences=10)
        long_s = time.process_time() - t0
        print(
            f"{method:10s} {parity} | {ours:7.3f} {theirs:7.2f} {theirs / ours:5.1f}x "
            f"{native:8.2f} {native / ours:5.1f}x | {e2e:6.2f} {e2e_sumy:8.2f} "
            f"{e2e_sumy / e2e:4.1f}x | {long_s:10.3f}"
        )
    one, many = batched_default_ms(speed_docs)
    print(
        f"default, 64 documents per summarize_documents call: {many:.3f} ms/article, "
        f"against {one:.3f} one call each (mean over the {len(speed_docs)} articles)"
    )
    print(
        "parity: same 3 sentences as sumy; ties ok: same up to exactly tied newskit scores.\n"
        "ours/sumy ms: CPU ms, median over articles of the best of 5 runs (GC off,\n"
        "sides alternating article by article),\n"
        "from tokenized sentences, both with newskit's memoised stemmer;\n"
        "sumy-own: sumy with its own Stemmer('english') (as shipped);\n"
        "e2e: newskit.summarize(article, method[, backend='sumy']) from raw text (same\n"
        "splitter and tokenizer on both sides). random: seeded RNGs differ, no parity;\n"
        "lead, default: newskit only."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
