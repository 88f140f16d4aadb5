"""Article metadata read from a parsed HTML page (what trafilatura does not give).

Sources, in order of trust: schema.org JSON-LD of an article type, then
``<meta>`` tags (Open Graph, ``article:*``, Dublin Core, parsely, ...), then
visible markup (``<time>``, ``rel=author``, byline classes, ``<h1>``). The
first source that gives a usable value wins for each field.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from dateutil import parser as date_parser
from dateutil.tz import tzoffset
from lxml.html import HtmlElement

__all__ = ["PageMeta", "read_meta"]

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
}
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
)
_UPDATED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
_BYLINE_CLASS = re.compile(r"\b(byline|author-?name|author|contributor)\b", re.IGNORECASE)
_HIGHLIGHT_CLASS = re.compile(
    r"(highlights?|standfirst|key-?points?|takeaways?|summary-?list|story-?highlights"
    r"|at-?a-?glance|article-?summary|\bdek\b|sub-?headline|\bdeck\b|summary)",
    re.IGNORECASE,
)
_PROMO = re.compile(r"sign up|subscribe|newsletter|download|cookie|log ?in\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BY = re.compile(r"^\s*(?:written\s+)?by\s*[:\-]?\s*", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.IGNORECASE)
_NOT_NAME = re.compile(r"[@/\d]|https?:|\bwww\.", re.IGNORECASE)
_LANG = re.compile(r"^([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*$")
_YEAR_MIN = 1990
# Zone abbreviations common in English-language news pages; dateutil knows only UTC.
_TZINFOS = {
    name: tzoffset(name, hours * 3600)
    for name, hours in {
        "EST": -5,
        "EDT": -4,
        "CST": -6,
        "CDT": -5,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
        "GMT": 0,
        "BST": 1,
        "CET": 1,
        "CEST": 2,
        "IST": 5.5,
        "AEST": 10,
        "AEDT": 11,
    }.items()
}


@dataclass
class PageMeta:
    """Fields read from page markup; ``None`` / empty when absent."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    published_text: str | None = None
    updated: datetime | None = None
    updated_text: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    highlights: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    article_markup: bool = False
    teaser_count: int = 0


def clean(text: str | None) -> str:
    """Collapse whitespace; ``None`` becomes ``''``.

    >>> clean("  a \\n b ")
    'a b'
    """
    return _SPACE.sub(" ", text or "").strip()


def text_of(el: HtmlElement) -> str:
    """Visible text of an element with whitespace collapsed."""
    return clean(" ".join(el.itertext()))


def parse_datetime(raw: str | None) -> datetime | None:
    """Parse a date string from markup; implausible years give ``None``.

    >>> parse_datetime("2024-03-05T10:00:00Z")
    datetime.datetime(2024, 3, 5, 10, 0, tzinfo=datetime.timezone.utc)
    >>> parse_datetime("March 5, 2024")
    datetime.datetime(2024, 3, 5, 0, 0)
    >>> parse_datetime("soon") is None
    True
    """
    raw = clean(raw)
    if not raw or not any(ch.isdigit() for ch in raw):
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            with warnings.catch_warnings():
                # dateutil warns about zone names it cannot place; we then keep it naive.
                warnings.simplefilter("ignore")
                value = date_parser.parse(raw, fuzzy=False, tzinfos=_TZINFOS)
        except (ValueError, OverflowError, TypeError):
            return None
    if not _YEAR_MIN <= value.year <= datetime.now().year + 1:
        return None
    return value


def _json_ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (json.JSONDecodeError, RecursionError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list | dict):
                    stack.append(graph)
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).lower() for t in items if isinstance(t, str)}


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD ``author`` / ``publisher`` value."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):
                item = item[0] if item else None
        if isinstance(item, str):
            out.append(clean(item))
    return [n for n in out if n]


def split_authors(raw: str) -> list[str]:
    """Split a byline into names.

    >>> split_authors("By Jane Roe and John Doe")
    ['Jane Roe', 'John Doe']
    >>> split_authors("https://example.com/staff/jane")
    []
    """
    raw = _BY.sub("", clean(raw))
    names: list[str] = []
    for part in _NAME_SPLIT.split(raw):
        part = part.strip(" .:-")
        if not part or _NOT_NAME.search(part) or len(part.split()) > 5 or len(part) < 3:
            continue
        if part.lower() not in (n.lower() for n in names):
            names.append(part)
    return names[:8]


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and clean(content):
            out.setdefault(key.strip().lower(), clean(content))
    return out


def _first_date(
    candidates: list[str | None],
) -> tuple[datetime | None, str | None]:
    for raw in candidates:
        value = parse_datetime(raw)
        if value is not None:
            return value, clean(raw)
    return None, None


