"""HTML article parsing: trafilatura finds the main text, newskit adds the fields.

trafilatura (Barbaresi 2021) removes navigation, cookie banners, related
links, comments and footers, and scores best among open-source extractors in
the published benchmarks; we keep its main text and its block structure
(paragraphs, subheads, lists, quotes, tables) and add what it does not give:
highlights, dateline, sections, captions, full published / updated datetimes,
authors as a list, canonical URL, site name and language
(:mod:`newskit.parsing._html_meta`).
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newskit._article import Article, Section
from newskit._errors import InputTypeError
from newskit.parsing._html_decode import decode_html
from newskit.parsing._html_meta import PageMeta, clean, parse_datetime, read_meta, split_authors

__all__ = ["parse_html"]

# trafilatura logs "wrong data type" errors for garbage input; without a handler
# Python prints them to stderr. Callers who configure logging still see them.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?)"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\((?:[A-Z][A-Za-z.&\s]{1,25})\))?\s*(?:[—–-]{1,2}|:)\s+(?=\S)"
)
_MIN_WORDS = 25  # fewer main-text words than this: not an article
_BLOCK_TAGS = frozenset(
    {"p", "head", "list", "item", "quote", "table", "row", "cell", "lb", "code", "div"}
)
_TEASER_WORDS = 12  # a main-text line shorter than this may be a teaser


def _blocks(body: HtmlElement) -> list[tuple[str, str]]:
    """Flatten trafilatura's XML body into ``(kind, text)`` blocks, kind ``'head'`` or ``'p'``.

    Text outside any block (``body.text``, element tails) is kept as paragraphs:
    trafilatura's fallback extractors leave loose text there.
    """
    out: list[tuple[str, str]] = [("p", clean(body.text))]
    for el in body:
        tag = el.tag
        if tag == "head":
            out.append(("head", _block_text(el)))
        elif tag == "list":
            out.extend(("p", text) for text in _list_items(el))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_block_text(c) for c in row.iter("cell")]
                out.append(("p", " | ".join(c for c in cells if c)))
        elif tag == "quote" and len(el) and all(c.tag == "p" for c in el):
            out.append(("p", clean(el.text)))
            for child in el:
                # Loose text between the quote's paragraphs (a code sample
                # outside any <p>) is main text too.
                out.extend((("p", _block_text(child)), ("p", clean(child.tail))))
        elif tag != "graphic":
            out.append(("p", _block_text(el)))
        out.append(("p", clean(el.tail)))
    return [(kind, text) for kind, text in out if text]


def _detach(el: HtmlElement) -> None:
    """Remove ``el`` from its parent but keep its tail text (lxml drops it)."""
    parent, prev = el.getparent(), el.getprevious()
    if el.tail:
        if prev is not None:
            prev.tail = f"{prev.tail or ''} {el.tail}"
        else:
            parent.text = f"{parent.text or ''} {el.tail}"
    parent.remove(el)


def _list_items(list_el: HtmlElement) -> list[str]:
    """One paragraph per item, nested lists after their item (each text once)."""
    out: list[str] = []
    for item in list_el.iterchildren("item"):
        nested = [child for child in item if child.tag == "list"]
        for child in nested:
            _detach(child)
        out.append(_block_text(item))
        for child in nested:
            out.extend(_list_items(child))
    return out


def _block_text(el: HtmlElement) -> str:
    """Text of a block without its own tail (the next block's text).

    Inline markup (``hi``, ``ref``) joins without a space, so a word split by
    markup stays whole; nested blocks and line breaks are separated by a space,
    so ``<item>2026<head>FABCON</head><p>Atlanta</p>`` does not glue words.
    """
    parts: list[str] = []
    _collect(el, parts)
    return clean("".join(parts))


def _collect(el: HtmlElement, parts: list[str]) -> None:
    parts.append(el.text or "")
    for child in el:
        separate = child.tag in _BLOCK_TAGS
        if separate:
            parts.append(" ")
        _collect(child, parts)
        if separate:
            parts.append(" ")
        parts.append(child.tail or "")


def _is_caption(text: str, captions: list[str]) -> bool:
    return any(text == c or (text.startswith(c) and len(text) < len(c) + 60) for c in captions)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split a leading dateline off the first paragraph.

    >>> split_dateline("LONDON (Reuters) - Prices rose on Monday.")
    ('LONDON', 'Prices rose on Monday.')
    >>> split_dateline("WASHINGTON, D.C. — Lawmakers met.")
    ('WASHINGTON, D.C.', 'Lawmakers met.')
    >>> split_dateline("The day began quietly.")
    (None, 'The day began quietly.')
    """
    match = _DATELINE.match(paragraph)
    if match is None or not any(ch.isalpha() for ch in match.group("place")):
        return None, paragraph
    place = match.group("place").strip(" ,")
    # "A — b" where A is a one-letter word or a lone acronym like "US" is not a place.
    if len(place) < 3 or (place.isupper() and " " not in place and len(place) <= 3):
        return None, paragraph
    return place, paragraph[match.end() :]


def _is_article(body: list[str], meta: PageMeta) -> bool:
    words = sum(len(p.split()) for p in body)
    if words < _MIN_WORDS:
        return False
    if meta.article_markup or meta.published is not None:
        return True
    # Index pages: a main text of short teaser lines from many <article>s.
    short = sum(1 for p in body if len(p.split()) < _TEASER_WORDS)
    return not (short > 0.6 * len(body) and meta.teaser_count >= 3)


def _assemble(blocks: list[tuple[str, str]], meta: PageMeta, article: Article) -> None:
    title = meta.title.casefold()
    highlights = {h.casefold() for h in meta.highlights}
    kept: list[tuple[str, str]] = []
    for index, (kind, text) in enumerate(blocks):
        folded = text.casefold()
        if not kept and kind == "head" and folded == title:
            continue
        if index < 12 and folded in highlights:
            continue
        if kind == "p" and _is_caption(text, meta.captions):
            continue
        kept.append((kind, text))
    for i, (kind, text) in enumerate(kept):
        if kind == "p":
            article.dateline, rest = split_dateline(text)
            if rest:
                kept[i] = (kind, rest)
            else:
                del kept[i]
            break
    section: Section | None = None
    for kind, text in kept:
        if kind == "head":
            # A subhead straight after another one (a chapter and its first
            # subsection) keeps an empty Section, so no heading is lost.
            section = Section(text)
            article.sections.append(section)
        else:
            article.body.append(text)
            if section is not None:
                section.paragraphs.append(text)


def parse_html(html: str | bytes, *, url: str | None = None) -> Article:
    """Parse one saved web page into an :class:`~newskit.Article`.

    trafilatura finds the main text; newskit adds title, highlights,
    dateline, subheads as :class:`~newskit.Section`, figure captions,
    published / updated datetimes, authors, canonical URL, site name and
    language. See :doc:`/html` for the rules and the benchmark.

    Parameters
    ----------
    html : str or bytes
        The page. Bytes are decoded by BOM, then UTF-8, then the declared
        charset, then Windows-1252 / Latin-1.
    url : str, optional
        Where the page came from; used to resolve a relative canonical URL
        and as :attr:`Article.url` when the page names none.

    Returns
    -------
    Article
        For empty input, garbage or a page that is not an article (an index
        page, a page without main text) the body is empty and
        ``is_article`` is ``False``; title, URL, site name and language are
        still filled when the page has them.

    Raises
    ------
    InputTypeError
        If ``html`` is not ``str`` or ``bytes`` or ``url`` is not ``str``.

    Examples
    --------
    >>> page = '''<html lang="en"><head><title>Dam opens | River Post</title>
    ... <meta property="og:site_name" content="River Post"></head><body>
    ... <article><h1>Dam opens</h1><p class="byline">By Ana Ruiz</p>
    ... <p>LYON — The new dam opened on Monday after six years of work, officials said,
    ... and the first turbines began to feed the regional grid within the hour.</p>
    ... <p>Engineers said the reservoir would take two winters to fill completely,
    ... and that the old weir downstream would be removed next spring.</p>
    ... </article></body></html>'''
    >>> a = parse_html(page)
    >>> a.title, a.dateline, a.authors, a.source, a.language
    ('Dam opens', 'LYON', ['Ana Ruiz'], 'River Post', 'en')
    >>> a.body[0][:30]
    'The new dam opened on Monday a'
    >>> parse_html("").is_article
    False
    """
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be str or None, not {type(url).__name__}")
    text = decode_html(html)
    article = Article(url=url, is_article=False)
    if not text.strip():
        return article
    try:
        tree = load_html(text)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        return article
    meta = read_meta(tree, url)
    article.title = meta.title
    article.url = meta.url
    article.source = meta.source
    article.language = meta.language
    article.authors = meta.authors
    article.published, article.published_text = meta.published, meta.published_text
    article.updated, article.updated_text = meta.updated, meta.updated_text
    article.captions = meta.captions
    article.highlights = meta.highlights
    # read_meta is done with the tree, so trafilatura may prune it in place.
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
    )
    if doc is None or isinstance(doc, dict) or doc.body is None:
        return article
    article.title = article.title or clean(doc.title)
    article.source = article.source or clean(doc.sitename) or None
    if not article.authors and doc.author:
        article.authors = split_authors(doc.author.replace(";", ","))
    if article.published is None and doc.date:
        article.published, article.published_text = parse_datetime(doc.date), doc.date
    _assemble(_blocks(doc.body), meta, article)
    article.is_article = _is_article(article.body, meta)
    if not article.is_article:
        article.body, article.sections, article.dateline = [], [], None
    return article
