"""Stage "article boundaries" of a page copy: where one copied page ends and the next begins.

A file may hold several page copies in a row (a user pastes one page after
another, or appends ``lynx -dump`` outputs). Each page is menus, then the
article, then related links and a footer. The text is cut into *segments* that
can each hold one article, at two kinds of separators:

* **page edges**: the bottom of one page followed by the top of the next
  among non-prose lines. A bottom is a footer link (:data:`FOOTER_LINES`:
  "Privacy Policy", "Terms of use", "Contact us" ...), a copyright line with
  a year (``© 2024 ...``, ``Copyright 2024 ...``), "All rights reserved", or
  the ``References`` list ``lynx -dump`` appends; a top is "Skip to content"
  (and its variants) or a header link (:data:`HEADER_LINES`: "Menu",
  "Search", "Sign in" ...). Each alone is common mid-page (sidebars carry
  footer links, inline menus header links); the two in that order are not;
* **heavy chrome**: a run of non-prose lines (menus, link lists, buttons)
  whose weights (see :mod:`~newskit.parsing._pagecopy`) add up to
  :data:`SPLIT_COST` or less, more than any article carries between two of
  its paragraphs.

Each segment then gets its article block (maximum-sum run, as for one page),
and comes with the evidence that it starts a new page: the run before it holds
a page edge, or a page bottom or top alone, or neither (heavy chrome inside
one page: a menu, a sidebar). :func:`~newskit.parsing._pagecopy.select` reads
the segments between two pieces of evidence as one page. One pass over the
lines: linear time.
"""

from __future__ import annotations

import re

from newskit.parsing._lines import Kind, Line

__all__ = [
    "FOOTER_LINES",
    "HEADER_LINES",
    "SPLIT_COST",
    "is_page_bottom",
    "is_page_mark",
    "is_page_top",
    "segments",
]

#: A run of non-prose lines weighing this much or less separates two pages.
SPLIT_COST = -150.0

_TOP = re.compile(
    r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|article)\b", re.IGNORECASE
)
_COPYRIGHT = (
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}|[a-z].{0,60}\d{4})|\ball rights reserved\b"
)
_BOTTOM = re.compile(
    _COPYRIGHT + r"|^references$|^\d+\. (?:https?|file|ftp|mailto):", re.IGNORECASE
)
# what only the bottom or top of a page prints: a copyright line, "Skip to content"
_MARK = re.compile(_COPYRIGHT + "|" + _TOP.pattern, re.IGNORECASE)
#: Lines of a page header (case-folded, bullet removed): a page starts with them.
HEADER_LINES: frozenset[str] = frozenset(
    {
        "menu",
        "main menu",
        "open menu",
        "toggle navigation",
        "navigation",
        "search",
        "home",
        "sign in",
        "log in",
        "login",
        "register",
        "subscribe",
        "subscribe now",
        "my account",
        "newsletters",
        "(button)",
    }
)
_LIST_MARK = re.compile(r"^(?:[*+o•◦▪-]\s+|\d{1,2}\.\s+)")
#: Links of a page footer (case-folded, bullet removed): the page ends after them.
FOOTER_LINES: frozenset[str] = frozenset(
    {
        "privacy policy",
        "privacy notice",
        "privacy",
        "cookie policy",
        "cookie settings",
        "terms of use",
        "terms of service",
        "terms & conditions",
        "terms and conditions",
        "contact us",
        "about us",
        "sitemap",
        "site map",
        "accessibility",
        "advertise with us",
        "back to top",
    }
)


def is_page_bottom(text: str) -> bool:
    """Return ``True`` for a line that stands at the bottom of a web page.

    >>> is_page_bottom("© 2024 Example News"), is_page_bottom("* Privacy Policy")
    (True, True)
    >>> is_page_bottom("© Reuters"), is_page_bottom("Privacy rules tightened")
    (False, False)
    """
    if len(text) > 200:
        return False
    item = _LIST_MARK.sub("", text, count=1).strip().rstrip(":").casefold()
    return item in FOOTER_LINES or _BOTTOM.search(text) is not None


def is_page_top(text: str) -> bool:
    """Return ``True`` for a line that stands at the top of a web page.

    >>> is_page_top("Skip to main content"), is_page_top("* Sign in"), is_page_top("Menu")
    (True, True, True)
    >>> is_page_top("The skip to content button")
    False
    """
    if len(text) > 60:
        return False
    item = _LIST_MARK.sub("", text, count=1).strip().rstrip(":").casefold()
    return item in HEADER_LINES or _TOP.search(text) is not None


def is_page_mark(text: str) -> bool:
    """Return ``True`` for a line that only the bottom or top of a web page prints.

    A copyright line with a year, "All rights reserved", or "Skip to content"
    (and its variants): unlike footer and header links ("Contact us",
    "Subscribe"), which sidebars and sign-up boxes print mid-page too, such a
    line inside an article's text says a page ended or began there.

    >>> is_page_mark("© 2024 Example News. All rights reserved."), is_page_mark("Skip to content")
    (True, True)
    >>> is_page_mark("* Contact us"), is_page_mark("Subscribe")
    (False, False)
    """
    return len(text) <= 200 and _MARK.search(text) is not None


def segments(lines: list[Line], weights: list[float]) -> list[tuple[int, int, int]]:
    """Cut ``lines`` into spans that hold at most one page's article each.

    A cut goes where a separator run (non-prose lines, blank lines ignored)
    begins, when the run holds the bottom of a page followed by the top of
    the next, or weighs :data:`SPLIT_COST` or less. Each span comes with the
    evidence that it starts a new page, from the run before it: ``2`` when
    the run holds a page bottom followed by a page top (a page edge), ``1``
    when it holds a page bottom or a page top, ``0`` when it holds neither
    (heavy chrome alone: a menu or a sidebar inside one page).
    """
    out: list[tuple[int, int, int]] = []
    boundary = 0
    start = 0
    run_start: int | None = None
    run_sum = 0.0
    bottom = top = edge = False
    for i, line in enumerate(lines):
        if line.kind is Kind.BLANK:
            continue
        weight = weights[i]
        if weight > 0:
            if run_start is not None and (edge or run_sum <= SPLIT_COST) and run_start > start:
                out.append((start, run_start, boundary))
                start, boundary = run_start, 2 if edge else int(bottom or top)
            run_start, run_sum, bottom, top, edge = None, 0.0, False, False, False
            continue
        if run_start is None:
            run_start = i
        run_sum += weight
        if is_page_bottom(line.text):
            bottom = True
        elif is_page_top(line.text):
            top = True
            edge = edge or bottom
    out.append((start, len(lines), boundary))
    return out
