"""Whole-page copies: find the one article in the text of a rendered web page.

A user who selects all of a page and copies it, or a text browser dump
(``lynx -dump``, ``w3m -dump``), gives the article wrapped in menus, cookie
notices, share buttons, related links and footers. Such a text is told from a
page dump of articles (the seed layout) by page vocabulary (:func:`is_page_copy`),
and then :func:`select` keeps one block of it:

* every non-blank line gets a weight: a prose line (8 words or more with
  sentence punctuation) weighs its word count; a row of a data table
  (:func:`is_table_row`) weighs nothing; any other line costs
  :data:`SHORT_COST`; page vocabulary and text-browser artefacts cost
  :data:`CHROME_COST`; a heading that ends an article ("Related articles",
  "More from ...", "Comments", final marks ignored) costs :data:`END_COST`,
  and so does a name alone over a note on that person (``Ana Ribeiro`` over
  ``Ana is a reporter who ...``, within :data:`BIO_REACH` content lines): an
  author note, which closes an article;
* the article body is the run of lines with the largest total weight
  (the maximum-sum block, found in one pass);
* the title is the headline a reader's eye lands on: among headline-shaped
  lines (not list items, bylines, lines holding a date, breadcrumbs or page
  vocabulary) from :data:`TITLE_REACH` content lines above the block to :data:`TITLE_INSIDE`
  lines into it (under at most :data:`PROSE_ABOVE_MAX` words of prose), the
  one scoring highest on length, nearness to the body under it, words the
  body repeats, a date or byline next to it (under it, also written inside a
  text line, or right over it), Title Case, being printed twice on the page
  (or ending a breadcrumb, or inside another line near the body), and
  standing over a longer candidate (its standfirst), and lowest on being
  inside the block, a standfirst under a headline or a name alone; prose of
  the block above the title is left out;
* inside the kept span, page vocabulary, artefacts, short menu bullets and a
  line equal to the content line before it are dropped.

Everything outside the span, and every dropped line, is page chrome: the
caller records it, so no line is lost silently. Each step looks at every line
a bounded number of times: linear time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from newskit.parsing._chrome import bullet_item
from newskit.parsing._dates import find_date
from newskit.parsing._lines import Kind, Line
from newskit.parsing._pages import is_page_bottom, is_page_mark, is_page_top, segments
from newskit.parsing._shapes import is_caption, is_title_case, is_title_like

__all__ = [
    "PageCopy",
    "Selection",
    "is_heading_shape",
    "is_page_copy",
    "is_table_row",
    "page_chrome",
    "select",
]

#: Cost of a non-prose line (a menu item, a button, a short label).
SHORT_COST = 5.0
#: Share of its words a bulleted prose line weighs.
BULLET_SHARE = 0.25
#: Cost of a line of page vocabulary or a text-browser artefact.
CHROME_COST = 8.0
#: Cost of a heading that closes an article (related links, comments, footer):
#: more than a teaser or a comment under it weighs, so the body block stops there.
END_COST = 150.0
#: What such a heading counts for in a run of chrome between two copied pages
#: (:func:`~newskit.parsing._pages.segments`): one heading alone separates no pages.
END_SPLIT_COST = 60.0
#: What a title candidate inside the body block loses (a subhead sits there).
INSIDE_COST = 4.0
#: What a title candidate that is two or three capitalised words alone loses (a person's name).
NAME_COST = 5.0
#: How many content lines above the body block the title may be.
TITLE_REACH = 60
#: What a headline of an indented dump gains when it stands left of the text under it
#: (flush left, or less indented than that text) or is centred over it.
FLUSH_BONUS = 6.5
#: What a title candidate gains when all its words are in the article body (a share of it).
OVERLAP_BONUS = 10.5
#: What a title candidate loses per content line between it and the body.
DISTANCE_COST = 0.15
#: What a title candidate loses per word of block prose above it (a subhead has much).
PROSE_ABOVE_COST = 0.15
#: Content lines into the body block where the title may still be (prose above a headline).
TITLE_INSIDE = 8
#: Words of block prose above which a line of the block is no title (a subhead).
PROSE_ABOVE_MAX = 40.0
#: What a title candidate of three words or more in Title Case gains.
TITLE_CASE_BONUS = 3.0
#: What a title candidate the page prints twice (or ends a breadcrumb) gains.
REPEAT_BONUS = 3.0
#: What a title candidate gains when a date or byline follows it closely (a date line,
#: a byline, or a text line holding a date or opening like a byline), or stands
#: in the line right above it.
META_BONUS = 6.5
#: Content lines after a title candidate looked at for a date or byline.
META_REACH = 4
#: What a title candidate gains when the candidate right under it is a longer line
#: (its standfirst), and what that longer line loses: a headline of
#: :data:`STANDFIRST_WORDS` words or more over its standfirst.
STANDFIRST_SHIFT = 2.0
#: What a title candidate of three words or more gains when a line near it that is
#: not prose holds it inside other words (a breadcrumb, a share or feed link, an
#: image caption).
PRINTED_INSIDE_BONUS = 2.0
#: Lines either side of the body block's start looked at for such a line, and the
#: longest line looked at.
PRINTED_INSIDE_REACH = 200
PRINTED_INSIDE_CHARS = 600
#: Words from which a title candidate over a longer one is taken for a headline
#: over its standfirst (a shorter line over a longer one is a label or kicker).
STANDFIRST_WORDS = 5
#: Content lines of the body whose words a title candidate is compared with.
BODY_SAMPLE = 60
#: Content lines of the block, and words of its prose above, under which a headline
#: followed by a date line or byline is still a title candidate (a promotion
#: paragraph printed above the headline weighs into the block).
PROMO_INSIDE = 16
PROMO_MAX = 200.0
#: Content lines from the top of a dump within which a masthead's headline and the
#: first prose line under it stand (:func:`masthead_title`).
MASTHEAD_REACH = 8
#: Indentation from which a line of an indented dump is centred (lynx centres ``<h1>``).
CENTRED = 8
#: Weight of prose a segment needs to hold an article of its own.
MIN_ARTICLE = 100.0
#: Weight of prose the best block of a copied page needs to be an article.
MIN_PAGE = 150.0
#: Weight of prose from which a block under a headline followed by a date or
#: byline starts a page after heavy chrome, without a page bottom or top between.
HEADED_PAGE = 600.0
#: Share of a headline's words the block under it must repeat to count as its headline.
HEADED_SHARE = 0.5
#: Content lines under a name alone looked at for an author note.
BIO_REACH = 3
#: Page-vocabulary lines a text needs to be taken for a page copy.
MIN_SIGNALS = 3
#: Short lines without sentence punctuation in a row (menu entries, labels, buttons)
#: that count as one page signal, and as one more for each as many again.
MENU_RUN = 6

_PROSE_WORDS = 8
_TABLE_ROW_CHARS = 300  # longest line read as a table row
_CELL_GAP = re.compile(r"\s{2,}")  # what sets a table's cells apart in a render
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
        "about the author",
        "about the authors",
        "author bio",
        "latest articles",
        "latest posts",
        "recent posts",
        "related reading",
        "related resources",
        "related guides",
        "more like this",
        "similar articles",
        "you may have missed",
        "article sources",
        "was this page helpful",
        "was this article helpful",
        "did you find this article helpful",
        "share this post",
        "share the post",
    }
)
_END_MARKS = ".…:!?"
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
    # the link list lynx -dump appends: "References", "12. https://..."
    r"|^References$|^(?:Visible|Hidden) links:?$|^\d+\. (?:https?|file|ftp|mailto):"
)
_COOKIE = re.compile(
    r"\bcookies?\b|\ball rights reserved\b|^©|^copyright\b|^click to (?:share|email|print)"
    r"|\(opens in (?:a )?new window\)",
    re.IGNORECASE,
)
# "34 responses to ...", "12 Comments", "Maria says:", "Pingback: ..." open a comment thread
_COMMENTS = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|thoughts)\b|^\S+(?: \S+){0,3} (?:says|said|wrote):$"
    r"|^(?:pingback|trackback):",
    re.IGNORECASE,
)
# what a comment list puts before the commenter's name: a list marker or number,
# and an avatar or anchor in brackets ("2. [a1b2] Maria says:")
_COMMENT_PREFIX = re.compile(r"^(?:[*+o•◦▪□■-]\s+|\d{1,3}\.\s+)?(?:\[[^\]]{1,40}\]\s*)?")
# bylines, date lines glued to names, breadcrumbs and list items look like headlines
_NOT_TITLE = re.compile(
    r"^(?:[Bb]y\b|By(?=[A-Z])|[Pp]osted\b|[Uu]pdated\b|[Pp]ublished\b|[Ww]ritten\b"
    r"|[Rr]eviewed\b|[Ff]act checked\b|[Ll]ast updated\b|On [Bb]ehalf of\b)"
    r"|^\d+[.)]\s| [/>»|] "
)
# a page header's byline or date written in a text line beside other words:
# "By: Ana Ruiz", "Published a day ago ~ 6 minutes read", "Written By: Ana Ruiz, Editor"
_HEADER_META = re.compile(
    r"^(?:[Bb]y\b|BY\b|By(?=[A-Z])|[Pp]osted\b|[Uu]pdated\b|[Pp]ublished\b|[Ww]ritten\b"
    r"|[Rr]eviewed\b|[Ll]ast updated\b)|\bmin(?:ute)?s? read\b"
)
_HEADER_META_CHARS = 200
_CONTENT_WORD = re.compile(r"[a-z]{4,}")
# two or three capitalised words and nothing else: "Ana Ribeiro", "Mary K. Jones"
_NAME = re.compile(r"^[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]*\.?){1,2}$")
# list markers of text browsers and browser copies: a list item is no headline
_LIST_GLYPH = re.compile(r"^(?:[*+o•◦▪□■☆★-]\s)")
_CRUMB = re.compile(r" ?[/>»›·|] ?| breadcrumb arrow ")
_PERIOD_BREAK = re.compile(r"[a-z]{3}\. +[A-Z]")
_BAD_START = ".,;:!?)]}-–—"
_CLOSE_QUOTES = "'\"’”»"
_HEADLINE_CHARS = 200
_HEADLINE_WORDS = 24
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
    # "You might also like...", "Was this page helpful?": the heading's final marks say nothing
    key = _fold(text).rstrip(_END_MARKS).strip()
    if key in END_LINES or key.startswith(_END_PREFIXES):
        return True
    return _COMMENTS.search(_COMMENT_PREFIX.sub("", text, count=1)) is not None


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

    It takes :data:`MIN_SIGNALS` signals: lines of page vocabulary or
    text-browser artefacts (:func:`page_chrome`), runs of three or more short
    bulleted menu lines, and every :data:`MENU_RUN` short lines in a row
    without sentence punctuation (a menu a browser copy prints without
    bullets: sections, topics, places). The share buttons and "Short Url" of a
    news-page dump are not page signals: a dump of several articles stays a dump.
    """
    signals = 0
    run = 0
    short = 0
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        if len(line.text) > _SIGNAL_LENGTH:
            # paragraphs are no signal; skipping them keeps a dump's scan cheap
            run = short = 0
            continue
        if line.kind is Kind.CHROME:
            pass  # a news-page dump's chrome ("Short Url", "Follow") makes no menu
        elif _SENTENCE_END.search(line.text) is None:
            short += 1
            if short % MENU_RUN == 0:
                signals += 1
        else:
            short = 0
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


