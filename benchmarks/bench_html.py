"""Benchmark HTML article extraction: newskit against trafilatura, newspaper4k, readability-lxml.

Three public sets, each scored with its own published metric, all extractors in one run:

* ``article-extraction-benchmark`` (Zyte, 181 pages): 4-gram shingle precision / recall / F1
  (P and R averaged over pages, F1 from the averages), as its SOURCE.md describes.
* ``wcxb-articles`` (793 dev pages): bag-of-words F1 (``\\w+``, lowercased, multiset overlap)
  averaged over pages; title exact-match rate (whitespace collapsed) and published-date accuracy
  (same day) over pages whose gold has a title / date.
* ``trafilatura-eval`` (English subset, 180 pages): must-contain / must-not-contain snippets.

For every extractor the script also prints pages per CPU second (extraction only) and the peak
resident memory of a fresh process that parses the first ``--mem-pages`` pages of each set
(imports included), and
how many of the Article metadata fields each one fills.

``--text`` adds "page copy" rows: each page is rendered to plain text with
``lynx -dump -nolist`` and with ``w3m -dump`` (Debian packages, needed only here; pick with
``--renderers``) and parsed with ``newskit.parse_text``; all articles it returns are scored
against the same gold. ``--extractors none --text`` scores the page copies alone.

A run over all three sets draws each extractor's F1 on each set to
``docs/_static/charts/html-extraction.png``.

newskit's scored text is its dateline and body with the subheads in place (the gold texts
contain them); highlights, captions and title are left out (the Zyte gold leaves them out).

Usage::

    nice python benchmarks/bench_html.py --limit 20          # quick look
    nice python benchmarks/bench_html.py --text              # full run, all sets
    nice python benchmarks/bench_html.py --extractors none --text --sets zyte   # page copies only
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import math
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from _common import add_data_dir, command, pyplot, save_chart, table_header, table_row

HERE = Path(__file__).resolve().parent
FIELDS = (
    "title",
    "authors",
    "published",
    "updated",
    "url",
    "source",
    "language",
    "highlights",
    "captions",
    "dateline",
    "sections",
)
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- extractors


@dataclass
class Result:
    """What one extractor gave for one page."""

    text: str
    title: str | None = None
    published: date | None = None
    fields: set[str] = field(default_factory=set)
    updated: date | None = None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def newskit_text(article: Any) -> str:
    """Dateline, then the body with each subhead before its paragraphs: what the gold contains.

    Sections cover the end of the body in order, so the paragraphs before the
    first subhead are the ones no section holds. The dateline's dash is not
    kept by the parser; an em dash stands in for it.
    """
    in_sections = sum(len(s.paragraphs) for s in article.sections)
    lines = list(article.body[: len(article.body) - in_sections])
    if article.dateline:
        lines.insert(0, f"{article.dateline} —")
    for section in article.sections:
        lines.append(section.heading)
        lines.extend(section.paragraphs)
    return "\n".join(lines)


def run_newskit(html: bytes, url: str | None) -> Result:
    import newskit

    a = newskit.parse_html(html, url=url)
    filled = {f for f in FIELDS if getattr(a, f)}
    return Result(newskit_text(a), a.title or None, _day(a.published), filled, _day(a.updated))


def run_trafilatura(html: bytes, url: str | None) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None or isinstance(doc, dict):
        return Result("")
    mapping = {
        "title": doc.title,
        "authors": doc.author,
        "published": doc.date,
        "url": doc.url,
        "source": doc.sitename,
        "language": doc.language,
    }
    filled = {k for k, v in mapping.items() if v}
    return Result(doc.text or "", doc.title, _day(doc.date), filled)


def run_newspaper(html: bytes, url: str | None) -> Result:
    from newspaper import Article as NpArticle

    # fetch_images=False: newspaper4k would otherwise download images to rank them.
    art = NpArticle(url or "http://example.com/", fetch_images=False)
    art.download(input_html=_decode(html))
    art.parse()
    mapping = {
        "title": art.title,
        "authors": art.authors,
        "published": art.publish_date,
        "url": art.canonical_link,
        "source": art.meta_site_name,
        "language": art.meta_lang,
    }
    filled = {k for k, v in mapping.items() if v}
    return Result(art.text or "", art.title or None, _day(art.publish_date), filled)


def run_readability(html: bytes, url: str | None) -> Result:
    import lxml.html
    from readability import Document

    doc = Document(_decode(html), url=url)
    summary = doc.summary(html_partial=True)
    try:
        text = "\n".join(lxml.html.fromstring(summary).itertext()) if summary.strip() else ""
    except Exception:
        text = ""
    title = doc.short_title() or None
    return Result(text, title, None, {"title"} if title else set())


def _decode(html: bytes) -> str:
    from newskit.parsing._html_decode import decode_html

    return decode_html(html)


def page_copy_extractors(renderers: list[str]) -> dict[str, Callable[[bytes, str | None], Result]]:
    """One page-copy extractor per text browser."""
    return {
        page_copy_name(r): (lambda html, url, r=r: run_page_copy(html, url, r))  # type: ignore[misc]
        for r in renderers
    }


EXTRACTORS: dict[str, Callable[[bytes, str | None], Result]] = {
    "newskit": run_newskit,
    "trafilatura": run_trafilatura,
    "newspaper4k": run_newspaper,
    "readability-lxml": run_readability,
}

# --------------------------------------------------------------------------- page copies


def lynx_text(html: bytes) -> str:
    """Render a page to plain text as a user's "select all, copy" would give it."""
    proc = subprocess.run(
        [
            "lynx",
            "-dump",
            "-nolist",
            "-width=1000",
            "-assume_charset=utf-8",
            "-display_charset=utf-8",
            "-stdin",
        ],
        input=_decode(html).encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    return proc.stdout.decode("utf-8", "replace")


def w3m_text(html: bytes) -> str:
    """Render a page to plain text with w3m, the other common text browser."""
    proc = subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-cols", "1000", "-I", "utf-8", "-O", "utf-8"],
        input=_decode(html).encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    return proc.stdout.decode("utf-8", "replace")


RENDERERS: dict[str, Callable[[bytes], str]] = {"lynx": lynx_text, "w3m": w3m_text}
PAGE_COPY = "newskit page copy, {} (parse_text)"


def page_copy_name(renderer: str) -> str:
    return PAGE_COPY.format(renderer)


def run_page_copy(html: bytes, url: str | None, renderer: str = "lynx") -> Result:
    """Render with ``renderer``, then parse; the CPU time of the renderer is not counted."""
    import newskit

    text = RENDERERS[renderer](html)
    articles = newskit.parse_text(text)
    body = "\n".join(newskit_text(a) for a in articles)
    title = articles[0].title if articles else None
    published = _day(articles[0].published) if articles else None
    filled = {f for f in FIELDS for a in articles[:1] if getattr(a, f)}
    return Result(body, title or None, published, filled)


# --------------------------------------------------------------------------- metrics


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_pr(pred: str, gold: str) -> tuple[float | None, float | None]:
    """Per-document (precision, recall) of the Zyte benchmark; None where undefined."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def bow_f1(pred: str, gold: str) -> float:
    p = Counter(w.lower() for w in _WORD.findall(pred))
    g = Counter(w.lower() for w in _WORD.findall(gold))
    if not p and not g:
        return 1.0
    tp = sum((p & g).values())
    if tp == 0:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


# --------------------------------------------------------------------------- data sets


Page = tuple[str, bytes, str | None, dict[str, Any]]


def zyte_pages(data: Path, limit: int | None = None) -> list[Page]:
    root = data / "article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(gold)[:limit]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        out.append((key, html, gold[key].get("url"), gold[key]))
    return out


def wcxb_pages(data: Path, limit: int | None = None) -> list[Page]:
    root = data / "wcxb-articles" / "dev"
    out: list[Page] = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        if limit is not None and len(out) >= limit:
            break
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record.get("ground_truth") or {}
        if not truth.get("main_content"):
            continue
        html = gzip.decompress((root / "html" / f"{path.stem}.html.gz").read_bytes())
        out.append((path.stem, html, record.get("url"), truth))
    return out


def trafilatura_pages(data: Path, limit: int | None = None) -> list[Page]:
    root = data / "trafilatura-eval"
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    lines = (root / "english_subset.tsv").read_text(encoding="utf-8").splitlines()[1:][:limit]
    out = []
    for line in lines:
        url, _, name = line.partition("\t")
        item = evaldata.get(url)
        if item is None:
            continue
        html = gzip.decompress((root / "html" / f"{name}.gz").read_bytes())
        out.append((name, html, url, item))
    return out


# --------------------------------------------------------------------------- running


def run_all(
    pages: list[tuple[str, bytes, str | None, dict[str, Any]]],
    names: list[str],
    extractors: dict[str, Callable[[bytes, str | None], Result]],
) -> Runs:
    out: Runs = {}
    for name in names:
        fn = extractors[name]
        results: list[Result] = []
        # CPU time, not wall time: the benchmark machine is shared.
        start = time.process_time()
        for _key, html, url, _gold in pages:
            try:
                results.append(fn(html, url))
            except Exception as exc:  # a crashing peer scores an empty page
                print(f"  {name} failed on {_key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                results.append(Result(""))
        out[name] = (results, time.process_time() - start)
    return out


def peak_memory(name: str, data_dir: Path, sets: list[str], pages: int) -> float:
    """Peak resident memory (MiB) of a fresh process that parses ``pages`` pages of each set.

    Measured in a child process so that lxml's C allocations count and the
    other extractors' memory does not.
    """
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]); import bench_html as b; "
        "b.memory_probe(sys.argv[2], b.Path(sys.argv[3]), sys.argv[4].split(','), int(sys.argv[5]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(HERE), name, str(data_dir), ",".join(sets), str(pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return float(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return math.nan


def memory_probe(name: str, data_dir: Path, sets: list[str], pages: int) -> None:
    """Child-process side of :func:`peak_memory`: print peak RSS in MiB.

    The high-water mark is reset (Linux ``clear_refs``) after the pages are
    loaded, so it counts the extractor's imports and work, not the gold files.
    """
    extractors = dict(EXTRACTORS, **page_copy_extractors(list(RENDERERS)))
    fn = extractors[name]
    todo = [page for set_name in sets for page in LOADERS[set_name](data_dir, pages)]
    Path("/proc/self/clear_refs").write_text("5")
    for _key, html, url, _gold in todo:
        with contextlib.suppress(Exception):
            fn(html, url)
    status = Path("/proc/self/status").read_text()
    peak_kib = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    print(peak_kib / 1024)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else math.nan


Runs = dict[str, tuple[list[Result], float]]


def report_zyte(pages: Any, runs: Runs) -> dict[str, float]:
    print(f"\n## article-extraction-benchmark ({len(pages)} pages): 4-gram shingle metric\n")
    print(table_header(["extractor", "precision", "recall", "F1"], "lrrr"))
    f1 = {}
    for name, (results, _s) in runs.items():
        ps, rs = [], []
        for (_k, _h, _u, gold), res in zip(pages, results, strict=True):
            p, r = shingle_pr(res.text, gold["articleBody"])
            if p is not None:
                ps.append(p)
            if r is not None:
                rs.append(r)
        p, r = mean(ps), mean(rs)
        f1[name] = 2 * p * r / (p + r)
        print(table_row([name, *(f"{x:.3f}" for x in (p, r, f1[name]))]))
    return f1


def report_wcxb(pages: Any, runs: Runs) -> dict[str, float]:
    n_title = sum(1 for *_x, gold in pages if gold.get("title"))
    n_date = sum(1 for *_x, gold in pages if _day(gold.get("publish_date")))
    print(f"\n## wcxb-articles dev ({len(pages)} pages): bag-of-words F1, title, date\n")
    header = ["extractor", "body F1", f"title exact ({n_title})"]
    header += [f"published = gold day ({n_date})", "published or updated = gold day"]
    print(table_header(header, "lrrrr"))
    f1 = {}
    for name, (results, _s) in runs.items():
        f1s, titles, dates, either = [], [], [], []
        for (_k, _h, _u, gold), res in zip(pages, results, strict=True):
            f1s.append(bow_f1(res.text, gold["main_content"]))
            if gold.get("title"):
                titles.append(norm(res.title) == norm(gold["title"]))
            gold_day = _day(gold.get("publish_date"))
            if gold_day:
                dates.append(res.published == gold_day)
                either.append(gold_day in (res.published, res.updated))
        f1[name] = mean(f1s)
        figures = (f1[name], mean(titles), mean(dates), mean(either))
        print(table_row([name, *(f"{x:.3f}" for x in figures)]))
    return f1


def report_snippets(pages: Any, runs: Runs) -> dict[str, float]:
    print(f"\n## trafilatura-eval English subset ({len(pages)} pages): snippets\n")
    print(table_header(["extractor", "precision", "recall", "accuracy", "F1"], "lrrrr"))
    f1 = {}
    for name, (results, _s) in runs.items():
        tp = fp = tn = fn = 0
        for (_k, _h, _u, gold), res in zip(pages, results, strict=True):
            text = norm(res.text)
            for snippet in gold.get("with", []):
                if norm(snippet) in text:
                    tp += 1
                else:
                    fn += 1
            for snippet in gold.get("without", []):
                if norm(snippet) in text:
                    fp += 1
                else:
                    tn += 1
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        acc = (tp + tn) / max(tp + tn + fp + fn, 1)
        f1[name] = 2 * p * r / (p + r)
        print(table_row([name, *(f"{x:.3f}" for x in (p, r, acc, f1[name]))]))
    return f1


def report_speed(
    totals: dict[str, list[float]], memory: dict[str, float], fields: dict[str, Counter[str]]
) -> None:
    print("\n## Speed, memory, fields filled (all pages of the sets above)\n")
    header = ["extractor", "pages/CPU-s", "peak RSS MiB", "fields filled per page", *FIELDS]
    print(table_header(header, "l" + "r" * (len(header) - 1)))
    for name, (pages, seconds) in totals.items():
        count = fields[name]
        per_page = sum(count.values()) / max(pages, 1)
        shares = [f"{count[f] / max(pages, 1):.2f}" for f in FIELDS]
        figures = [f"{pages / seconds:.1f}", f"{memory.get(name, math.nan):.1f}", f"{per_page:.2f}"]
        print(table_row([name, *figures, *shares]))


SET_LABELS = {
    "zyte": "Zyte article-extraction-benchmark\n(4-gram shingle F1)",
    "wcxb": "WCXB articles, dev\n(bag-of-words F1)",
    "trafilatura": "trafilatura-eval, English\n(snippet F1)",
}


def chart(scores: dict[str, dict[str, float]]) -> None:
    """Each extractor's F1 on each set, one group of bars per set."""
    plt = pyplot()
    sets = list(scores)
    names = list(scores[sets[0]])
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    height = 0.8 / len(names)
    colours = ["#4c72b0", "#55a868", "#dd8452", "#8172b3", "#937860", "#da8bc3"]
    for j, name in enumerate(names):
        ys = [i + j * height for i in range(len(sets))]
        values = [scores[s].get(name, math.nan) for s in sets]
        ax.barh(ys, values, height=height * 0.95, label=name, color=colours[j % len(colours)])
        for y, v in zip(ys, values, strict=True):
            ax.text(v, y, f" {v:.3f}", va="center", fontsize=7)
    ax.set_yticks([i + 0.4 - height / 2 for i in range(len(sets))])
    ax.set_yticklabels([SET_LABELS[s] for s in sets])
    ax.invert_yaxis()
    ax.set_xlim(0.5, 1.0)
    ax.set_xlabel("F1 (each set's own metric)")
    fig.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    save_chart(fig, "html-extraction")


LOADERS: dict[str, Callable[[Path, int | None], list[Page]]] = {
    "zyte": zyte_pages,
    "wcxb": wcxb_pages,
    "trafilatura": trafilatura_pages,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_dir(parser)
    parser.add_argument("--limit", type=int, default=None, help="pages per set (default: all)")
    parser.add_argument(
        "--sets", default="zyte,wcxb,trafilatura", help="comma list of zyte, wcxb, trafilatura"
    )
    parser.add_argument(
        "--extractors", default=",".join(EXTRACTORS), help="comma list of " + ", ".join(EXTRACTORS)
    )
    parser.add_argument(
        "--text", action="store_true", help="also score parse_text on text-browser dumps"
    )
    parser.add_argument(
        "--renderers", default="lynx,w3m", help="comma list of text browsers for --text"
    )
    parser.add_argument(
        "--mem-pages", type=int, default=30, help="pages per set for the peak-memory process"
    )
    args = parser.parse_args(argv)

    extractors = dict(EXTRACTORS)
    names = [n.strip() for n in args.extractors.split(",") if n.strip() not in ("", "none")]
    unknown = [n for n in names if n not in extractors]
    if unknown:
        parser.error(f"unknown extractor(s): {', '.join(unknown)}")
    if args.text:
        renderers = [r.strip() for r in args.renderers.split(",") if r.strip()]
        for renderer in renderers:
            if renderer not in RENDERERS:
                parser.error(f"unknown renderer {renderer!r}: pick from {', '.join(RENDERERS)}")
            if shutil.which(renderer) is None:
                parser.error(f"--text needs {renderer} (apt-get install {renderer})")
        copies = page_copy_extractors(renderers)
        extractors.update(copies)
        names.extend(copies)

    reporters = {"zyte": report_zyte, "wcxb": report_wcxb, "trafilatura": report_snippets}
    scores: dict[str, dict[str, float]] = {}
    totals: dict[str, list[float]] = {n: [0, 0.0] for n in names}
    fields: dict[str, Counter[str]] = {n: Counter() for n in names}
    memory: dict[str, float] = {}
    print(f"command: {command()}")
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    for set_name in sets:
        pages = LOADERS[set_name](args.data_dir, args.limit)
        runs = run_all(pages, names, extractors)
        scores[set_name] = reporters[set_name](pages, runs)
        for name, (results, seconds) in runs.items():
            totals[name][0] += len(results)
            totals[name][1] += seconds
            for res in results:
                fields[name].update(res.fields)
    for name in names:
        memory[name] = peak_memory(name, args.data_dir, sets, args.mem_pages)
    report_speed(totals, memory, fields)
    if args.limit is None and len(sets) == len(LOADERS) and names:
        chart(scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
