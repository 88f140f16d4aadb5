"""Parity and speed of newskit's summarizers against sumy's implementations.

For every method, prints from one run:

* parity: share of articles (100 FRANK CNN/DM + 100 BBC News Summary) where
  newskit and sumy choose the same 3 sentences given the same sentences,
  tokens and stems ("strict"), and the share where they agree up to exactly
  tied scores;
* algorithm only, on the FRANK CNN/DM speed articles: median ms/article for
  newskit and for sumy, both from the same already tokenized sentences
  (newskit's time includes stemming, matrices and scoring; sumy's includes
  building its summarizer and scoring);
* **first sight, end to end from raw text** (the issue's target): for each
  article, newskit's time the first time it sees it (*cold*, and *flushed*:
  the same after a full garbage collection) and a second time (*warm*),
  beside sumy's own end-to-end path on the same text (its
  ``PlaintextParser`` and ``Tokenizer``, NLTK's Treebank word tokenizer, its
  ``Stemmer("english")`` and summarizer), and beside ``backend="sumy"``
  (sumy's summarizer on newskit's sentences, tokens and memoised stems);
* the cost of preparing a new article before ranking (sentence split; tokens,
  stems and word ids), cold and warm;
* the one-time cost per process of reading the stem table and seeding the
  vocabulary; the time on one 1,000-sentence document (target < 1 s);
  ``default`` one call per article and 64 per ``summarize_documents`` call.

*Cold* is defined as: the side (newskit or sumy) has just summarized another
article (an XSum one), as a working process has; then, just before the timed
call, :func:`newskit.summarizers._document.forget_seen_words` returns every
per-string cache newskit has (sentence-splitter memo, stemmer memo, word/stem
vocabulary) to the state of a process that has read no text, so no word of
the article, nor of the other one, is remembered; the shipped tables stay
loaded (their one-time cost is printed separately). sumy keeps no per-word
cache (its stemmer and tokenizers recompute every call), and the same steps
run before its cold call, so both sides start from the same state.
*Flushed* is the cold call after ``gc.collect()`` and the reset instead: a
full collection walks every object of the process, which empties the CPU
caches of both sides' working data, so it adds the cost of refilling them,
which is not work a new article needs. Sides
alternate article by article; each article is timed once per side and state
(medians over articles).

sumy's own tokenizer loads NLTK's ``punkt_tab`` data, a download that is absent
here; it is given NLTK's own ``PunktSentenceTokenizer`` on newskit's shipped
Punkt parameters instead (for sentences and inside ``nltk.word_tokenize``).

All times are CPU time of the benchmark process (the machine is shared), with
BLAS limited to one thread for both sides.

Usage: ``nice python benchmarks/bench_summarizers.py [--articles 200] [--speed 100]``;
``--prep-only`` prints only the cost before ranking, with and without the stem
table (two rounds each, alternating).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import gc
import os
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

# One BLAS thread for both sides: idle BLAS worker threads spin for a while after
# each call, and on a shared 2-core machine that CPU time would be charged to
# whichever side happens to be timed next.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summ_data import cnndm_articles, default_data_dir, parity_articles  # noqa: E402
from nltk.tokenize.punkt import PunktSentenceTokenizer  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.nlp.tokenizers import Tokenizer  # noqa: E402
from sumy.parsers.plaintext import PlaintextParser  # noqa: E402

from newskit import Article, summarize  # noqa: E402
from newskit.summarizers import (  # noqa: E402
    METHODS,
    SUMMARIZERS,
    SUMY_METHODS,
    Document,
    _document,
    summarize_documents,
)
from newskit.summarizers._api import select  # noqa: E402
from newskit.summarizers._document import build_document, forget_seen_words  # noqa: E402
from newskit.summarizers._parity import compare_with_sumy  # noqa: E402
from newskit.summarizers._sumy import SumySummarizer, sumy_document  # noqa: E402
from newskit.text import _words  # noqa: E402
from newskit.text._punkt import load_tokenizer  # noqa: E402

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
        select(SUMMARIZERS[method](), _fresh(d), "n_sentences", 3)

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


def _offline_punkt() -> PunktSentenceTokenizer:
    """NLTK's own Punkt sentence tokenizer on newskit's shipped parameters (a copy:
    sumy adds its abbreviations to the parameters it is given)."""
    return PunktSentenceTokenizer(copy.deepcopy(load_tokenizer()._params))


class _OfflineSumyTokenizer(Tokenizer):  # type: ignore[misc]
    """sumy's Tokenizer, unchanged except where its Punkt parameters come from."""

    def _get_sentence_tokenizer(self, language: str) -> PunktSentenceTokenizer:
        return _offline_punkt()