def is_table_row(text: str) -> bool:
    """Return ``True`` for a stripped line that is a row of a data table in a render.

    Text browsers and browser copies print a table's cells side by side,
    set apart by runs of two spaces or more; a row of figures has a digit in
    half of its cells or more. Such a row is neither prose nor page chrome
    (see :func:`select`): a table inside an article does not cut it.

    >>> is_table_row("1/1/2024    +13.1%"), is_table_row("Oslo      4.2     5.1")
    (True, True)
    >>> is_table_row("Home  News  Sport"), is_table_row("Rates rose 2% in May.")
    (False, False)
    """
    if len(text) > _TABLE_ROW_CHARS:
        return False
    cells = _CELL_GAP.split(text)
    if len(cells) < 2:
        return False
    return 2 * sum(any(c.isdigit() for c in cell) for cell in cells) >= len(cells)


def _weight(line: Line) -> float:
    text = line.text
    if line.kind is Kind.CHROME or page_chrome(text):
        return -CHROME_COST
    if line.kind is Kind.TEXT and is_table_row(text):
        # a row of figures is no menu: the article goes on through its table
        return 0.0
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


@dataclass(frozen=True)
class Selection:
    """The articles :func:`select` finds in a page copy.

    Attributes
    ----------
    pages : list of PageCopy
        One per article, in text order.
    uncertain : bool
        Prose that may be another article was left out as page chrome.
    mixed : bool
        An article may hold the text of more than one copied page: a line
        only a page's bottom or top prints (:func:`~newskit.parsing._pages.is_page_mark`)
        stands inside it, with :data:`MIN_ARTICLE` of prose on each side.
    """

    pages: list[PageCopy]
    uncertain: bool
    mixed: bool = False


