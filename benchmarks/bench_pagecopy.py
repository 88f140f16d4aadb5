"""Benchmark page copies: the text of a rendered web page, parsed with ``newskit.parse_text``.

Every page of ``wcxb-articles`` (dev) and ``article-extraction-benchmark`` (Zyte) is rendered to
plain text as a user would copy it, by each renderer:

* ``w3m-100`` / ``w3m-1000``: ``w3m -dump -cols 100`` / ``-cols 1000`` (hard-wrapped / unwrapped);
* ``lynx-80``: ``lynx -dump`` as it comes (80 columns, link numbers and the reference list);
* ``lynx-80-nolist`` / ``lynx-1000-nolist``: ``lynx -dump -nolist`` at 80 / 1000 columns;
* ``inscriptis``: ``inscriptis.get_text``, a browser-like layout (one block per line, much as a
  browser's "select all, copy" gives it).

For each renderer it prints, over all pages of both sets, the word bag-of-words F1, precision and
recall (``\\w+``, lower-cased, multiset overlap; the WCXB metric) of the parsed articles' text
(dateline, body and subheads of every article returned) against the page's gold main text; the
title exact-match rate (NFKC, curly quotes and dashes as ASCII, whitespace collapsed,
case-folded: the gold comes from page metadata, which spells these unlike the printed headline;
WCXB pages with a gold title); the date-found rate
(some published or updated date found; WCXB pages with a gold date) and the same-day rate; and
the share of pages under 0.5 recall; then the same figures for each group of pages alone, and the
share of WCXB pages whose gold title is a line of the render at all (the ceiling of title exact for
a reader that picks one line). Two reference
rows are printed beside them:
``parse_html`` on the same pages (the HTML, not a render) and the raw render scored untouched
(the floor: no parsing at all).

The WCXB dev pages are cut in two halves, once and for all, by the first byte of the SHA-256 of
the page id (the ground-truth file name, ``0001``): even bytes make the **development half**, odd
ones the **held-out half** (:func:`half_of`). Page-copy rules are written after reading misses of
development-half pages only (``--half dev``); a rule is kept only when it gains on the held-out
half too (``--half held``) and does not lower the ``article-extraction-benchmark`` pages
(``--half aeb``), a check set whose misses are never read. The full run (``--half all``, the
default) prints every figure for the three groups.

Then the concatenation test: for each renderer, files made of 2 to 5 different page copies in a
row (separated by one blank line; pages drawn with a fixed seed) are parsed, and the share split
into the right number of articles is printed, with the share where ``parse_text`` warned
(:class:`newskit.ParseWarning`) that it could not tell the boundaries, and beside them the
share of single page copies (one page per file) on which it warned, the false-warning rate, and
the share of single page copies it returned as two articles or more (a wrong split); then the same
for files drawn from one group only.

Renders are cached under ``--cache`` (default ``/tmp/parse-cache``); nothing is written to the
repository except, with ``--save``, the printed output to ``benchmarks/results/bench_pagecopy.txt``.

Usage::

    nice python benchmarks/bench_pagecopy.py --limit 50          # quick look
    nice python benchmarks/bench_pagecopy.py --half dev          # the pages rules are written on
    nice python benchmarks/bench_pagecopy.py --save              # the full run
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import re
import subprocess
import sys
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import REPO, Timer, add_data_dir, command, table_header, table_row

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
RESULTS = REPO / "benchmarks" / "results" / "bench_pagecopy.txt"
HTML_ROW = "parse_html (the HTML)"
#: The groups of pages scored alone: (half, label).
GROUPS = (
    ("dev", "wcxb dev, development half"),
    ("held", "wcxb dev, held-out half"),
    ("aeb", "zyte (check)"),
)
FLOOR_ROW = "raw render (floor)"


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class Page:
    key: str
    html: bytes
    body: str
    title: str | None
    date: str | None


def half_of(key: str) -> str:
    """The group of a page: ``dev`` or ``held`` (a WCXB dev page's half), ``aeb`` (Zyte).

    The half is fixed by the first byte of the SHA-256 of the page id (the ground-truth
    file name): even, the development half; odd, the held-out half.

    >>> half_of("wcxb/0001"), half_of("wcxb/0002"), half_of("zyte/0001")
    ('dev', 'held', 'aeb')
    """
    source, _, name = key.partition("/")
    if source != "wcxb":
        return "aeb"
    return "held" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 else "dev"


def wcxb_pages(data: Path) -> list[Page]:
    root = data / "wcxb-articles" / "dev"
    out = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8")).get("ground_truth") or {}
        if not truth.get("main_content"):
            continue
        html = gzip.decompress((root / "html" / f"{path.stem}.html.gz").read_bytes())
        date = truth.get("publish_date") or None
        out.append(Page(f"wcxb/{path.stem}", html, truth["main_content"], truth.get("title"), date))
    return out


def zyte_pages(data: Path) -> list[Page]:
    root = data / "article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(gold):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        out.append(Page(f"zyte/{key}", html, gold[key]["articleBody"], None, None))
    return out


# --------------------------------------------------------------------------- renderers


def _decoded(html: bytes) -> str:
    from newskit.parsing._html_decode import decode_html

    return decode_html(html)


def _run(cmd: list[str], html: bytes) -> str:
    proc = subprocess.run(
        cmd, input=_decoded(html).encode("utf-8"), capture_output=True, timeout=120, check=False
    )
    return proc.stdout.decode("utf-8", "replace")


def _w3m(cols: int) -> Callable[[bytes], str]:
    cmd = ["w3m", "-dump", "-T", "text/html", "-cols", str(cols), "-I", "utf-8", "-O", "utf-8"]
    return lambda html: _run(cmd, html)


def _lynx(width: int, nolist: bool) -> Callable[[bytes], str]:
    cmd = ["lynx", "-dump", f"-width={width}", "-assume_charset=utf-8", "-display_charset=utf-8"]
    cmd += ["-nolist"] if nolist else []
    return lambda html: _run([*cmd, "-stdin"], html)


def _inscriptis(html: bytes) -> str:
    from inscriptis import get_text

    return str(get_text(_decoded(html)))


RENDERERS: dict[str, Callable[[bytes], str]] = {
    "w3m-100": _w3m(100),
    "w3m-1000": _w3m(1000),
    "lynx-80": _lynx(80, nolist=False),
    "lynx-80-nolist": _lynx(80, nolist=True),
    "lynx-1000-nolist": _lynx(1000, nolist=True),
    "inscriptis": _inscriptis,
}


def _cached(cache: Path, name: str, page: Page, make: Callable[[], str]) -> str:
    digest = hashlib.sha1(page.html).hexdigest()[:16]
    path = cache / name / f"{digest}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    text = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def render_all(cache: Path, renderer: str, pages: list[Page], jobs: int) -> list[str]:
    fn = RENDERERS[renderer]
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda p: _cached(cache, renderer, p, lambda: fn(p.html)), pages))


# --------------------------------------------------------------------------- scoring


@dataclass
class Output:
    body: str
    title: str | None
    dated: bool
    day: str | None
    articles: int
    warned: bool


def article_text(article: Any) -> str:
    """Dateline, body and subheads in place (the gold texts hold subheads)."""
    heads = {}
    at = len(article.body) - sum(len(s.paragraphs) for s in article.sections)
    for section in article.sections:
        heads.setdefault(at, []).append(section.heading)
        at += len(section.paragraphs)
    parts = [article.dateline or ""]
    for i, paragraph in enumerate(article.body):
        parts += heads.get(i, [])
        parts.append(paragraph)
    parts += heads.get(len(article.body), [])
    return "\n".join(p for p in parts if p)


def _day(article: Any) -> str | None:
    stamp = article.published or article.updated
    return stamp.date().isoformat() if stamp else None


def parse_copy(text: str) -> Output:
    import newskit

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = newskit.parse_text(text) if text.strip() else []
    warned = any(type(w.message).__name__ == "ParseWarning" for w in caught)
    body = "\n".join(article_text(a) for a in articles)
    first = articles[0] if articles else None
    dated = any(a.published_text or a.updated_text for a in articles[:1])
    return Output(
        body,
        first.title if first else None,
        dated,
        _day(first) if first else None,
        len(articles),
        warned,
    )


def parse_page_html(cache: Path, page: Page) -> Output:
    def make() -> str:
        import newskit

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = newskit.parse_html(page.html)
        dated = bool(a.published_text or a.updated_text or a.published or a.updated)
        return json.dumps([article_text(a), a.title, dated, _day(a)])

    body, title, dated, day = json.loads(_cached(cache, "parse_html", page, make))
    return Output(body, title, dated, day, 1, False)


def bow_prf(pred: str, gold: str) -> tuple[float, float, float]:
    p = Counter(w.lower() for w in _WORD.findall(pred))
    g = Counter(w.lower() for w in _WORD.findall(gold))
    if not p and not g:
        return 1.0, 1.0, 1.0
    tp = sum((p & g).values())
    if tp == 0:
        return 0.0, 0.0, 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall), precision, recall


# Gold titles come from the page's metadata, which often spells quotes, dashes and
# case unlike the headline printed on the page ("It’s" / "It's", "BEST EVS" / "Best EVs")
_TITLE_CHARS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: str | None) -> str:
    """A title for comparison: NFKC, curly quotes and dashes as ASCII, whitespace
    collapsed, case-folded."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TITLE_CHARS)
    return _SPACE.sub(" ", text).strip().casefold()


def _gold_day(page: Page) -> str | None:
    from newskit.parsing._dates import match_date_line

    if not page.date:
        return None
    stamps = match_date_line(page.date[:64])
    if not stamps:
        return page.date[:10] if re.match(r"\d{4}-\d\d-\d\d", page.date) else None
    stamp = stamps[0].resolve(None)
    return stamp.date().isoformat() if stamp else None


def title_is_a_line(page: Page, text: str) -> bool:
    """Whether the gold title is one of the lines ``parse_text`` reads (wrapped lines re-joined)."""
    from newskit.parsing._lines import classify

    gold = norm(page.title)
    return any(norm(line.text) == gold for line in classify(text))


def parser_commit() -> str:
    """The commit of the ``newskit`` this run imports, and whether its package has changes."""
    import newskit

    root = Path(newskit.__file__).resolve().parents[1]

    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
        return proc.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "newskit")
    return f"{head}{' with uncommitted changes to newskit/' if dirty else ''}"


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else float("nan")


