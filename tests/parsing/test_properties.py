"""Properties of ``parse_text`` on generated dumps (hypothesis).

* Generated multi-article dumps (random titles, captions, date lines, bylines,
  bullets, datelines, paragraphs and subheads in three page layouts) parse back
  to exactly the articles they were built from.
* **Nothing lost** on any text: every word of every non-blank line lands in the
  output or in the chrome record exactly once. The only words allowed to
  vanish are the keywords of date lines and bylines (``Updated``, ``By``,
  ``and`` ...) and the second copy of a repeated title; no word is ever
  invented or duplicated. Outside page copies the chrome record holds only
  lines that are chrome on their own (``is_chrome``).
* Generated whole-page copies (menus, cookie notice, share buttons, related
  links, footer around one article) give exactly that one article.
* Determinism and invariance under line endings, encoding and trailing blanks.

Example counts are bounded so the module runs in a few seconds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit import Article, Section, parse_text
from newskit._input import ensure_text
from newskit.parsing._chrome import CHROME_LINES, is_chrome
from newskit.parsing._lines import classify
from newskit.parsing._text import read_lines

SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

NOUNS = [
    "harbour",
    "council",
    "river",
    "village",
    "ministry",
    "budget",
    "bridge",
    "vote",
    "court",
    "school",
    "port",
    "farm",
]
VERBS = ["approves", "rejects", "delays", "opens", "closes", "funds", "reviews", "extends"]
LOWER = [
    "the",
    "new",
    "plan",
    "for",
    "local",
    "water",
    "roads",
    "and",
    "power",
    "after",
    "long",
    "talks",
    "with",
    "residents",
]
FIRST = ["Maria", "Tom", "Ana", "Kofi", "Lena", "Ravi", "Sara", "Omar"]
LAST = ["Lopez", "Okafor", "Ribeiro", "Mensah", "Novak", "Sharma", "Berg", "Haddad"]
PLACES = ["ISLAMABAD", "NEW YORK", "GENEVA", "LAGOS", "PESHAWAR"]
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
NOW = datetime(2024, 11, 15, 12, 0)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _sentence(i: int) -> str:
    words = [(LOWER + NOUNS)[(i * 7 + k * 5) % len(LOWER + NOUNS)] for k in range(4 + i % 9)]
    return _cap(" ".join(words)) + "."


def _title(i: int) -> str:
    rest = [(LOWER + NOUNS)[(i * 3 + k) % len(LOWER + NOUNS)] for k in range(1 + i % 6)]
    return " ".join([_cap(NOUNS[i % len(NOUNS)]), VERBS[i % len(VERBS)], *rest])


# Pre-built pools keep generation cheap; hypothesis still combines them freely.
SENTENCES = [_sentence(i) for i in range(40)]
TITLES = [_title(i) for i in range(60)]


def sentences() -> st.SearchStrategy[str]:
    return st.sampled_from(SENTENCES)


def titles() -> st.SearchStrategy[str]:
    return st.sampled_from(TITLES)


@st.composite
def date_lines(draw: st.DrawFn) -> tuple[str, str, str, datetime | None]:
    """(line, kind, text, datetime without now)."""
    y = draw(st.integers(2000, 2030))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 28))
    shape = draw(st.sampled_from(["long", "abbr", "iso", "relative", "bare"]))
    kind = draw(st.sampled_from(["published", "updated"]))
    keyword = {"published": draw(st.sampled_from(["Published", "Posted"])), "updated": "Updated"}
    if shape == "long":
        text, value = f"{d} {MONTH_NAMES[m - 1]} {y}", datetime(y, m, d)
    elif shape == "abbr":
        text, value = f"{MONTH_NAMES[m - 1][:3]}. {d}, {y}", datetime(y, m, d)
    elif shape == "iso":
        text, value = f"{y}-{m:02d}-{d:02d}T10:00Z", datetime(y, m, d, 10, tzinfo=UTC)
    elif shape == "relative":
        n = draw(st.integers(1, 59))
        text, value = f"{n} {draw(st.sampled_from(['sec', 'min', 'hours']))} ago", None
    else:
        return (
            f"{MONTH_NAMES[m - 1]} {d}, {y}",
            "published",
            f"{MONTH_NAMES[m - 1]} {d}, {y}",
            (datetime(y, m, d)),
        )
    return f"{keyword[kind]} {text}", kind, text, value


@st.composite
def headings(draw: st.DrawFn) -> tuple[str, str]:
    """(line, heading)."""
    shape = draw(st.sampled_from(["quoted", "caps", "title"]))
    # a Title-Case subhead needs two words at least; capitals may be one word
    words = draw(
        st.lists(st.sampled_from(NOUNS + LOWER), min_size=1 + (shape == "title"), max_size=4)
    )
    if shape == "quoted":
        heading = " ".join(words).upper()
        return f"'{heading}'", heading
    if shape == "caps":
        heading = " ".join(words).upper()
        return heading, heading
    heading = " ".join(_cap(w) for w in words)
    return heading, heading


@dataclass
class Spec:
    """One generated article and how it is laid out."""

    layout: str
    title: str
    caption: str | None
    date: tuple[str, str, str, datetime | None] | None
    authors: list[str]
    bullets: list[str]
    place: str | None
    separator: str
    lead: list[str]
    sections: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def render(self) -> list[str]:
        lines = [self.title, ""]
        first = (
            self.lead[0] if self.place is None else f"{self.place}{self.separator}{self.lead[0]}"
        )
        paragraphs = [first, *self.lead[1:]]
        gap = [] if self.layout == "seed" else [""]
        if self.layout == "seed":
            if self.caption:
                lines.append(self.caption)
            lines.append("Short Url")
            if self.date:
                lines.append(self.date[0])
            lines += ["Follow", "", self.title, ""]
            lines += [f"  • {b}" for b in self.bullets] + ([""] if self.bullets else [])
        elif self.layout == "byline":
            if self.caption:
                lines.append(self.caption)
            if self.authors:
                lines.append("By " + " and ".join(self.authors))
            if self.date:
                lines.append(self.date[0])
            lines += ["Share", ""]
            lines += [f"• {b}" for b in self.bullets] + ([""] if self.bullets else [])
        for p in paragraphs:
            lines += [p, *gap]
        for line, _, paras in self.sections:
            # one blank line before a subhead: two would start a new article
            lines += [line, ""] if gap else ["", line, ""]
            for p in paras:
                lines += [p, *gap]
        return lines

    def expected(self) -> Article:
        body = list(self.lead)
        sections = [Section(h, list(ps)) for _, h, ps in self.sections]
        for s in sections:
            body += s.paragraphs
        article = Article(title=self.title, body=body, sections=sections, dateline=self.place)
        if self.layout != "plain":
            article.highlights = list(self.bullets)
            article.captions = [self.caption] if self.caption else []
            if self.date:
                _, kind, text, value = self.date
                setattr(article, f"{kind}_text", text)
                setattr(article, kind, value)
        if self.layout == "byline":
            article.authors = list(self.authors)
        return article


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    layout = draw(st.sampled_from(["seed", "byline", "plain"]))
    caption = None
    if draw(st.booleans()):
        caption = draw(sentences()) + " " + draw(st.sampled_from(["(REUTERS/File)", "(AP Photo)"]))
    authors = [
        f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
        for _ in range(draw(st.integers(0, 2)))
    ]
    section_heads = draw(st.lists(headings(), max_size=3, unique_by=lambda h: h[1].casefold()))
    sections = [
        (line, heading, draw(st.lists(sentences(), min_size=1, max_size=3)))
        for line, heading in section_heads
    ]
    return Spec(
        layout=layout,
        title=draw(titles()),
        caption=caption,
        date=draw(st.none() | date_lines()),
        authors=authors,
        bullets=draw(st.lists(sentences(), max_size=3)),
        place=draw(st.none() | st.sampled_from(PLACES)),
        separator=draw(st.sampled_from([": ", " — "])),
        lead=draw(st.lists(sentences(), min_size=1, max_size=4)),
        sections=sections,
    )


BLANKS = st.sampled_from(["", " ", "\xa0", "\t", " \xa0 "])


@st.composite
def dumps(draw: st.DrawFn) -> tuple[str, list[Article]]:
    articles = draw(st.lists(specs(), min_size=1, max_size=4, unique_by=lambda s: s.title))
    out: list[str] = []
    for i, spec in enumerate(articles):
        if i:
            out += [draw(BLANKS) for _ in range(draw(st.integers(2, 3)))]
        # whitespace-only lines and trailing NBSP are noise the parser must ignore
        out += [draw(BLANKS) if not line else line + draw(st.sampled_from(["", "\xa0", " "]))
                for line in spec.render()]  # fmt: skip
    return "\n".join(out), [s.expected() for s in articles]


# --- nothing lost, on any text -------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_DROPPABLE = frozenset(
    {"updated", "published", "posted", "modified", "last", "first", "on", "at", "by", "and"}
)


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def _input_words(text: str) -> Counter[str]:
    total: Counter[str] = Counter()
    for raw in ensure_text(text).split("\n"):
        line = raw.strip().strip("\u200b\u200c\u200d\u2060\ufeff").strip()
        if line:
            total += _words(line)
    return total


def _chrome_words(text: str) -> Counter[str]:
    """Words of the lines the parser recorded as chrome (checked to be chrome alone,
    unless the text was read as a page copy)."""
    parsed = read_lines(classify(ensure_text(text)))
    total: Counter[str] = Counter()
    for line in parsed.chrome:
        assert parsed.page_copy or is_chrome(line), f"dropped a non-chrome line: {line!r}"
        total += _words(line)
    return total


def _output_words(articles: list[Article]) -> Counter[str]:
    total: Counter[str] = Counter()
    for a in articles:
        parts = [a.title, *a.captions, *a.highlights, *a.authors, *a.body]
        parts += [a.dateline or "", a.published_text or "", a.updated_text or ""]
        parts += [s.heading for s in a.sections]
        for part in parts:
            total += _words(part)
    return total


def assert_nothing_lost(text: str, articles: list[Article]) -> None:
    given_words = _input_words(text)
    chrome = _chrome_words(text)
    found = _output_words(articles) + chrome
    extra = found - given_words
    for a in articles:  # a page copy's date is read from a header line left in the chrome
        for stamp in (a.published_text, a.updated_text):
            extra -= _words(stamp or "") & chrome
    assert not extra, "words invented or duplicated"
    missing = given_words - found
    for a in articles:  # the dropped second copy of a title
        missing -= _words(a.title)
    assert set(missing) <= _DROPPABLE, f"lost: {missing}"


def assert_well_formed(articles: list[Article]) -> None:
    for a in articles:
        strings = [*a.captions, *a.highlights, *a.authors, *a.body]
        strings += [s.heading for s in a.sections]
        strings += [p for s in a.sections for p in s.paragraphs]
        strings += [v for v in (a.dateline, a.published_text, a.updated_text) if v is not None]
        for value in strings:
            assert value and value == value.strip()
            assert " ".join(value.split()).casefold() not in CHROME_LINES
        assert a.title == a.title.strip()
        covered = [p for s in a.sections for p in s.paragraphs]
        if covered:
            assert a.body[-len(covered) :] == covered
        assert not a.is_empty or any(
            (a.captions, a.highlights, a.authors, a.updated_text, a.published_text)
        )


PAGE_LINE_SAMPLES = [
    "Skip to content",
    "* Home",
    "   * World news",
    "(BUTTON) Menu",
    "[IMG]",
    "Sign in",
    "We use cookies on this site.",
    "Related articles",
    "More from Sport",
    "© 2024 News",
]

# Control characters are left out: ensure_text turns them into spaces, or rejects
# text made mostly of them as binary (tests/test_input.py covers both).
LINE_SHAPES = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60),
    titles(),
    sentences(),
    st.builds(lambda s: "• " + s, sentences()),
    st.builds(lambda s: "ISLAMABAD: " + s, sentences()),
    date_lines().map(lambda d: d[0]),
    headings().map(lambda h: h[0]),
    st.sampled_from(
        ["Short Url", "Follow", "", "\xa0", "By Maria Lopez and Tom Okafor", "By the way"]
    ),
    # page-copy lines: enough of them make the text a page copy
    st.sampled_from(PAGE_LINE_SAMPLES),
)


@st.composite
def messy_dumps(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE_SHAPES, max_size=30))
    if draw(st.booleans()):
        lines += draw(dumps())[0].split("\n")
    draw(st.randoms()).shuffle(lines) if draw(st.booleans()) else None
    return "\n".join(lines)


def test_nothing_lost_on_seed(seed_text: str) -> None:
    articles = parse_text(seed_text)
    assert_nothing_lost(seed_text, articles)
    assert_well_formed(articles)


def test_nothing_lost_detects_a_lost_line(seed_text: str) -> None:
    # the check itself can fail: drop one body paragraph and it must complain
    articles = parse_text(seed_text)
    del articles[3].body[2]
    try:
        assert_nothing_lost(seed_text, articles)
    except AssertionError:
        return
    raise AssertionError("a lost paragraph went unnoticed")


# --- the properties ----------------------------------------------------------------------


@SETTINGS
@given(dumps())
def test_generated_dumps(case: tuple[str, list[Article]]) -> None:
    text, expected = case
    articles = parse_text(text)
    # every field of every article, exactly as generated
    assert articles == expected
    assert_nothing_lost(text, articles)
    assert_well_formed(articles)
    # relative dates resolve only when now is given; nothing else changes
    with_now = parse_text(text, now=NOW)
    for a, b in zip(articles, with_now, strict=True):
        for kind in ("published", "updated"):
            if getattr(a, f"{kind}_text") is not None and getattr(a, kind) is None:
                assert isinstance(getattr(b, kind), datetime)
                assert getattr(b, kind) <= NOW
                setattr(b, kind, None)
        assert a == b
    # idempotence: the title and plain text of a parsed article parse back to themselves
    for article in articles:
        [again] = parse_text("\n\n".join([article.title, *article.body]))
        assert again.title == article.title
        if article.dateline is None:
            assert again.body == article.body


@SETTINGS
@given(messy_dumps())
def test_messy_text(text: str) -> None:
    articles = parse_text(text)
    assert_nothing_lost(text, articles)
    assert_well_formed(articles)
    # deterministic, and blind to line endings, encoding and trailing blank lines
    assert parse_text(text) == articles
    assert parse_text(text.replace("\n", "\r\n")) == articles
    assert parse_text(text.encode("utf-8")) == articles
    assert parse_text(text + "\n\n \xa0\n") == articles


# --- whole-page copies ---------------------------------------------------------------------

MENU = ["Home", "World", "Business", "Sport", "Culture", "Weather"]
FOOTER = ["* About us", "* Contact us", "* Privacy Policy", "* Terms of Use"]


@st.composite
def page_copies(draw: st.DrawFn) -> tuple[str, str, list[str], list[str]]:
    """(text, title, authors, paragraphs) of a generated lynx/w3m-like page copy."""
    title = draw(titles())
    bullet = draw(st.sampled_from(["* ", "  * ", "• "]))
    indent = draw(st.sampled_from(["", "   "]))
    # consecutive equal lines are dropped as page repeats: keep paragraphs distinct
    pairs = draw(st.lists(st.tuples(sentences(), sentences()), min_size=2, max_size=6, unique=True))
    paragraphs = [f"{a} {b}" for a, b in pairs]
    authors = [f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"]
    menu = [bullet + m for m in draw(st.lists(st.sampled_from(MENU), min_size=3, max_size=6))]
    related = [bullet + t for t in draw(st.lists(titles(), min_size=1, max_size=4))]
    lines = ["Skip to content", "", *menu, ""]
    if draw(st.booleans()):
        lines += [indent + "We use cookies to improve your experience.", "(BUTTON) Accept", ""]
    lines += [title, "", indent + "By " + authors[0], ""]
    for p in paragraphs:
        lines += [indent + p, ""]
        if draw(st.booleans()):
            lines += [indent + draw(st.sampled_from(["Advertisement", "[IMG]"])), ""]
    lines += [indent + "Share this article", "", "Related articles", "", *related, ""]
    lines += [*FOOTER, "", indent + "© 2024 Example News. All rights reserved."]
    return "\n".join(lines), title, authors, paragraphs


@SETTINGS
@given(page_copies())
def test_page_copies(case: tuple[str, str, list[str], list[str]]) -> None:
    text, title, authors, paragraphs = case
    [article] = parse_text(text)
    assert article.title == title
    assert article.authors == authors
    assert article.body == paragraphs
    assert article.captions == article.highlights == article.sections == []
    assert read_lines(classify(ensure_text(text))).page_copy
    assert_nothing_lost(text, [article])
    assert parse_text(text.replace("\n", "\r\n")) == [article]