def _best_block(
    lines: list[Line], weights: list[float], lo: int, hi: int
) -> tuple[int, int, float]:
    # maximum-sum contiguous run of lines[lo:hi] (Kadane), blank lines weigh nothing;
    # on a tie the longer run wins (a paragraph after a button is not dropped)
    best = 0.0
    best_span = (lo, lo)
    total = 0.0
    start = lo
    for i in range(lo, hi):
        if lines[i].kind is Kind.BLANK:
            continue
        if total < 0:
            total, start = 0.0, i
        total += weights[i]
        if total > 0 and total >= best:
            best, best_span = total, (start, i + 1)
    return best_span[0], best_span[1], best


def _headline_shape(text: str) -> bool:
    # A page's headline may ask and answer ("Why now? Three reasons"), end with a
    # long aside in brackets, or be two words long: looser than a dump's headline.
    if is_title_like(text):
        return True
    if len(text) > _HEADLINE_CHARS or not 2 <= len(text.split()) <= _HEADLINE_WORDS:
        return False
    first = text[0]
    if first in _BAD_START or (first.islower() and text.split(maxsplit=1)[0].islower()):
        return False
    last = text.rstrip(_CLOSE_QUOTES)[-1:]
    return last not in ".,;:" and _PERIOD_BREAK.search(text) is None