CAT_HEADER = [
    "renderer",
    "right count",
    "warned",
    "right or warned",
    "by copies 2/3/4/5",
    "single pages warned",
    "single pages split",
]
HEADER = ["input", "pages", "F1", "P", "R", "title exact", "date found", "date right", "R < 0.5"]


def score_row(name: str, pages: list[Page], outputs: list[Output]) -> str:
    prf = [bow_prf(o.body, p.body) for p, o in zip(pages, outputs, strict=True)]
    titled = [(p, o) for p, o in zip(pages, outputs, strict=True) if p.title]
    dated = [(p, o, _gold_day(p)) for p, o in zip(pages, outputs, strict=True) if p.date]
    cells = [
        name,
        len(pages),
        f"{mean(x[0] for x in prf):.3f}",
        f"{mean(x[1] for x in prf):.3f}",
        f"{mean(x[2] for x in prf):.3f}",
        f"{mean(norm(o.title) == norm(p.title) for p, o in titled):.1%}" if titled else "-",
        f"{mean(o.dated for _, o, _ in dated):.1%}" if dated else "-",
        f"{mean(o.day is not None and o.day == d for _, o, d in dated):.1%}" if dated else "-",
        f"{mean(x[2] < 0.5 for x in prf):.1%}",
    ]
    return table_row(cells)


