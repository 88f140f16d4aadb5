"""Train the shipped Punkt parameters (``newskit train punkt``).

Unsupervised Punkt training (Kiss & Strunk 2006) on news bodies from the
public data sets: AllSides articles (a fixed-size sample, read straight from
``jsons.tar.xz``) and BBC News articles. FRANK's CNN/DM and XSum articles are
never used: they are the sentence-splitting benchmark. The learned
abbreviations are extended with :data:`NEWS_ABBREVIATIONS`, the orthographic
table is pruned to types seen at least ``--min-count`` times (rare types carry
little evidence and would bloat the file), and the result is written as JSON
and recorded in the artifact manifest.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path

from nltk.tokenize.punkt import _ORTHO_MID_LC, PunktParameters, PunktTrainer

from newskit._artifacts import MODELS_DIR, record_artifact
from newskit._errors import InputValueError
from newskit.text._abbreviations import NEWS_ABBREVIATIONS
from newskit.text._punkt import ARTIFACT, NewsLanguageVars, NewsToken, ascii_quotes, params_to_json
from newskit.training._cli import data_dir_option, out_option
from newskit.training._paths import default_data_dir

__all__ = ["HELP", "add_arguments", "iter_training_texts", "run", "train_punkt"]

HELP = "train the Punkt sentence-splitter parameters on news text"


def iter_allsides(data_dir: Path, limit: int) -> Iterator[str]:
    """Yield up to ``limit`` AllSides article bodies, in archive order."""
    path = data_dir / "allsides-article-bias" / "jsons.tar.xz"
    if limit <= 0:
        return
    n = 0
    with tarfile.open(path) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            body = json.load(handle).get("content_original") or ""
            if body.strip():
                yield body
                n += 1
                if n >= limit:
                    return


def iter_bbc(data_dir: Path, limit: int) -> Iterator[str]:
    """Yield up to ``limit`` BBC News Summary article bodies."""
    path = data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl"
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                return
            yield json.loads(line)["text"]


def iter_training_texts(data_dir: Path, allsides: int, bbc: int) -> Iterator[str]:
    """Yield the training documents, curly quotes mapped to ASCII."""
    for text in iter_allsides(data_dir, allsides):
        yield ascii_quotes(text)
    for text in iter_bbc(data_dir, bbc):
        yield ascii_quotes(text)


def train_punkt(
    data_dir: Path,
    *,
    allsides: int = 4000,
    bbc: int = 2225,
    min_count: int = 2,
    out_dir: Path = MODELS_DIR,
) -> Path:
    """Train, write ``punkt_en.json`` into ``out_dir``, record it, and return its path."""
    if min_count < 1:
        raise InputValueError(f"min_count must be >= 1, not {min_count}")
    trainer = PunktTrainer(lang_vars=NewsLanguageVars(), token_cls=NewsToken)
    docs = 0
    for text in iter_training_texts(data_dir, allsides, bbc):
        trainer.train(text, finalize=False)
        docs += 1
    if docs == 0:
        raise InputValueError(f"no training text found under {data_dir}")
    trainer.finalize_training()
    params = trainer.get_params()
    _prune_learned(params)
    learned = len(params.abbrev_types)
    params.abbrev_types |= NEWS_ABBREVIATIONS
    counts = trainer._type_fdist  # the trainer keeps no public accessor for type counts
    keep = {t for t, c in counts.items() if c >= min_count}
    keep |= params.abbrev_types | params.sent_starters
    for typ in list(params.ortho_context):
        bare = typ[:-1] if typ.endswith(".") else typ
        if typ not in keep and bare not in keep:
            del params.ortho_context[typ]
    meta = {
        "kind": "punkt-parameters",
        "trained_on": f"{min(allsides, docs)} AllSides + up to {bbc} BBC News Summary articles",
        "documents": docs,
        "learned_abbreviations": learned,
        "curated_abbreviations": len(NEWS_ABBREVIATIONS),
        "min_count": min_count,
        "command": f"newskit train punkt --allsides {allsides} --bbc {bbc} --min-count {min_count}",
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / ARTIFACT
    out.write_text(params_to_json(params, meta), encoding="utf-8")
    record_artifact(ARTIFACT, meta, models_dir=out_dir)
    return out


def _prune_learned(params: PunktParameters) -> None:
    """Drop learned entries that make Punkt split before names.

    Punkt sometimes learns surnames that often end sentences as
    "abbreviations" (long alphabetic types without an inner period), and
    learns names as frequent sentence starters, which makes it break after
    ``Sen.`` before ``Biden``. A sentence starter must have been seen in
    lower case inside a sentence, so proper names are never one. Collocations
    after a number are dropped too.
    """
    params.abbrev_types = {
        a for a in params.abbrev_types if "." in a or len(a) <= 4 or a in NEWS_ABBREVIATIONS
    }
    # "in 2000. GM" must split: number-led collocations come from photo credits
    # and sports tables ("2012. REUTERS/...") and are wrong in running text
    params.collocations = {c for c in params.collocations if c[0] != "##number##"}
    params.sent_starters = {
        s for s in params.sent_starters if params.ortho_context.get(s, 0) & _ORTHO_MID_LC
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``newskit train punkt`` options."""
    data_dir_option(parser)
    out_option(parser, ARTIFACT)
    parser.add_argument("--allsides", type=int, default=4000, help="AllSides articles to read")
    parser.add_argument("--bbc", type=int, default=2225, help="BBC News Summary articles to read")
    parser.add_argument(
        "--min-count", type=int, default=2, help="drop orthographic data of rarer word types"
    )


def run(args: argparse.Namespace) -> int:
    """Run the training from parsed CLI arguments."""
    data_dir = args.data_dir or default_data_dir()
    out = train_punkt(
        data_dir,
        allsides=args.allsides,
        bbc=args.bbc,
        min_count=args.min_count,
        out_dir=args.out,
    )
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0