def _headline(line: Line) -> bool:
    text = line.text
    return (
        line.kind is Kind.TEXT
        and _NOT_TITLE.search(text) is None
        and _LIST_GLYPH.match(text) is None
        and _headline_shape(text)
        and not is_caption(text)
        and not page_chrome(text)
        and not _is_end(text)
        and not _is_menu_bullet(text)
        and not is_page_bottom(text)
        and not is_page_top(text)
    )


def _meta_follows(lines: list[Line], i: int, end: int) -> bool:
    # a date line or byline among the next few content lines: a headline's header
    seen = 0
    for j in range(i + 1, end):
        line = lines[j]
        if line.kind in (Kind.DATE, Kind.BYLINE):
            return True
        if line.kind is not Kind.BLANK:
            seen += 1
            if seen >= META_REACH:
                return False
    return False


def _is_header_meta(line: Line) -> bool:
    # a date line or byline, or a short text line holding a date or opening like a
    # byline ("By: Ana Ruiz | 4 min read", "June 11, 2025 5 min"): a line of a page
    # header
    if line.kind in (Kind.DATE, Kind.BYLINE):
        return True
    text = line.text
    return (
        line.kind is Kind.TEXT
        and len(text) <= _HEADER_META_CHARS
        and (_HEADER_META.search(text) is not None or find_date(text) is not None)
    )


def _meta_near(lines: list[Line], i: int, end: int) -> bool:
    # a page header's date or byline among the next few lines (before ``end``), or in
    # the line right above: a headline's header, printed under it or over it
    seen = 0
    for j in range(i + 1, end):
        line = lines[j]
        if line.kind is Kind.BLANK:
            continue
        if _is_header_meta(line):
            return True
        seen += 1
        if seen >= META_REACH:
            break
    j = i - 1
    while j >= 0 and lines[j].kind is Kind.BLANK:
        j -= 1
    return j >= 0 and _is_header_meta(lines[j])


def _standfirst_pairs(lines: list[Line], candidates: dict[int, int]) -> tuple[set[int], set[int]]:
    # A headline over its standfirst: a candidate of STANDFIRST_WORDS words or more
    # whose next content line is a candidate with more words. Returns the upper
    # lines (headlines) and the lower ones (standfirsts); ``candidates`` maps a
    # candidate's index to its word count.
    heads: set[int] = set()
    firsts: set[int] = set()
    for i, words in candidates.items():
        below = lines[i].next_content
        if words >= STANDFIRST_WORDS and candidates.get(below, 0) > words:
            heads.add(i)
            firsts.add(below)
    return heads, firsts