@contextlib.contextmanager
def _nltk_punkt_offline() -> Iterator[None]:
    """``nltk.word_tokenize`` (sumy's word tokenizer) splits sentences first with
    ``punkt_tab``; give it the same offline Punkt tokenizer."""
    import nltk.tokenize as nltk_tokenize

    punkt = _offline_punkt()
    saved = nltk_tokenize._get_punkt_tokenizer
    nltk_tokenize._get_punkt_tokenizer = lambda language="english": punkt
    try:
        yield
    finally:
        nltk_tokenize._get_punkt_tokenizer = saved


def sumy_own(method: str) -> Callable[[str], object]:
    """sumy end to end as a user runs it: parser, tokenizer, its stemmer, the summarizer."""
    tokenizer = _OfflineSumyTokenizer("english")
    summarizer = SumySummarizer(method, stemmer=NATIVE_STEMMER)._build()

    def run(text: str) -> object:
        document = PlaintextParser.from_string(text, tokenizer).document
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # sumy's LSA warns on short texts
            return summarizer(document, 3)

    return run


def _timed(fn: Callable[[], object]) -> float:
    """CPU ms of one call, garbage collection off inside it."""
    gc.disable()
    try:
        t0 = time.process_time()
        fn()
        return 1000 * (time.process_time() - t0)
    finally:
        gc.enable()


def _states(fn: Callable[[str], object], text: str, other: str) -> dict[str, float]:
    """CPU ms of ``fn(text)`` in each state: *flushed* (garbage collected, every
    per-string cache forgotten), *cold* (``other`` read, then every per-string cache
    forgotten), *warm* (again), *running* (caches forgotten, ``other`` read)."""
    out = {}
    gc.collect()
    forget_seen_words()
    out["flushed"] = _timed(lambda: fn(text))
    gc.collect()
    fn(other)
    forget_seen_words()
    out["cold"] = _timed(lambda: fn(text))
    out["warm"] = _timed(lambda: fn(text))
    gc.collect()
    forget_seen_words()
    fn(other)
    out["running"] = _timed(lambda: fn(text))
    return out


def first_sight(method: str, texts: list[str], others: list[str]) -> dict[str, list[float]]:
    """Per article and side (newskit, sumy's own path, backend='sumy'): *cold*
    (another article read, then every per-string cache forgotten just before),
    *flushed* (garbage collected and every cache forgotten just before), *warm*
    (the same article again), and *running* (caches forgotten, then one other
    article read, then this one: its first sight in a process that has been
    working and remembers that article's words).

    Sides alternate which goes first, article by article.
    """
    out: dict[str, list[float]] = {}
    theirs = sumy_own(method) if method in SUMY_METHODS else None
    sides: list[tuple[str, Callable[[str], object]]] = [("newskit", lambda t: summarize(t, method))]
    if theirs is not None:
        sides.append(("sumy", theirs))
        sides.append(("backend", lambda t: summarize(t, method, backend="sumy")))
    for i, (text, other) in enumerate(zip(texts, others, strict=True)):
        for name, fn in sides[:: -1 if i % 2 else 1]:
            for state, ms in _states(fn, text, other).items():
                out.setdefault(f"{name} {state}", []).append(ms)
    return out


def preparation(texts: list[str], others: list[str]) -> dict[str, list[float]]:
    """Per article, cold, flushed, warm and running (as in :func:`first_sight`): the
    sentence split (with the English check) and the tokens, stems and word ids
    (everything before ranking)."""
    out: dict[str, list[float]] = {}

    def prepare(text: str, state: str) -> None:
        box: list[Document] = []
        split = _timed(lambda: box.append(build_document(text)))
        ids = _timed(lambda: box[0].stem_ids)
        out.setdefault(f"split {state}", []).append(split)
        out.setdefault(f"ids {state}", []).append(ids)
        out.setdefault(f"prep {state}", []).append(split + ids)

    for text, other in zip(texts, others, strict=True):
        gc.collect()
        forget_seen_words()
        prepare(text, "flushed")
        gc.collect()
        _ = build_document(other).stem_ids
        forget_seen_words()
        prepare(text, "cold")
        prepare(text, "warm")
        gc.collect()
        forget_seen_words()
        _ = build_document(other).stem_ids
        prepare(text, "running")
    return out


def one_time_costs() -> tuple[float, float, float]:
    """CPU ms to read the stem table and to seed a vocabulary from it (first in the
    process), and the MB both hold (tracemalloc, measured on a second load)."""
    t0 = time.process_time()
    _words._shipped_stems()
    t1 = time.process_time()
    _document._Vocabulary()
    t2 = time.process_time()
    _words._shipped_stems.cache_clear()
    tracemalloc.start()
    _words._shipped_stems()
    vocabulary = _document._Vocabulary()
    held = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del vocabulary
    return 1000 * (t1 - t0), 1000 * (t2 - t1), held


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
                select(SUMMARIZERS["default"](), d, "n_sentences", 3)
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


