"""Data loading shared by the summarizer benchmarks (reads ../shared/data, never copies it)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from newskit import Article

REPO = Path(__file__).resolve().parents[1]


def default_data_dir() -> Path:
    """``$NEWSKIT_SHARED/data`` or ``<repo>/../shared/data``."""
    shared = os.environ.get("NEWSKIT_SHARED")
    return Path(shared) / "data" if shared else REPO.parent / "shared" / "data"


def _jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def cnndm_articles(data_dir: Path) -> list[Article]:
    """The 250 FRANK CNN/DM test articles (no headline in the data)."""
    rows = _jsonl(data_dir / "frank-cnndm-xsum" / "frank_cnndm_test.jsonl")
    return [Article(body=[str(r["article"])], id=str(r["id"])) for r in rows]


def bbc_articles(data_dir: Path) -> list[Article]:
    """The 2,225 BBC News Summary articles with their headlines and paragraphs."""
    rows = _jsonl(data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl")
    return [
        Article(
            title=str(r["title"]),
            body=[p for p in str(r["text"]).split("\n\n") if p.strip()],
            id=str(r["id"]),
        )
        for r in rows
    ]


def parity_articles(data_dir: Path, n: int = 200) -> list[Article]:
    """``n`` real articles for the parity check: half CNN/DM, half BBC (spread over the set)."""
    cnn = cnndm_articles(data_dir)
    bbc = bbc_articles(data_dir)
    half = n // 2
    return cnn[:half] + bbc[:: max(1, len(bbc) // (n - half))][: n - half]