def _printed_inside(
    lines: list[Line], weights: list[float], start: int, folded: dict[int, str]
) -> Callable[[str], bool]:
    # Whether a key (folded like Line.key) is printed inside a longer line that is
    # not prose among the lines around ``start``: one search through their joined
    # keys per candidate, over a bounded stretch (linear time however long the
    # page); ``folded`` keeps each line's folded text for the next block's search.
    keys = []
    for j in range(max(0, start - PRINTED_INSIDE_REACH), start + PRINTED_INSIDE_REACH):
        if j >= len(lines):
            break
        line = lines[j]
        # a sentence that uses a subhead's words is no printing of the headline
        if line.kind is Kind.BLANK or weights[j] > 0 or len(line.text) > PRINTED_INSIDE_CHARS:
            continue
        key = folded.get(j)
        if key is None:
            key = folded[j] = " ".join(line.text.split()).casefold()
        keys.append(key)
    joined = "\n".join(keys)
    equal = Counter(keys)
    # a key found more often than lines equal to it is inside another line
    return lambda key: joined.count(key) > equal[key]


def _text_indents(lines: list[Line], weights: list[float]) -> list[int]:
    # for every line, the indentation of the next prose line at or after it (-1 if none)
    out = [-1] * len(lines)
    nxt = -1
    for i in range(len(lines) - 1, -1, -1):
        if weights[i] > 0:
            nxt = lines[i].indent
        out[i] = nxt
    return out


def _stands_out(line: Line, below: int) -> bool:
    # A heading of an indented dump stands left of the text under it (lynx prints
    # headings flush left and paragraphs indented; a browser copy nests the body
    # deeper than its headline), or is centred over text that is not (lynx's <h1>).
    if line.flush:
        return True
    if below < 0:  # no text under it
        return line.indent >= CENTRED
    return line.indent < below or (line.indent >= CENTRED and below < CENTRED)


@dataclass(frozen=True)
class _Layout:
    # what the title finder knows of the whole text
    indented: bool  # most lines are indented (a lynx dump, a browser copy of nested blocks)
    text_indent: list[int]  # per line, the indentation of the next prose line (-1: none)
    repeated: set[str]  # headline keys the page prints twice
    folded: dict[int, str] = field(default_factory=dict)  # line texts folded, filled on use


def _body_words(lines: list[Line], start: int, end: int) -> set[str]:
    words: set[str] = set()
    for line in lines[start : min(end, start + BODY_SAMPLE)]:
        if line.kind is Kind.TEXT and len(line.text) > 60:
            words.update(_CONTENT_WORD.findall(line.text.lower()))
    return words


def _headlines_above(
    lines: list[Line], weights: list[float], start: int, end: int, floor: int
) -> Iterator[tuple[int, int, float, float]]:
    # Headline-shaped lines from a few content lines into the block upwards
    # (deeper, under more of its prose, when a date line or byline follows them),
    # within TITLE_REACH content lines above it: (index, content lines between
    # it and the next prose line under it, share of its words the body repeats
    # (sidebar teasers and labels share few), words of block prose above it).
    body = _body_words(lines, start, end)
    inside: list[int] = []
    for i in range(start, end):
        if lines[i].kind is not Kind.BLANK:
            inside.append(i)
            if len(inside) > PROMO_INSIDE:
                break
    prose_above = [0.0] * len(inside)
    for n in range(1, len(inside)):
        before = inside[n - 1]
        prose_above[n] = prose_above[n - 1] + max(weights[before], 0.0)
    gap = 0
    for n in range(len(inside) - 1, -1, -1):
        i = inside[n]
        if n + 1 < len(inside) and weights[inside[n + 1]] > 0:
            gap = 0
        if n <= TITLE_INSIDE and prose_above[n] <= PROSE_ABOVE_MAX and _headline(lines[i]):
            yield i, gap, _shared(lines[i].text, body), prose_above[n]
        elif prose_above[n] <= PROMO_MAX and _headline(lines[i]) and _meta_follows(lines, i, end):
            # a headline with its date or byline under a promotion the block swallowed
            yield i, gap, _shared(lines[i].text, body), min(prose_above[n], PROSE_ABOVE_MAX)
        gap += 1
    seen = 0
    for i in range(start - 1, floor - 1, -1):
        line = lines[i]
        if line.kind is Kind.BLANK:
            continue
        seen += 1
        if seen > TITLE_REACH:
            return
        if _headline(line):
            yield i, seen, _shared(line.text, body), 0.0


def _shared(text: str, body: set[str]) -> float:
    words = _CONTENT_WORD.findall(text.lower())
    return sum(w in body for w in words) / len(words) if words else 0.0


def _repeated_keys(lines: list[Line]) -> set[str]:
    # Every headline-sized line's key, and the last part of a breadcrumb
    # ("Home / Garden / <headline>"): a headline the page prints twice.
    keys: set[str] = set()
    repeated: set[str] = set()
    for line in lines:
        key = line.key
        if not key:
            continue
        parts = _CRUMB.split(key)
        for part in {key, parts[-1].strip()} if len(parts) > 1 else {key}:
            if part in keys:
                repeated.add(part)
            keys.add(part)
    return repeated