def _language(tree: HtmlElement, metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
        metas.get("language"),
        ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None,
    ]
    for el in tree.xpath("//meta[@http-equiv][@content]"):
        if el.get("http-equiv", "").lower() == "content-language":
            candidates.insert(2, el.get("content"))
    for raw in candidates:
        match = _LANG.match(clean(raw).split(",")[0]) if raw else None
        if match:
            return match.group(1).lower()
    return None


def _mostly_links(el: HtmlElement) -> bool:
    total = len(text_of(el))
    linked = sum(len(text_of(a)) for a in el.iter("a"))
    return total == 0 or linked > total / 2


def _highlights(tree: HtmlElement) -> list[str]:
    """Standfirst bullets or a standfirst paragraph marked up as such.

    Only between the headline and the first long paragraph, where a standfirst
    sits: elements with the same class names elsewhere are promotions or
    teasers for other stories.
    """
    order = {el: i for i, el in enumerate(tree.iter())}
    h1 = next(tree.iter("h1"), None)
    start = order[h1] if h1 is not None else 0
    first_long = next(
        (order[p] for p in tree.iter("p") if order[p] > start and len(text_of(p).split()) >= 30),
        len(order),
    )
    for el in tree.iter("ul", "ol", "div", "section", "p", "h2"):
        if not start <= order[el] < first_long:
            continue
        cls = f"{el.get('class', '')} {el.get('id', '')}"
        if not _HIGHLIGHT_CLASS.search(cls) or _PROMO.search(text_of(el)):
            continue
        # Lists of links are teasers for other stories, not this story's bullets.
        items = [text_of(li) for li in el.iter("li") if not _mostly_links(li)]
        items = [i for i in items if len(i.split()) >= 3]
        if items:
            return items[:8]
        if el.tag in ("p", "h2", "div") and len(el) <= 3 and not _mostly_links(el):
            text = text_of(el)
            if 5 <= len(text.split()) <= 80:
                return [text]
    return []


def _captions(tree: HtmlElement) -> list[str]:
    out: list[str] = []
    for el in tree.iter("figcaption"):
        text = text_of(el)
        if text and text not in out:
            out.append(text)
    return out


def read_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Read :class:`PageMeta` from a parsed page. Never raises on odd markup."""
    metas = _meta_map(tree)
    objects = _json_ld_objects(tree)
    articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    ld: dict[str, Any] = articles[0] if articles else {}
    if not ld:
        ld = next((o for o in objects if "datePublished" in o), {})

    meta = PageMeta()
    h1s = [text_of(h) for h in tree.iter("h1")]
    h1s = [h for h in h1s if h]
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    title_el = tree.find(".//title")
    for cand in (
        h1s[0] if len(h1s) == 1 else None,
        headline,
        metas.get("og:title"),
        metas.get("twitter:title"),
        h1s[0] if h1s else None,
        text_of(title_el) if title_el is not None else None,
    ):
        if clean(cand):
            meta.title = clean(cand)
            break

    meta.published, meta.published_text = _first_date(
        [str(ld.get(k)) for k in ("datePublished", "dateCreated") if ld.get(k)]
        + [metas.get(k) for k in _PUBLISHED_META]
        + [t.get("datetime") for t in tree.xpath('//*[@itemprop="datePublished"]')]
        + [t.get("datetime") or text_of(t) for t in tree.iter("time")][:3]
    )
    meta.updated, meta.updated_text = _first_date(
        [str(ld.get("dateModified")) if ld.get("dateModified") else None]
        + [metas.get(k) for k in _UPDATED_META]
        + [t.get("datetime") for t in tree.xpath('//*[@itemprop="dateModified"]')]
    )

    authors = _names(ld.get("author"))
    if not authors:
        for key in _AUTHOR_META:
            if key in metas:
                authors = split_authors(metas[key])
                if authors:
                    break
    if not authors:
        for el in tree.xpath('//*[@rel="author"]|//*[@itemprop="author"]'):
            authors.extend(a for a in split_authors(text_of(el)) if a not in authors)
    if not authors:
        for el in tree.xpath("//*[@class]"):
            if _BYLINE_CLASS.search(el.get("class", "")) and len(text_of(el)) < 120:
                authors = split_authors(text_of(el))
                if authors:
                    break
    meta.authors = [a for name in authors for a in split_authors(name)][:8]

    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href")
            break
    canonical = canonical or metas.get("og:url")
    if canonical:
        canonical = urljoin(url or "", clean(canonical))
    meta.url = canonical if canonical and canonical.startswith("http") else url

    publisher = _names(ld.get("publisher"))
    meta.source = metas.get("og:site_name") or (publisher[0] if publisher else None)
    meta.source = meta.source or metas.get("application-name")
    meta.language = _language(tree, metas, ld)
    meta.highlights = _highlights(tree)
    meta.captions = _captions(tree)
    meta.teaser_count = len(tree.xpath("//article"))
    meta.article_markup = bool(articles) or metas.get("og:type", "").lower() == "article"
    meta.article_markup = meta.article_markup or "article:published_time" in metas
    return meta
