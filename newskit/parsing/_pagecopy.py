"""Whole-page copies: find the one article in the text of a rendered web page.

A user who selects all of a page and copies it, or a text browser dump
(``lynx -dump``, ``w3m -dump``), gives the article wrapped in menus, cookie
notices, share buttons, related links and footers. Such a text is told from a
page dump of articles (the seed layout) by page vocabulary (:func:`is_page_copy`),
and then :func:`select` keeps one block of it:

* every non-blank line gets a weight: a prose line (8 words or more with
  sentence punctuation) weighs its word count; any other line costs
  :data:`SHORT_COST`; page vocabulary and text-browser artefacts cost
  :data:`CHROME_COST`; a heading that ends an article ("Related articles",
  "More from ...", "Comments") costs :data:`END_COST`;
* the article body is the run of lines with the largest total weight
  (the maximum-sum block, found in one pass);
* the title is the nearest headline above the block (within
  :data:`TITLE_REACH` content lines), or the block's first line when it is one;
* inside the kept span, page vocabulary, artefacts, short menu bullets and a
  line equal to the content line before it are dropped.

Everything outside the span, and every dropped line, is page chrome: the
caller records it, so no line is lost silently. Each step looks at every line
a bounded number of times: linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskit.parsing._chrome import bullet_item
from newskit.parsing._lines import Kind, Line
from newskit.parsing._shapes import is_caption, is_title_like

__all__ = ["PageCopy", "is_heading_shape", "is_page_copy", "page_chrome", "select"]

#: Cost of a non-prose line (a menu item, a button, a short label).
SHORT_COST = 5.0
#: Share of its words a bulleted prose line weighs.
BULLET_SHARE = 0.25
#: Cost of a line of page vocabulary or a text-browser artefact.
CHROME_COST = 8.0
#: Cost of a heading that closes an article (related links, comments, footer).
END_COST = 60.0
#: How many content lines above the body block the title may be.
TITLE_REACH = 25
#: What being flush left adds to a headline's title score in an indented dump.
FLUSH_BONUS = 8.0
#: Page-vocabulary lines a text needs to be taken for a page copy.
MIN_SIGNALS = 3

_PROSE_WORDS = 8
_SIGNAL_LENGTH = 60  # longest line looked at for page signals
_MENU_WORDS = 4

#: Whole lines (case-folded, whitespace collapsed, final ``:`` ignored) that only web pages carry.
PAGE_LINES: frozenset[str] = frozenset(
    {
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "skip navigation",
        "jump to content",
        "sign in",
        "sign out",
        "log in",
        "login",
        "log out",
        "register",
        "create account",
        "create an account",
        "my account",
        "subscribe",
        "subscribe now",
        "newsletter",
        "newsletters",
        "sign up for our newsletter",
        "menu",
        "main menu",
        "open menu",
        "close menu",
        "toggle navigation",
        "navigation",
        "search",
        "close",
        "home",
        "back to top",
        "top",
        "accept",
        "accept all",
        "accept cookies",
        "reject all",
        "manage cookies",
        "cookie settings",
        "cookie policy",
        "privacy policy",
        "privacy",
        "terms of use",
        "terms of service",
        "terms & conditions",
        "terms and conditions",
        "contact",
        "contact us",
        "about",
        "about us",
        "careers",
        "advertise",
        "advertise with us",
        "accessibility",
        "sitemap",
        "site map",
        "advertisement",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "facebook",
        "twitter",
        "linkedin",
        "instagram",
        "youtube",
        "pinterest",
        "whatsapp",
        "email",
        "print",
        "copy link",
        "reply",
        "next",
        "previous",
        "load more",
        "view all",
        "see all",
        "show more",
        "read more",
        "learn more",
    }
)

#: Headings (case-folded, final ``:`` ignored) after which a page shows no more of the article.
END_LINES: frozenset[str] = frozenset(
    {
        "related",
        "related articles",
        "related stories",
        "related posts",
        "related content",
        "related news",
        "related topics",
        "read more",
        "read next",
        "more stories",
        "more news",
        "more articles",
        "most popular",
        "most read",
        "popular",
        "trending",
        "trending now",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "also read",
        "comments",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "join the conversation",
        "share your thoughts",
        "latest news",
        "latest stories",
        "editor's picks",
        "editors' picks",
        "don't miss",
        "top stories",
    }
)
_END_PREFIXES = (
    "more from ",
    "more in ",
    "more on ",
    "comments (",
    "latest from ",
)

_ARTEFACT = re.compile(
    r"^(?:\(BUTTON\)|\[(?:IMG|INS|X| ?\]|[^\]\s]*\.(?:jpe?g|png|gif|webp|svg))|IFRAME:|#)"
    r"|_{5,}|\[[ xX]?\]\s*$|^\[[^\]]*\]$"
)
_COOKIE = re.compile(
    r"\bcookies?\b|\ball rights reserved\b|^©|^copyright\b|^click to (?:share|email|print)"
    r"|\(opens in (?:a )?new window\)",
    re.IGNORECASE,
)
# "34 responses to ...", "12 Comments", "Maria says:" open a comment thread
_COMMENTS = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|thoughts)\b|^\S+(?: \S+){0,3} (?:says|said|wrote):$",
    re.IGNORECASE,
)
# bylines, date lines glued to names, breadcrumbs and list items look like headlines
_NOT_TITLE = re.compile(
    r"^(?:[Bb]y\b|By(?=[A-Z])|[Pp]osted\b|[Uu]pdated\b|[Pp]ublished\b|[Ww]ritten\b"
    r"|[Rr]eviewed\b|[Ff]act checked\b|[Ll]ast updated\b|On [Bb]ehalf of\b)"
    r"|^\d+[.)]\s| [/>»|] "
)
_LIST_MARK = re.compile(r"^(?:[*+o•◦▪□■-]\s+|\d{1,2}\.\s+)")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[.!?][\"'”’]?\s+[\"'“‘(]?[A-Z0-9]")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(":").strip()


def page_chrome(text: str) -> bool:
    """Return ``True`` for a stripped line that only a web page carries.

    Page vocabulary (:data:`PAGE_LINES`: "Skip to content", "Sign in",
    "Privacy Policy", ...), a cookie or copyright notice, or a text-browser
    artefact (``(BUTTON)``, ``[IMG]``, ``IFRAME:``, form fields ``____``, image
    file names in brackets), bullet markers ignored.

    >>> page_chrome("Skip to content"), page_chrome("* Privacy Policy")
    (True, True)
    >>> page_chrome("(BUTTON) Menu"), page_chrome("[IMG]")
    (True, True)
    >>> page_chrome("We use cookies to improve your experience.")
    True
    >>> page_chrome("The council met on Monday.")
    False
    """
    if _ARTEFACT.search(text):
        return True
    item = _LIST_MARK.sub("", text, count=1)
    if len(item) <= 40 and _fold(item) in PAGE_LINES:
        return True
    return len(text) <= 300 and _COOKIE.search(text) is not None


def is_heading_shape(text: str) -> bool:
    """Return ``True`` when a line is short enough, and unpunctuated enough, to be a heading.

    >>> is_heading_shape("Timetable and fares"), is_heading_shape("It rained.")
    (True, False)
    """
    return len(text) <= 120 and len(text.split()) <= 12 and text[-1] not in ".,;:"


def _is_end(text: str) -> bool:
    if len(text) > 60:
        return False
    key = _fold(text)
    return key in END_LINES or key.startswith(_END_PREFIXES) or _COMMENTS.search(text) is not None


def _is_menu_bullet(text: str) -> bool:
    # a short bulleted line without a full stop: a menu or link list entry
    item = bullet_item(text)
    if item is None:
        match = _LIST_MARK.match(text)
        if match is None:
            return False
        item = text[match.end() :]
    return len(item.split()) <= _MENU_WORDS and not item.endswith((".", "!", "?"))


def _is_prose(text: str) -> bool:
    words = len(text.split())
    return words >= _PROSE_WORDS and _SENTENCE_END.search(text) is not None


def is_page_copy(lines: list[Line]) -> bool:
    """Return ``True`` when ``lines`` look like the text of a whole web page.

    It takes :data:`MIN_SIGNALS` lines of page vocabulary or text-browser
    artefacts (:func:`page_chrome`), or as many runs of three or more short
    bulleted menu lines. The share buttons and "Short Url" of a news-page dump
    are not page signals: a dump of several articles stays a dump.
    """
    signals = 0
    run = 0
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        if len(line.text) > _SIGNAL_LENGTH:
            # paragraphs are no signal; skipping them keeps a dump's scan cheap
            run = 0
            continue
        # the dump chrome of news pages ("Share", "Print") is no page signal
        if line.kind is not Kind.CHROME and page_chrome(line.text):
            signals += 1
        if _is_menu_bullet(line.text):
            run += 1
            if run == 3:
                signals += 1
        else:
            run = 0
        if signals >= MIN_SIGNALS:
            return True
    return False


def _weight(line: Line) -> float:
    text = line.text
    if line.kind is Kind.CHROME or page_chrome(text):
        return -CHROME_COST
    if _is_end(text):
        return -END_COST
    if line.kind in (Kind.DATE, Kind.BYLINE):
        return 0.0
    if _is_prose(text) and not is_caption(text):
        words = float(len(text.split()))
        # teasers of other stories are list items; article paragraphs rarely are
        return words * BULLET_SHARE if line.kind is Kind.BULLET else words
    return -SHORT_COST


@dataclass(frozen=True)
class PageCopy:
    """What :func:`select` keeps of a page copy.

    Attributes
    ----------
    title : int or None
        Index of the title line.
    start, end : int
        The kept span, ``lines[start:end]`` (the title is at or before ``start``).
    drop : frozenset of int
        Indexes inside the span that are page chrome.
    indented : bool
        Most lines are indented (a lynx dump): flush-left lines are headings.
    """

    title: int | None
    start: int
    end: int
    drop: frozenset[int]
    indented: bool


def _best_block(lines: list[Line], weights: list[float]) -> tuple[int, int] | None:
    # maximum-sum contiguous run of lines (Kadane), blank lines weigh nothing
    best = 0.0
    best_span: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for i, line in enumerate(lines):
        if line.kind is Kind.BLANK:
            continue
        if total < 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _headline(line: Line) -> bool:
    text = line.text
    return (
        line.kind is Kind.TEXT
        and _NOT_TITLE.search(text) is None
        and len(text.split()) >= 3
        and is_title_like(text)
        and not is_caption(text)
        and not page_chrome(text)
        and not _is_end(text)
        and not _is_menu_bullet(text)
    )


def _find_title(lines: list[Line], start: int, indented: bool) -> int | None:
    # the nearest headline above the body; in a dump whose text is indented
    # (lynx), a flush-left line is a heading and wins over a nearer label
    best, best_score = None, 0.0
    seen = 0
    for i in range(start, -1, -1):
        line = lines[i]
        if line.kind is Kind.BLANK:
            continue
        if _headline(line):
            score = min(len(line.text.split()), 10) - 0.5 * seen
            if indented and line.flush:
                score += FLUSH_BONUS
            if score > best_score:
                best, best_score = i, score
        seen += 1
        if seen > TITLE_REACH:
            break
    return best


def select(lines: list[Line]) -> PageCopy | None:
    """Choose the article's lines in a page copy (see the module docstring); ``None`` if none."""
    weights = [0.0 if line.kind is Kind.BLANK else _weight(line) for line in lines]
    block = _best_block(lines, weights)
    if block is None:
        return None
    start, end = block
    flush = sum(1 for line in lines if line.flush)
    indented = 2 * flush < sum(1 for line in lines if line.kind is not Kind.BLANK)
    title = _find_title(lines, start, indented)
    first = title if title is not None else start
    drop: set[int] = set()
    # pages repeat the headline (over a picture, in a share box): one copy is enough
    previous = title_key = _fold(lines[title].text) if title is not None else ""
    for i in range(first, end):
        line = lines[i]
        if line.kind is Kind.BLANK or i == title:
            continue
        key = _fold(line.text)
        weight = weights[i]
        if (
            # above the block: dates, bylines and prose (a standfirst) stay
            (i < start and line.kind not in (Kind.DATE, Kind.BYLINE) and weight <= 0)
            or weight == -CHROME_COST
            or (weight == -SHORT_COST and _is_menu_bullet(line.text))
            or key in (previous, title_key)
        ):
            drop.add(i)
        previous = key
    return PageCopy(title, first, end, frozenset(drop), indented)