def _find_title(
    lines: list[Line],
    weights: list[float],
    block: tuple[int, int],
    floor: int,
    layout: _Layout,
) -> int | None:
    # The headline a reader sees above the body: longer is likelier, one just
    # above the body (with dates, bylines and a standfirst between) likelier,
    # one whose words the body repeats much likelier, one with a date or byline
    # right under it (or right over it) likelier, one in Title Case or printed
    # twice on the page (or inside a longer line near it) likelier, one over a
    # longer candidate likelier (a headline over its standfirst; the standfirst
    # less likely), one under prose of the block or inside the block less likely
    # (a subhead), one that is a name alone less likely, one holding a date never
    # (a byline); in an indented dump one standing left of the text under it, or
    # centred over it.
    start, end = block
    candidates = [
        found
        for found in _headlines_above(lines, weights, start, end, floor)
        # a date beside other words: a byline or date line, no headline
        if find_date(lines[found[0]].text) is None
    ]
    heads, firsts = _standfirst_pairs(
        lines, {found[0]: len(lines[found[0]].text.split()) for found in candidates}
    )
    printed_inside = _printed_inside(lines, weights, start, layout.folded)
    best, best_score = None, 0.0
    for i, gap, shared, above in candidates:
        line = lines[i]
        words = line.text.split()
        score = (
            min(len(words), 10)
            - DISTANCE_COST * gap
            + OVERLAP_BONUS * shared
            - PROSE_ABOVE_COST * above
        )
        if layout.indented and _stands_out(line, layout.text_indent[i]):
            score += FLUSH_BONUS
        if _meta_near(lines, i, end):  # a date line or byline under it among them
            score += META_BONUS
        if len(words) >= 3 and is_title_case(words):
            score += TITLE_CASE_BONUS
        if line.key in layout.repeated:
            score += REPEAT_BONUS
        if len(words) >= 3 and printed_inside(line.key):
            score += PRINTED_INSIDE_BONUS
        if i >= start:
            score -= INSIDE_COST
        if _NAME.match(line.text) is not None:
            score -= NAME_COST
        if i in heads:
            score += STANDFIRST_SHIFT
        if i in firsts:
            score -= STANDFIRST_SHIFT
        if score > best_score:
            best, best_score = i, score
    return best


def masthead_title(lines: list[Line]) -> int | None:
    """Return the headline under a masthead at the top of a dump, or ``None``.

    A blog or small site prints its name and a menu line or two above the
    headline, and a date line or byline under it; a copy of such a page may
    hold too few page signals for :func:`is_page_copy`, and is read as a page copy
    when this finds its headline.
    When a text line stands between the first text line and the first date
    line or byline, and a prose line follows within :data:`MASTHEAD_REACH`
    content lines of the top, the headline is chosen as in a page copy among
    the lines above that prose line; it is kept only when it is not the first
    text line and a date line or byline follows it within :data:`META_REACH`
    content lines.

    >>> from newskit.parsing._lines import classify
    >>> lines = classify("Ana's notes\\n\\nHome Blog\\n\\nWhy the river floods in spring\\n\\n"
    ...     "March 3, 2024\\n\\nThe river floods every spring because the snow melts fast.\\n")
    >>> lines[masthead_title(lines)].text
    'Why the river floods in spring'
    """
    first = prose = None
    seen = between = 0
    for i, line in enumerate(lines):
        if line.kind in (Kind.BLANK, Kind.CHROME):
            continue
        seen += 1
        if seen > MASTHEAD_REACH:
            return None
        if line.kind in (Kind.DATE, Kind.BYLINE) and not between:
            return None  # the first text line has its date or byline under it: the title
        if line.kind is not Kind.TEXT:
            continue
        # a line longer than any headline ends the search too (and is not split into
        # words: one huge line costs a single length check)
        if len(line.text) > _HEADLINE_CHARS or _is_prose(line.text):
            prose = i
            break
        if first is None:
            first = i
        else:
            between += 1
    if prose is None or first is None:
        return None
    end = min(len(lines), prose + BODY_SAMPLE)
    top = lines[:end]
    weights = [0.0 if line.kind is Kind.BLANK else _weight(line) for line in top]
    flush = sum(1 for line in top if line.flush)
    indented = 2 * flush < sum(1 for line in top if line.kind is not Kind.BLANK)
    layout = _Layout(indented, _text_indents(top, weights), _repeated_keys(top))
    title = _find_title(top, weights, (prose, end), 0, layout)
    if title is None or not first < title < prose or not _meta_follows(lines, title, prose):
        return None
    return title