# --------------------------------------------------------------------------- main


def single_cells(outputs: list[Output]) -> list[str]:
    """Single page copies warned on, and returned as two articles or more."""
    return [
        f"{mean(o.warned for o in outputs):.1%}",
        f"{mean(o.articles >= 2 for o in outputs):.1%}",
    ]


def concatenations(
    renders: list[str], files: int, seed: int
) -> tuple[float, float, float, dict[int, float]]:
    """Share of files split into the right number of articles; share warned; by copies."""
    rng = random.Random(seed)
    usable = [i for i, text in enumerate(renders) if text.strip()]
    right: list[bool] = []
    warned: list[bool] = []
    right_or_warned: list[bool] = []
    by_k: dict[int, list[bool]] = {}
    for _ in range(files):
        k = min(rng.randint(2, 5), len(usable))  # a --limit run may have fewer pages
        chosen = rng.sample(usable, k)
        text = "\n\n".join(renders[i].strip("\n") for i in chosen) + "\n"
        out = parse_copy(text)
        ok = out.articles == k
        right.append(ok)
        warned.append(out.warned)
        right_or_warned.append(ok or out.warned)
        by_k.setdefault(k, []).append(ok)
    per_k = {k: mean(v) for k, v in sorted(by_k.items())}
    return mean(right), mean(warned), mean(right_or_warned), per_k


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_dir(parser)
    parser.add_argument("--limit", type=int, default=None, help="pages per group (default: all)")
    parser.add_argument("--renderers", default=",".join(RENDERERS), help="comma list")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/parse-cache"))
    parser.add_argument("--jobs", type=int, default=2, help="renderer processes at once")
    parser.add_argument("--files", type=int, default=200, help="concatenated files per renderer")
    parser.add_argument(
        "--half",
        choices=("dev", "held", "aeb", "all"),
        default="all",
        help="pages: the WCXB development half, its held-out half, the Zyte check set, or all",
    )
    parser.add_argument("--save", action="store_true", help=f"also write {RESULTS.name}")
    args = parser.parse_args(argv)
    out = io.StringIO()

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.write(line + "\n")

    if args.save and (args.half != "all" or args.limit is not None):
        parser.error("--save writes the full run: no --half or --limit")
    pages = wcxb_pages(args.data_dir) + zyte_pages(args.data_dir)
    if args.half != "all":
        pages = [page for page in pages if half_of(page.key) == args.half]
    if args.limit is not None:
        pages = [
            page
            for half, _ in GROUPS
            for page in [p for p in pages if half_of(p.key) == half][: args.limit]
        ]
    groups = [(half, label) for half, label in GROUPS if args.half in (half, "all")]
    renderers = [r for r in args.renderers.split(",") if r]
    say("# Page copies: rendered pages parsed with newskit.parse_text")
    say()
    say(
        f"{len(pages)} pages (wcxb-articles dev and article-extraction-benchmark; "
        f"--half {args.half}); bag-of-words scores against the gold main text, averaged over "
        "pages."
    )
    say()
    say(f"Command: `{command()}`; parser: newskit at commit {parser_commit()}.")
    say()
    html_outputs = [parse_page_html(args.cache, p) for p in pages]
    say(table_header(HEADER, "lrrrrrrrr"))
    say(score_row(HTML_ROW, pages, html_outputs))
    all_renders: dict[str, list[str]] = {}
    all_outputs: dict[str, list[Output]] = {HTML_ROW: html_outputs}
    cpu = {}
    for renderer in renderers:
        renders = render_all(args.cache, renderer, pages, args.jobs)
        all_renders[renderer] = renders
        with Timer() as timer:
            outputs = [parse_copy(text) for text in renders]
        cpu[renderer] = timer.cpu
        all_outputs[f"{renderer} → parse_text"] = outputs
        say(score_row(f"{renderer} → parse_text", pages, outputs))
        floor = [Output(text, None, False, None, 1, False) for text in renders]
        say(score_row(f"{renderer}, {FLOOR_ROW}", pages, floor))
    say()
    say("## By half")
    say()
    say(
        "The same runs, each group alone: the wcxb-articles dev pages cut in two halves by a "
        "hash of the page id (half_of); rules are written on the development half and kept "
        "when the held-out half gains too; article-extraction-benchmark (Zyte) pages are a "
        "check whose misses are never read (no gold title or date)."
    )
    say()
    say(table_header(HEADER, "lrrrrrrrr"))
    for half, label in groups:
        chosen = [i for i, page in enumerate(pages) if half_of(page.key) == half]
        for name, outputs in all_outputs.items():
            say(
                score_row(
                    f"{label}: {name}",
                    [pages[i] for i in chosen],
                    [outputs[i] for i in chosen],
                )
            )
    say()
    for half, label in groups:
        titled = [i for i, page in enumerate(pages) if page.title and half_of(page.key) == half]
        if not titled:
            continue
        say(
            "Gold title is a line of the render (wrapped lines re-joined), the ceiling of title "
            f"exact for any reader that picks one line, {label}, pages with a gold title: "
            + ", ".join(
                f"{r} {mean(title_is_a_line(pages[i], all_renders[r][i]) for i in titled):.1%}"
                for r in renderers
            )
        )
        say()
    mb = {r: sum(len(t.encode()) for t in all_renders[r]) / 1e6 for r in renderers}
    say(
        "parse_text CPU seconds per renderer (all pages): "
        + ", ".join(f"{r} {cpu[r]:.1f} s ({mb[r]:.1f} MB)" for r in renderers)
    )
    say()
    say(f"## Concatenations: {args.files} files of 2-5 different page copies per renderer")
    say()
    say(
        "Single pages warned: the share of the single page copies above (one page per file) "
        "on which parse_text issued a ParseWarning, the false-warning rate; single pages "
        "split: the share it returned as two articles or more."
    )
    say()
    say(table_header(CAT_HEADER))
    for number, renderer in enumerate(renderers):
        right, warned, either, per_k = concatenations(
            all_renders[renderer], args.files, seed=1000 + number
        )
        by = " / ".join(f"{v:.0%}" for v in per_k.values())
        alone = single_cells(all_outputs[f"{renderer} → parse_text"])
        say(table_row([renderer, f"{right:.1%}", f"{warned:.1%}", f"{either:.1%}", by, *alone]))
    say()
    say("## Concatenations by half")
    say()
    say(
        f"{args.files} files per renderer and group, each of 2-5 copies of one group's pages "
        "(the groups of 'By half')."
    )
    say()
    say(table_header(["group: renderer", *CAT_HEADER[1:]]))
    for offset, (half, label) in enumerate(groups, start=2):
        chosen = [i for i, page in enumerate(pages) if half_of(page.key) == half]
        for number, renderer in enumerate(renderers):
            renders = [all_renders[renderer][i] for i in chosen]
            right, warned, either, per_k = concatenations(
                renders, args.files, seed=1000 * offset + number
            )
            by = " / ".join(f"{v:.0%}" for v in per_k.values())
            outputs = all_outputs[f"{renderer} → parse_text"]
            alone = single_cells([outputs[i] for i in chosen])
            row = [f"{label}: {renderer}", f"{right:.1%}", f"{warned:.1%}", f"{either:.1%}", by]
            say(table_row([*row, *alone]))
    if args.save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(out.getvalue(), encoding="utf-8")
        print(f"saved {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
