"""Loaders for the public summarization data sets (read in place, never copied).

Each loader returns a list of :class:`Example`: an id, an
:class:`~newskit.Article` and the reference summary with one sentence per
line. ``data_dir`` is the folder holding the data sets (in a newskit
checkout, ``../shared/data``); the library never guesses it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from newskit._article import Article
from newskit._errors import InputValueError
from newskit.evaluate._rouge import normalize_reference
from newskit.text import split_sentences

__all__ = ["Example", "load_bbc", "load_frank_cnndm", "load_frank_xsum", "recover_bbc_reference"]


class Example(NamedTuple):
    """One article with its reference summary."""

    id: str
    article: Article
    reference: str
    """The reference summary, one sentence per line."""

    @property
    def reference_sentences(self) -> list[str]:
        """The reference's sentences (its lines)."""
        return [s for s in self.reference.split("\n") if s]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found: data_dir must be the folder holding the public data sets"
        )
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _check_limit(limit: int | None) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InputValueError(f"limit must be a non-negative int or None, not {limit!r}")


# BBC references glue sentences without a space: "...$10.9bn.For the full-year..."
_GLUED = re.compile(r"(?<=[.!?])(?=[\"'A-Z])|(?<=[.!?][\"'])(?=[A-Z])")


def recover_bbc_reference(paragraphs: list[str], summary: str) -> list[str]:
    """Split a BBC News Summary reference back into sentences, in document order.

    The references are article sentences concatenated without spaces and out
    of order. Article sentences found verbatim in the summary are taken
    whole (longest first); what remains (where the dataset's sentence units
    differ from newskit's) is split at a full stop glued to a capital letter.
    Every piece is then put in the order it appears in the article.

    Examples
    --------
    >>> recover_bbc_reference(["Rain fell. Roads shut.", "Schools closed."],
    ...                       "Schools closed.Rain fell.")
    ['Rain fell.', 'Schools closed.']
    """
    text = "\n".join(paragraphs)
    sentences = sorted({s for p in paragraphs for s in split_sentences(p)}, key=len, reverse=True)
    rest = summary
    pieces: list[str] = []
    for sentence in sentences:
        i = rest.find(sentence)
        if i >= 0:
            pieces.append(sentence)
            rest = rest[:i] + "\x00" + rest[i + len(sentence) :]
    for chunk in rest.split("\x00"):
        pieces.extend(p.strip() for p in _GLUED.split(chunk) if p.strip())

    def position(piece: str) -> int:
        i = text.find(piece)
        return i if i >= 0 else len(text)

    return sorted(pieces, key=position)


def load_bbc(
    data_dir: Path | str, *, limit: int | None = None, dedupe: bool = False
) -> list[Example]:
    """BBC News Summary: 2,225 BBC articles (2004-05) with extractive references.

    Articles keep their headline (``Article.title``) and paragraphs; the
    reference sentences are recovered in document order with
    :func:`recover_bbc_reference`. The references are long (about 44 % of
    the article), so ROUGE here is not comparable with CNN/DM figures.

    Parameters
    ----------
    data_dir : str or path
        The folder holding ``bbc-news-summary/``.
    limit : int, optional
        Return only the first ``limit`` examples.
    dedupe : bool, default False
        Drop the 133 articles whose body repeats an earlier one.

    Returns
    -------
    list of Example
        Ids are ``"category/nnn"``, e.g. ``"business/001"``.
    """
    _check_limit(limit)
    root = Path(data_dir)
    rows = _read_jsonl(root / "bbc-news-summary" / "bbc_news_summary.jsonl")
    out: list[Example] = []
    seen: set[str] = set()
    for row in rows:
        if limit is not None and len(out) >= limit:
            break
        body = str(row["text"])
        if dedupe:
            if body in seen:
                continue
            seen.add(body)
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        article = Article(
            title=str(row["title"]).strip(),
            body=paragraphs,
            id=str(row["id"]),
            source="BBC News",
            language="en",
        )
        reference = "\n".join(recover_bbc_reference(paragraphs, str(row["summary"])))
        out.append(Example(str(row["id"]), article, reference))
    return out


def _load_frank(data_dir: Path | str, name: str, limit: int | None) -> list[Example]:
    _check_limit(limit)
    root = Path(data_dir)
    rows = _read_jsonl(root / "frank-cnndm-xsum" / name)
    out = []
    for row in rows[:limit] if limit is not None else rows:
        article = Article(body=[str(row["article"])], id=str(row["id"]), language="en")
        out.append(Example(str(row["id"]), article, normalize_reference(str(row["reference"]))))
    return out


def load_frank_cnndm(data_dir: Path | str, *, limit: int | None = None) -> list[Example]:
    """FRANK's 250 CNN/Daily Mail test articles with their highlights as reference.

    The article text is FRANK's ``article`` (no headline, no paragraph
    breaks); the reference is detokenized with :func:`normalize_reference`,
    one highlight per line.

    Parameters
    ----------
    data_dir : str or path
        The folder holding ``frank-cnndm-xsum/``.
    limit : int, optional
        Return only the first ``limit`` examples.

    Returns
    -------
    list of Example
    """
    return _load_frank(data_dir, "frank_cnndm_test.jsonl", limit)


def load_frank_xsum(data_dir: Path | str, *, limit: int | None = None) -> list[Example]:
    """FRANK's 251 XSum test articles (BBC) with their one-sentence reference.

    Read as by :func:`load_frank_cnndm`, from the same folder. XSum references
    are abstractive and lowercased; ROUGE lowercases both sides, so this does
    not matter for scoring.
    """
    return _load_frank(data_dir, "frank_xsum_test.jsonl", limit)