def _page(
    lines: list[Line],
    weights: list[float],
    block: tuple[int, int],
    floor: int,
    layout: _Layout,
) -> PageCopy:
    start, end = block
    title = _find_title(lines, weights, block, floor, layout)
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
    return PageCopy(title, first, end, frozenset(drop), layout.indented)


def _headed(
    lines: list[Line], weights: list[float], start: int, end: int, floor: int, dated: bool = False
) -> bool:
    # a headline above the block that a date or byline follows, or (unless
    # ``dated``) whose words the block repeats: the block is an article of its
    # own, not page leftovers; only a dump's headline shape counts (the looser
    # page shape takes sidebar labels for headlines and keeps leftovers of a
    # page as articles)
    return any(
        (shared >= HEADED_SHARE and not dated) or _meta_follows(lines, i, end)
        for i, _, shared, _ in _headlines_above(lines, weights, start, end, floor)
        if i <= start and len(lines[i].text.split()) >= 3 and is_title_like(lines[i].text)
    )


# an author note opens with words of the name and nothing else, then a verb ("Ana is
# a writer", "(Editor) – Ana Ruiz comes from ..."); words that make it a person who writes
_BIO_VERB = re.compile(
    r"^(?:\([^)]{0,40}\)\s*[–—-]?\s*)?(?P<name>(?:[^\s,:]+\s+){1,3}?)"
    r"(?:is|was|has|holds|comes|founded|writes|covers|joined|serves|leads)\b",
    re.IGNORECASE,
)
_BIO_WORDS = re.compile(
    r"\b(?:he|she|his|her|writer|editor|author|journalist|reporter|correspondent|"
    r"contributor|columnist|blogger|freelance|founder|owner)\b",
    re.IGNORECASE,
)


def _bio_names(lines: list[Line], weights: list[float]) -> None:
    # A name alone over prose that says who that person is ("Ana Ribeiro" over
    # "Ana is a reporter who has ..."): an author note, which closes an
    # article; the name line weighs as a closing heading.
    for i, line in enumerate(lines):
        if line.kind is not Kind.TEXT or _NAME.match(line.text) is None:
            continue
        names = {word.casefold() for word in line.text.split()}
        k = i
        for _ in range(BIO_REACH):
            k = line.next_content if k == i else lines[k].next_content
            if k >= len(lines):
                break
            if weights[k] > 0:
                text = lines[k].text
                match = _BIO_VERB.match(text)
                if (
                    match is not None
                    and set(match["name"].casefold().split()) <= names
                    and _BIO_WORDS.search(text) is not None
                ):
                    weights[i] = -END_COST
                break