def xsum_texts(data_dir: Path) -> list[str]:
    """The FRANK XSum test articles' texts (BBC, not in the stem table's corpora)."""
    import json

    path = data_dir / "frank-cnndm-xsum" / "frank_xsum_test.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [str(json.loads(line)["article"]) for line in fh if line.strip()]


def _med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _print_prep(prep: dict[str, list[float]]) -> None:
    for part, label in [
        ("split", "sentence split + English check"),
        ("ids", "tokens, stems, word ids"),
        ("prep", "both"),
    ]:
        cold, warm = _med(prep[f"{part} cold"]), _med(prep[f"{part} warm"])
        running, flushed = _med(prep[f"{part} running"]), _med(prep[f"{part} flushed"])
        print(
            f"  {label:31s} cold {cold:6.3f}  running {running:6.3f}  warm {warm:6.3f}  "
            f"flushed {flushed:6.3f}  cold/warm {cold / warm:4.2f}  "
            f"running/warm {running / warm:4.2f}  flushed/warm {flushed / warm:4.2f}"
        )


def prep_only(data_dir: Path, n: int) -> int:
    """The cost before ranking with the stem table and without it, alternating twice."""
    texts = ["\n\n".join(a.body) for a in cnndm_articles(data_dir)[:n]]
    others = (xsum_texts(data_dir) * 2)[: len(texts)]
    summarize(texts[0], "lexrank")
    print(f"before ranking, median CPU ms per article over {len(texts)} FRANK CNN/DM articles")
    try:
        for use in (False, True, False, True):
            _words.USE_STEM_TABLE = use
            print(
                "with the stem table:"
                if use
                else "without the stem table (NLTK for every new word):"
            )
            _print_prep(preparation(texts, others))
    finally:
        _words.USE_STEM_TABLE = True
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--articles", type=int, default=200, help="articles for parity")
    parser.add_argument("--speed", type=int, default=100, help="CNN/DM articles for speed")
    parser.add_argument(
        "--prep-only",
        action="store_true",
        help="print only the cost before ranking, with and without the stem table",
    )
    args = parser.parse_args(argv)
    if args.prep_only:
        return prep_only(args.data_dir, args.speed)

    load_at_start = os.getloadavg()[0]
    table_ms, seed_ms, held_mb = one_time_costs()  # first: nothing has loaded them yet
    parity_docs = [build_document(a) for a in parity_articles(args.data_dir, args.articles)]
    cnn = cnndm_articles(args.data_dir)[: args.speed]
    texts = ["\n\n".join(a.body) for a in cnn]
    others = (xsum_texts(args.data_dir) * 2)[: len(texts)]  # read before a "running" timing
    speed_docs = [build_document(a) for a in cnn]
    with _nltk_punkt_offline():
        for m in METHODS:  # import every module, load model weights, before timing
            summarize(cnn[0], m)
            if m in SUMY_METHODS:
                sumy_own(m)(texts[0])
    for d in speed_docs + parity_docs:
        _ = d.stem_ids
    text = long_document(cnndm_articles(args.data_dir))
    n_long = len(build_document(text))
    table = _words.stem_table()
    distinct = [set(d.flat_tokens) for d in speed_docs]
    coverage = _med([100 * sum(w in table for w in ws) / len(ws) for ws in distinct])

    print(
        f"parity: {len(parity_docs)} articles; speed: {len(cnn)} FRANK CNN/DM articles "
        f"(median {statistics.median(len(d) for d in speed_docs):.0f} sentences, "
        f"{statistics.median(len(ws) for ws in distinct):.0f} distinct words, "
        f"{coverage:.1f}% of them in the stem table); long document: {n_long} sentences"
    )
    print(
        f"machine: {os.cpu_count()} cores shared with other jobs; 1-minute load average "
        f"{load_at_start:.1f} at the start (the end of the run prints it again)"
    )
    print(
        f"one-time per process: stem table read {table_ms:.1f} ms, vocabulary seeded "
        f"{seed_ms:.1f} ms ({len(table):,} words; both hold {held_mb:.1f} MB)"
    )

    # -- preparation before ranking ------------------------------------------
    prep = preparation(texts, others)
    print(
        "\nbefore ranking, median CPU ms per article (cold: first sight, every cache "
        "forgotten after one\nother article; running: first sight after one other "
        "article; warm: the same article again;\nflushed: first sight after gc.collect() "
        "and the reset; target cold/warm <= 2):"
    )
    _print_prep(prep)

    # -- parity and algorithm-only speed -------------------------------------
    print()
    header = (
        f"{'method':10s} {'parity':>7s} {'ties ok':>7s} | {'ours ms':>7s} {'sumy ms':>7s} "
        f"{'x':>6s} {'sumy-own':>8s} {'x':>6s} | {'1k sent. s':>10s}"
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
        t0 = time.process_time()
        summarize(text, method, n_sentences=10)
        long_s = time.process_time() - t0
        print(
            f"{method:10s} {parity} | {ours:7.3f} {theirs:7.2f} {theirs / ours:5.1f}x "
            f"{native:8.2f} {native / ours:5.1f}x | {long_s:10.3f}"
        )
    print(
        "parity: same 3 sentences as sumy; ties ok: same up to exactly tied newskit scores.\n"
        "ours/sumy ms: from tokenized sentences, CPU ms, median over articles of the best\n"
        "of 5 runs (GC off, sides alternating article by article), both with newskit's\n"
        "memoised stemmer; sumy-own: sumy with its own Stemmer('english') (as shipped)."
    )

    # -- first sight, end to end ---------------------------------------------
    print("\nend to end from raw text, median CPU ms per article: newskit and sumy's own path")
    header = (
        f"{'method':10s} | {'cold':>5s} {'run':>5s} {'warm':>5s} {'c/w':>4s} | "
        f"{'sumy':>6s} {'run':>6s} {'warm':>6s} | {'x cold':>6s} {'>=10x':>5s} {'arts':>4s} "
        f"{'x run':>6s} {'>=10x':>5s} | {'flush':>5s} {'sumy':>6s} {'x':>5s} | "
        f"{'b=sumy':>6s} {'x':>5s}"
    )
    print(header)
    print("-" * len(header))
    with _nltk_punkt_offline():
        for method in METHODS:
            r = first_sight(method, texts, others)
            cold, warm = _med(r["newskit cold"]), _med(r["newskit warm"])
            run, flushed = _med(r["newskit running"]), _med(r["newskit flushed"])
            line = f"{method:10s} | {cold:5.2f} {run:5.2f} {warm:5.2f} {cold / warm:4.2f} | "
            if "sumy cold" in r:
                s_cold, s_run, s_warm = (_med(r[f"sumy {k}"]) for k in ("cold", "running", "warm"))
                s_flushed = _med(r["sumy flushed"])
                backend = _med(r["backend cold"])
                per = [s / c for s, c in zip(r["sumy cold"], r["newskit cold"], strict=True)]
                share = 100 * sum(x >= 10 for x in per) / len(per)
                line += (
                    f"{s_cold:6.2f} {s_run:6.2f} {s_warm:6.2f} | {s_cold / cold:5.1f}x "
                    f"{'yes' if s_cold / cold >= 10 else 'NO':>5s} {share:3.0f}% "
                    f"{s_run / run:5.1f}x {'yes' if s_run / run >= 10 else 'NO':>5s} | "
                    f"{flushed:5.2f} {s_flushed:6.2f} {s_flushed / flushed:4.1f}x | "
                    f"{backend:6.2f} {backend / cold:4.1f}x"
                )
            else:
                line += f"{'-':>6s} {'-':>6s} {'-':>6s} | {'-':>6s} {'-':>5s} {'-':>4s} "
                line += f"{'-':>6s} {'-':>5s} | {flushed:5.2f} {'-':>6s} {'-':>5s} | "
                line += f"{'-':>6s} {'-':>5s}"
            print(line, flush=True)
    print(
        "cold: first sight: the same side read one other article (an XSum article), then\n"
        "every per-string cache was forgotten just before (newskit's splitter memo, stemmer\n"
        "memo and vocabulary back to the shipped stem table; sumy keeps none); run: first\n"
        "sight after the reset and then one other article, whose words are remembered;\n"
        "warm: the same article again; flush: cold, but after gc.collect() and the reset\n"
        "(the collection empties the CPU caches; x: sumy / newskit in that state).\n"
        "sumy: sumy's own path (PlaintextParser, Tokenizer with NLTK Punkt on newskit's\n"
        "parameters and NLTK word_tokenize, Stemmer('english'), the summarizer).\n"
        "x cold / x run: sumy / newskit (medians); >=10x: the target; arts: share of\n"
        "articles whose own cold ratio is >= 10; b=sumy: newskit.summarize(...,\n"
        "backend='sumy') cold (sumy's summarizer on newskit's sentences, tokens and\n"
        "memoised stems). random: seeded RNGs differ, no parity; lead, default: newskit only."
    )

    one, many = batched_default_ms(speed_docs)
    print(
        f"\ndefault, 64 documents per summarize_documents call: {many:.3f} ms/article, "
        f"against {one:.3f} one call each (mean over the {len(speed_docs)} articles)"
    )
    print(f"1-minute load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
