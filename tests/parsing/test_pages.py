"""Several page copies in one file: one article per page, or a ParseWarning.

``tests/fixtures/pagecopies/{bridge,library}_*.txt`` are two invented pages
written for these tests, each rendered by w3m (100 columns), lynx (80 columns,
with and without the link list) and inscriptis.
"""

from __future__ import annotations

import warnings

import pytest

import newskit
from newskit import ParseWarning, parse_text
from newskit.parsing._lines import classify
from newskit.parsing._pagecopy import _weight
from newskit.parsing._pages import is_page_bottom, is_page_mark, is_page_top, segments
from tests.conftest import FIXTURES

RENDERERS = ["w3m100", "lynx80", "lynx80_nolist", "inscriptis"]
BRIDGE = "River bridge reopens after two years of repairs"
LIBRARY = "Town library extends its opening hours for the winter"


def _read(name: str) -> str:
    return (FIXTURES / "pagecopies" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("renderer", RENDERERS)
def test_two_page_copies_give_two_articles(renderer: str) -> None:
    text = _read(f"bridge_{renderer}.txt") + "\n" + _read(f"library_{renderer}.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        bridge, library = parse_text(text)
    assert (bridge.title, library.title) == (BRIDGE, LIBRARY)
    assert (bridge.authors, library.authors) == (["Marta Keller"], ["Tomas Varga"])
    assert library.updated_text == "2 November 2025"
    assert library.body[0].startswith("The town library will stay open")
    assert library.body[-1].endswith("an inspection this month.")
    assert not any("library" in p for p in bridge.body)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_three_copies_in_a_row(renderer: str) -> None:
    parts = [f"bridge_{renderer}.txt", f"library_{renderer}.txt", f"bridge_{renderer}.txt"]
    articles = parse_text("\n\n".join(_read(p) for p in parts))
    assert [a.title for a in articles] == [BRIDGE, LIBRARY, BRIDGE]


def test_page_edges() -> None:
    assert is_page_bottom("© 2025 Hill Gazette. All rights reserved.")
    assert is_page_bottom("* Privacy Policy") and not is_page_bottom("Privacy rules tightened")
    assert is_page_top("Skip to main content") and is_page_top("* Log in")
    assert not is_page_top("Log in to the town's new portal to book a slot.")


def test_segments_cut_where_one_page_ends_and_the_next_begins() -> None:
    text = _read("bridge_w3m100.txt") + "\n" + _read("library_w3m100.txt")
    lines = classify(text)
    weights = [_weight(line) for line in lines]
    cuts = segments(lines, weights)
    assert len(cuts) == 2
    (_, end, _), (start, _, evidence) = cuts
    assert end == start and evidence == 2
    # the cut goes where the chrome between the two articles begins
    after = [line.text for line in lines[start:]]
    assert after.index("Skip to main content") < after.index(LIBRARY)
    assert not any(line.text.startswith("The town library") for line in lines[:start])


PROSE = (
    "The committee heard evidence from farmers, shop owners and teachers over three long "
    "days, and its members said the picture that emerged was more mixed than expected. "
)


def _copy_with_loose_prose() -> str:
    menu = [f"* Section {i}" for i in range(40)]  # heavy chrome, no page edge
    loose = [PROSE * 2 for _ in range(5)]  # article-sized prose without a headline
    return "\n".join(
        ["Skip to content", "Sign in", "Subscribe", "", "Valley water plan approved", "",
         "By Ana Ribeiro", "", *(PROSE * 2 for _ in range(6)), "", *menu, "", *loose]
    )  # fmt: skip


def test_prose_left_out_as_chrome_is_signalled() -> None:
    text = _copy_with_loose_prose()
    with pytest.warns(ParseWarning, match="left out"):
        articles = parse_text(text)
    assert [a.title for a in articles] == ["Valley water plan approved"]
    assert issubclass(ParseWarning, newskit.NewskitError)
    assert issubclass(ParseWarning, UserWarning)


def test_the_warning_can_be_silenced() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        assert len(parse_text(_copy_with_loose_prose())) == 1


def test_one_page_copy_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        for renderer in RENDERERS:
            assert len(parse_text(_read(f"library_{renderer}.txt"))) == 1


def test_a_date_beside_the_byline_is_found() -> None:
    text = _read("library_w3m100.txt").replace(
        "By Tomas Varga\n\nUpdated 2 November 2025", "By Tomas Varga | 2 November 2025 | 3 min read"
    )
    assert "3 min read" in text
    (article,) = parse_text(text)
    assert article.published_text == "2 November 2025"
    assert article.published is not None and article.published.day == 2


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_word_of_several_copies_is_kept_or_recorded_as_chrome(renderer: str) -> None:
    from collections import Counter

    from newskit._input import ensure_text
    from newskit.parsing._text import read_lines

    text = _read(f"bridge_{renderer}.txt") + "\n" + _read(f"library_{renderer}.txt")
    parsed = read_lines(classify(ensure_text(text)))
    assert parsed.page_copy and not parsed.uncertain

    def words(s: str) -> Counter[str]:
        return Counter(w.casefold() for w in s.replace("[", " ").replace("]", " ").split())

    given = words(text)
    found = words(" ".join(parsed.chrome))
    for a in parsed.articles:
        found += words(" ".join([a.title, *a.authors, *a.body, *a.captions, *a.highlights]))
        found += words(" ".join([a.published_text or "", a.updated_text or ""]))
        found += words(" ".join(s.heading for s in a.sections))
    keywords = {"by", "updated", "published"}
    lost = {w for w in given - found if not w.isdigit() and w not in keywords}
    assert not lost


def _para(topic: str, n: int) -> list[str]:
    # n paragraphs of invented prose, each 28 words with a full stop
    return [
        f"Residents of the valley spoke about the {topic} at the hall on Monday evening, "
        f"and paragraph {i} of their account says the {topic} will take three more years to finish."
        for i in range(n)
    ]


def _page(title: str, author: str, paragraphs: list[str], *, top: str, bottom: str) -> list[str]:
    menu = [f"* Menu item {i}" for i in range(32)]  # heavy chrome (32 x -5)
    return [top, "", *menu, "", title, "", f"By {author}", "", *paragraphs, "", *menu, "", bottom]


def test_a_headed_block_after_heavy_chrome_stays_in_the_page_article() -> None:
    # one page: article, a heavy menu, then a second headed block under 600 words
    page = _page("Valley road works begin", "Ana Ribeiro", _para("road", 6), top="Menu", bottom="")
    text = "\n".join(
        [
            *page,
            "Harbour plans drawn up",
            "",
            "By Tomas Varga",
            "",
            *_para("harbour", 5),
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        (article,) = parse_text(text)
    assert article.title == "Valley road works begin"
    assert any("harbour" in p for p in article.body)  # read into the article, not lost


def test_a_long_headed_block_after_heavy_chrome_starts_a_page() -> None:
    # no page bottom or top between: a headed block of 600 words or more is a new page
    first = _page("Valley road works begin", "Ana Ribeiro", _para("road", 6), top="Menu", bottom="")
    second = ["Harbour plans drawn up", "", "By Tomas Varga", "", *_para("harbour", 22)]
    articles = parse_text("\n".join([*first, *second]))
    assert [a.title for a in articles] == ["Valley road works begin", "Harbour plans drawn up"]


def test_a_page_bottom_alone_in_heavy_chrome_is_a_page_boundary() -> None:
    first = _page("Valley road works begin", "Ana Ribeiro", _para("road", 7), top="", bottom="")
    second = _page("Harbour plans drawn up", "Tomas Varga", _para("harbour", 7), top="", bottom="")
    first[-1] = "© 2025 Valley Courier"  # a bottom, and the next page shows no top
    articles = parse_text("\n".join(["Skip to content", "Sign in", *first, "", *second]))
    assert [a.title for a in articles] == ["Valley road works begin", "Harbour plans drawn up"]


def test_a_short_page_after_a_page_bottom_is_signalled() -> None:
    # under 150 words of prose without a page edge: left out, with a warning
    first = _page("Valley road works begin", "Ana Ribeiro", _para("road", 7), top="", bottom="")
    second = _page("Harbour plans drawn up", "Tomas Varga", _para("harbour", 4), top="", bottom="")
    first[-1] = "© 2025 Valley Courier"
    with pytest.warns(ParseWarning, match="left out"):
        articles = parse_text("\n".join(["Skip to content", "Sign in", *first, "", *second]))
    assert [a.title for a in articles] == ["Valley road works begin"]


def test_a_headed_block_above_the_best_block_starts_the_page_article() -> None:
    # the first headed block of a page opens its article, the heavier one after it goes on
    above = ["Harbour plans drawn up", "", "By Tomas Varga", "", *_para("harbour", 4)]
    page = _page("Valley road works begin", "Ana Ribeiro", _para("road", 8), top="", bottom="")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        (article,) = parse_text("\n".join(["Skip to content", "Sign in", "Menu", *above, *page]))
    assert article.title == "Harbour plans drawn up"
    assert any("road" in p for p in article.body) and any("harbour" in p for p in article.body)


def test_prose_without_a_headline_above_the_page_article_is_signalled() -> None:
    loose = _para("harbour", 4)  # no headline of its own: not part of the article
    page = _page("Valley road works begin", "Ana Ribeiro", _para("road", 9), top="", bottom="")
    with pytest.warns(ParseWarning, match="left out"):
        articles = parse_text("\n".join(["Skip to content", "Sign in", "Menu", *loose, *page]))
    assert [a.title for a in articles] == ["Valley road works begin"]
    assert not any("harbour" in p for p in articles[0].body)


def test_page_marks() -> None:
    assert is_page_mark("© 2025 Hill Gazette. All rights reserved.")
    assert is_page_mark("Skip to main content") and is_page_mark("Copyright 2024 Valley Courier")
    # footer and header links also stand mid-page (sidebars, sign-up boxes)
    assert not is_page_mark("* Contact us") and not is_page_mark("Subscribe")
    assert not is_page_mark("The copyright of the 2024 photographs stays with the club.")


def _valley_page() -> list[str]:
    """A page's top chrome, headline, byline and article, ending in a blank line."""
    return [
        "Skip to content",
        "Sign in",
        "Menu",
        "",
        "Valley road works begin",
        "",
        "By Ana Ribeiro",
        "",
        *_para("road", 6),
        "",
    ]


def test_a_page_bottom_between_two_blocks_starts_a_page() -> None:
    # the footer links are not in the heavy menu the text is cut at, but they stand
    # between the first page's article and the next block: that block is a page
    first = [
        *_valley_page(),
        "Contact us",
        "About us",
        "",
        "Sign up for the weekly letter from the valley desk today.",
        "",
    ]
    menu = [f"* Menu item {i}" for i in range(32)]
    second = ["Harbour plans drawn up", "", "By Tomas Varga", "", *_para("harbour", 6)]
    articles = parse_text("\n".join([*first, *menu, "", *second]))
    assert [a.title for a in articles] == ["Valley road works begin", "Harbour plans drawn up"]
    assert not any("harbour" in p for p in articles[0].body)


def _two_pages_one_block(mark: str) -> str:
    first = [*_valley_page(), mark, ""]
    return "\n".join([*first, "Harbour plans drawn up", "", *_para("harbour", 6)])


@pytest.mark.parametrize("mark", ["© 2025 Valley Courier", "Skip to main content"])
def test_a_page_mark_inside_an_article_is_signalled(mark: str) -> None:
    with pytest.warns(ParseWarning, match="more than one page"):
        articles = parse_text(_two_pages_one_block(mark))
    # no heavy chrome between: both pages' prose is read as one article, not lost
    assert len(articles) == 1
    assert any("harbour" in p for p in articles[0].body)


def test_a_page_mark_after_the_article_is_no_signal() -> None:
    text = _two_pages_one_block("© 2025 Valley Courier").split("Harbour plans")[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        assert len(parse_text(text + "\nContact us\nPrivacy Policy\n")) == 1


def test_a_light_line_of_page_vocabulary_inside_an_article_is_no_signal() -> None:
    text = _two_pages_one_block("Subscribe")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        assert len(parse_text(text)) == 1