def select(lines: list[Line]) -> Selection:
    """Choose each article's lines in a page copy (see the module docstring).

    The text is cut into segments that may each hold one copied page
    (:func:`~newskit.parsing._pages.segments`), and the best block of each
    segment found. A segment starts a new *page* when the chrome before it
    holds a page bottom or top, when a page bottom or top stands anywhere
    between its block and the block before, or when its block weighs
    :data:`HEADED_PAGE` or more under a headline followed by a date or
    byline. A page holds one
    article, its best block, when that block is the best of the text or
    weighs :data:`MIN_PAGE` or more (:data:`MIN_ARTICLE` after a page edge).
    The article runs from the first block of the page that weighs
    :data:`MIN_ARTICLE` or more under a headline of its own (followed by a
    date or byline, or sharing words with the block), or else the best
    block, through the best block and every later such block (a page may cut
    its article in two with a picture gallery or a sign-up box); the chrome
    between them is dropped. ``uncertain`` is set when a block of
    :data:`MIN_ARTICLE` or more is left out: the best block of a page too
    light to be an article, a block of a page beside its article and not
    read into it, or a block after an article and before a heading that
    closes it. ``mixed`` is set when a line only a page's bottom or top
    prints (:func:`~newskit.parsing._pages.is_page_mark`) stands inside an
    article with :data:`MIN_ARTICLE` of prose before and after it.
    """
    weights = [0.0 if line.kind is Kind.BLANK else _weight(line) for line in lines]
    _bio_names(lines, weights)
    flush = sum(1 for line in lines if line.flush)
    indented = 2 * flush < sum(1 for line in lines if line.kind is not Kind.BLANK)
    groups: list[list[tuple[float, int, int, int, int]]] = []  # weight, block, segment
    needs: list[float] = []  # the weight each page's article needs
    floor = 0
    apart = [-END_SPLIT_COST if weight == -END_COST else weight for weight in weights]
    for lo, hi, evidence in segments(lines, apart):
        start, end, weight = _best_block(lines, weights, lo, hi)
        if (
            evidence
            or (weight > 0 and groups and _bottom_or_top_between(lines, floor, start))
            or not groups
            or (
                weight >= HEADED_PAGE
                and _headed(lines, weights, start, end, max(lo, floor), dated=True)
            )
        ):
            groups.append([])
            needs.append(MIN_ARTICLE if evidence == 2 else MIN_PAGE)
        if weight > 0:
            groups[-1].append((weight, start, end, lo, hi))
            floor = end
    if not any(groups):
        return Selection([], uncertain=False)
    layout = _Layout(indented, _text_indents(lines, weights), _repeated_keys(lines))
    top = max(block[0] for group in groups for block in group)
    pages: list[PageCopy] = []
    uncertain = mixed = False
    floor = 0
    for group, need in zip(groups, needs, strict=True):
        if not group:
            continue
        best = max(range(len(group)), key=lambda n: group[n][0])
        weight, start, end, _, _ = group[best]
        if weight != top and weight < need:
            uncertain = uncertain or any(block[0] >= MIN_ARTICLE for block in group)
            continue
        # the article starts at the first headed block of the page up to the best
        first = next((n for n in range(best) if _reads_on(lines, weights, group[n], floor)), best)
        uncertain = uncertain or any(block[0] >= MIN_ARTICLE for block in group[:first])
        start, end = group[first][1:3]
        page = _page(lines, weights, (start, end), floor, layout)
        drop = set(page.drop)
        last = page.end
        for n in range(first + 1, len(group)):
            weight, start, end, lo, _ = group[n]
            if n == best or _reads_on(lines, weights, group[n], last):
                # the page's article goes on in this block: what lies between is chrome
                more = _page(lines, weights, (start, end), last, layout)
                drop.update(i for i in range(last, more.start) if lines[i].kind is not Kind.BLANK)
                drop.update(more.drop)
                last = more.end
            else:
                uncertain = uncertain or weight >= MIN_ARTICLE
        pages.append(PageCopy(page.title, page.start, last, frozenset(drop), indented))
        floor = last
        mixed = mixed or _mark_inside(lines, weights, page.start, last)
        uncertain = uncertain or _left_out(lines, weights, last, group[-1][4]) >= MIN_ARTICLE
    return Selection(pages, uncertain=uncertain, mixed=mixed)


def _reads_on(
    lines: list[Line], weights: list[float], block: tuple[float, int, int, int, int], floor: int
) -> bool:
    # a block of a page that is part of its article: heavy enough, with a headline of its own
    weight, start, end, lo, _ = block
    return weight >= MIN_ARTICLE and _headed(lines, weights, start, end, max(lo, floor))


def _left_out(lines: list[Line], weights: list[float], end: int, hi: int) -> float:
    # the best block after an article and before a heading that closes it
    stop = end
    while stop < hi and weights[stop] != -END_COST:
        stop += 1
    return _best_block(lines, weights, end, stop)[2]


def _bottom_or_top_between(lines: list[Line], start: int, end: int) -> bool:
    # a page bottom or top among the lines between two blocks, though not in the
    # run of chrome the segment was cut at: the block after it starts a page
    return any(
        line.kind is not Kind.BLANK and (is_page_bottom(line.text) or is_page_top(line.text))
        for line in lines[start:end]
    )


def _mark_inside(lines: list[Line], weights: list[float], start: int, end: int) -> bool:
    # a line only a page's bottom or top prints inside an article, with an
    # article's weight of prose on both sides: two pages with little chrome
    # between them may be read as one article
    before = after = 0.0
    mark = None
    for i in range(start, end):
        line = lines[i]
        if line.kind is Kind.BLANK:
            continue
        if weights[i] > 0:
            if mark is None:
                before += weights[i]
            else:
                after += weights[i]
                if after >= MIN_ARTICLE:
                    return True
        elif before >= MIN_ARTICLE and is_page_mark(line.text):
            mark, after = i, 0.0
    return False
