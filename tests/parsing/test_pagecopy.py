"""``parse_text`` on whole-page copies: the one article inside menus, notices and footers.

The copies in ``tests/fixtures/pagecopies`` are invented pages written for these
tests, laid out as ``lynx -dump -nolist`` (text indented, headings flush left)
and ``w3m -dump`` (bullets, form fields in brackets) print a news page.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from newskit import Article, Section, parse_text
from newskit._input import ensure_text
from newskit.parsing._lines import classify
from newskit.parsing._pagecopy import is_page_copy, page_chrome
from newskit.parsing._text import read_lines
from tests.conftest import FIXTURES

COPIES = FIXTURES / "pagecopies"


def _read(name: str) -> str:
    return (COPIES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ferry() -> Article:
    articles = parse_text(_read("lynx_ferry.txt"))
    assert len(articles) == 1
    return articles[0]


@pytest.fixture(scope="module")
def orchard() -> Article:
    articles = parse_text(_read("w3m_orchard.txt"))
    assert len(articles) == 1
    return articles[0]


class TestLynxCopy:
    """Menu, search form, cookie notice, share buttons, a captioned picture, an
    advertisement label, a flush-left subhead, related and popular lists, footer."""

    def test_header(self, ferry: Article) -> None:
        assert ferry.title == "Riverton ferry service to resume after six-month repair"
        assert ferry.authors == ["Ines Carvalho", "Peter Holm"]
        assert ferry.published == datetime(2025, 3, 12)
        assert ferry.highlights == ferry.captions == []

    def test_body_and_subhead(self, ferry: Article) -> None:
        timetable = [
            "The first crossing will leave Riverton at 6.15 a.m. and the ferry will run every "
            "ninety minutes until ten at night, as before the breakdown.",
            "Fares will stay at last year's level until the end of the summer, the board said, "
            "to make up for the months without a service.",
        ]
        assert ferry.body[0].startswith("The ferry between Riverton and Gull Island")
        assert ferry.body[1].startswith("Islanders have relied on a chartered water taxi")
        assert ferry.body[2].startswith("The board said the repair cost about 2.3 million")
        assert ferry.body[3:] == timetable
        assert ferry.sections == [Section("Timetable and fares", timetable)]

    def test_no_page_chrome(self, ferry: Article) -> None:
        text = ferry.text
        for chrome in (
            "Advertisement",
            "Share",
            "cookie",
            "Related",
            "Privacy",
            "Gull Island school",
        ):
            assert chrome not in text


class TestW3mCopy:
    """Bullet menu, cookie notice, the headline printed twice, tags, a comment form,
    "More from" links and a one-line footer."""

    def test_header(self, orchard: Article) -> None:
        assert orchard.title == "Community orchard planted on former rail yard"
        assert orchard.published == datetime(2025, 10, 3)
        assert orchard.captions == orchard.highlights == orchard.sections == []

    def test_body(self, orchard: Article) -> None:
        assert len(orchard.body) == 4
        assert orchard.body[0].startswith("Volunteers planted eighty fruit trees")
        assert orchard.body[3].startswith("Residents will be free to pick the fruit")
        assert orchard.title not in orchard.body

    def test_no_comments_or_links(self, orchard: Article) -> None:
        for chrome in ("Tags", "comment", "email address", "bakery", "Copyright"):
            assert chrome not in orchard.text


@pytest.mark.parametrize("name", ["lynx_ferry.txt", "w3m_orchard.txt"])
def test_every_line_accounted(name: str) -> None:
    # each non-blank line is in the article or in the chrome record, never both
    text = ensure_text(_read(name))
    parsed = read_lines(classify(text))
    assert parsed.page_copy
    [article] = parsed.articles
    kept = {article.title, *article.body, *article.captions, *article.highlights}
    kept |= {s.heading for s in article.sections}
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        in_article = line in kept or any(line.endswith(a) for a in article.authors)
        in_article = in_article or line.endswith(article.published_text or "\0")
        assert in_article or line in parsed.chrome, line


def test_seed_is_not_a_page_copy(seed_text: str) -> None:
    # "Short Url", "Follow" and highlight bullets are dump chrome, not page signals
    assert not is_page_copy(classify(ensure_text(seed_text)))
    assert len(parse_text(seed_text)) == 6


def test_a_few_signals_are_not_enough() -> None:
    text = (
        "Rain returns to the valley\n\nSign in\n\nThe rain came back on Monday after a dry month.\n"
    )
    assert not is_page_copy(classify(text))
    [article] = parse_text(text)
    assert article.title == "Rain returns to the valley"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Skip to main content", True),
        ("   * Contact Us", True),
        ("(BUTTON) Subscribe", True),
        ("Search ____________________", True),
        ("[photo-1234.jpg]", True),
        ("© 2025 Example Media", True),
        ("Contact us for more details about the tender.", False),
        ("The ministry said the search would go on.", False),
    ],
)
def test_page_chrome(line: str, expected: bool) -> None:
    assert page_chrome(line.strip()) is expected


def test_deterministic_and_line_endings() -> None:
    text = _read("lynx_ferry.txt")
    first = parse_text(text)
    assert parse_text(text) == first
    assert parse_text(text.replace("\n", "\r\n")) == first
    assert parse_text(text.encode("utf-8")) == first


def test_comment_thread_and_posted_line_left_out() -> None:
    copy = "\n".join(
        [
            "Skip to content",
            "* Home",
            "* Blog",
            "* Contact",
            "",
            "Notes from the allotment in a wet spring",
            "Posted by Lena Berg on the allotment blog",
            "",
            "   The beans went in late this year because the ground stayed waterlogged until May.",
            "   We lost most of the early lettuce to slugs, but the potatoes look healthy so far.",
            "",
            "12 responses to Notes from the allotment",
            "Kofi says:",
            "   Beer traps worked for our slugs last summer, and the hedgehogs helped as well.",
            "Sara says:",
            "   Our beans were late too, and they still gave a fine crop by the end of August.",
        ]
    )
    [article] = parse_text(copy)
    assert article.title == "Notes from the allotment in a wet spring"
    assert len(article.body) == 2
    assert "hedgehogs" not in article.text and "says" not in article.text


_BODY = [
    "The council voted on Tuesday to keep the branch library open for two more years.",
    "Readers had collected more than four thousand signatures against the closure plan.",
    "The building will also host the youth club while its own hall is being repaired.",
]


def _page(header: list[str], body: list[str] = _BODY) -> str:
    # an invented page: a menu on top, the article header, the body, a footer
    top = ["Skip to content", "Menu", "Search", "", "* News", "* Sport", "* Culture", ""]
    bottom = ["", "Privacy Policy", "Terms of use", "© 2025 The Valley Courier"]
    return "\n".join([*top, *header, "", *body, *bottom]) + "\n"


@pytest.mark.parametrize(
    "headline",
    [
        # asks and answers, ends on a long aside in brackets, or is two words long:
        # a page headline, though a dump would not take it for one
        "Library saved? Council votes to keep branch open",
        "Why the branch library stays open (and what readers did to save it)",
        "Library saved",
    ],
)
def test_page_headline_shapes(headline: str) -> None:
    [article] = parse_text(_page(["Latest news from the valley", "", headline, "", "By Ana Ruiz"]))
    assert article.title == headline
    assert article.body == _BODY


def test_list_items_are_not_headlines() -> None:
    # list markers of w3m (□ ☆) and browser copies (+): menu entries, however long
    header = [
        "□ Council agenda and minutes for the branch library",
        "☆ How to vote in the valley council election",
        "+ Events for readers at the branch library this spring",
    ]
    [article] = parse_text(_page(header))
    assert article.title == ""
    assert article.body == _BODY


def test_headline_under_a_promo_paragraph() -> None:
    # prose above the headline (a promotion) weighs into the body block; the
    # headline under it still wins, and the promotion is left out as chrome
    promo = "Members can now borrow e-books for free, so join the valley library club today."
    header = [promo, "", "Council keeps branch library open for two more years", "By Ana Ruiz"]
    [article] = parse_text(_page(header))
    assert article.title == "Council keeps branch library open for two more years"
    assert article.body == _BODY
    parsed = read_lines(classify(_page(header)))
    assert promo in parsed.chrome


def test_a_subhead_after_prose_is_not_the_title() -> None:
    # a heading under much of the body's prose is a subhead, not the headline
    head = "Branch library stays open after council vote"
    body = [*_BODY, "What Happens Next", _BODY[0].replace("Tuesday", "Friday")]
    [article] = parse_text(_page([head, "By Ana Ruiz"], body))
    assert article.title == head


def test_headline_printed_twice_beats_a_standfirst() -> None:
    # the breadcrumb ends with the headline (the page prints it twice): it wins
    # over a longer standfirst nearer the body that repeats as many of its words
    head = "Branch library open for two more years"
    dek = "The council keeps the branch library open for readers and the youth club"
    [article] = parse_text(_page([f"Home / News / {head}", "", head, "", dek, ""]))
    assert article.title == head


@pytest.mark.parametrize(
    "opening",
    [
        # a numbered or bulleted comment list with avatar anchors: the name is
        # read after them
        "12. [a1b2c3] Mary Ann de Wit says:",
        "• [avatar] Mary Ann de Wit says:",
        "Pingback: Ten branch libraries worth a visit this year",
    ],
)
def test_comment_list_openings_end_the_article(opening: str) -> None:
    comment = "I borrowed my first book there as a child, and I am so glad it will stay open."
    [article] = parse_text(
        _page(["Branch library stays open after council vote"], [*_BODY, opening, comment])
    )
    assert article.body == _BODY


@pytest.mark.parametrize(
    "heading",
    [
        # end headings with final marks, and the author box and page-rating headings
        "You might also like...",
        "Was this page helpful?",
        "About the author",
        "Latest articles:",
    ],
)
def test_end_headings_close_the_article(heading: str) -> None:
    # without the closing heading the teaser under it would join the body block
    teaser = (
        "Another library in the valley has opened a reading garden where readers can sit "
        "outside on summer evenings, and the volunteers who built it over three weekends "
        "describe how they chose the plants, the benches and the lamps."
    )
    body = [
        *_BODY,
        "Opening hours will not change, and the mobile library will keep visiting the "
        "villages in the north of the valley every second Thursday.",
        "The council will review the decision in two years, when it sets the budget for the "
        "libraries again and hears from readers at a public meeting.",
    ]
    [article] = parse_text(
        _page(["Branch library stays open after council vote"], [*body, heading, teaser])
    )
    assert article.body == body


_QUOTED = "Ana Ruiz, who led the campaign for the branch, said the vote was a relief for readers."


def test_a_name_alone_is_not_the_title() -> None:
    # an author box between the headline and the body prints the author's name
    # twice, as pages do, and the body quotes her: the headline above is the title
    head = "Council keeps branch library open"
    [article] = parse_text(_page([head, "", "Ana Ruiz", "", "Ana Ruiz", ""], [*_BODY, _QUOTED]))
    assert article.title == head


def test_a_dated_byline_is_not_the_title() -> None:
    # "May 18, 2023 By ... In ..." is no date line (a category follows): it holds
    # a date, so the headline above it wins though the other is longer and nearer
    head = "Council keeps branch library open"
    header = [head, "", "May 18, 2023 By Ana Ruiz In Council News", ""]
    [article] = parse_text(_page(header, [*_BODY, _QUOTED]))
    assert article.title == head
    assert article.published == datetime(2023, 5, 18)


def test_a_subhead_inside_the_body_block_is_not_the_title() -> None:
    # the headline is above the block; a heading after its first short paragraph
    # is inside it, nearer the prose and sharing more of its words
    head = "Council keeps branch library open"
    sub = "Signatures Against the Closure Plan"
    body = [_BODY[0], sub, *_BODY[1:]]
    [article] = parse_text(_page([head, ""], body))
    assert article.title == head


def test_a_long_teaser_after_a_closing_heading_stays_out() -> None:
    # the teaser weighs more than a short article paragraph: the closing heading
    # still costs more, so the block ends above it
    body = [
        *_BODY,
        "Opening hours will not change, and the mobile library will keep visiting the "
        "villages in the north of the valley every second Thursday.",
        "The council will review the decision in two years, when it sets the budget for the "
        "libraries again and hears from readers at a public meeting.",
    ]
    teaser = (
        "Another library in the valley has opened a reading garden where readers can sit "
        "outside on summer evenings, and the volunteers who built it over three weekends "
        "describe how they chose the plants, the benches and the lamps. The garden will stay "
        "open until ten at night in July and August, and the library plans readings there "
        "for children on Saturday mornings, with a small market of second-hand books."
    )
    text = _page(
        ["Branch library stays open after council vote"], [*body, "Related stories", teaser]
    )
    [article] = parse_text(text)
    assert article.body == body
    assert teaser in read_lines(classify(text)).chrome


_LONG_BODY = [
    *_BODY,
    "Opening hours will not change, and the mobile library will keep visiting the "
    "villages in the north of the valley every second Thursday.",
    "The council will review the decision in two years, when it sets the budget for the "
    "libraries again and hears from readers at a public meeting.",
]


@pytest.mark.parametrize(
    ("name", "note"),
    [
        (
            "Lena Novak",
            "Lena Novak is a freelance writer who has covered libraries, schools and local "
            "councils in the valley for twelve years, and she runs a reading group for "
            "children every Saturday at the branch she grew up with.",
        ),
        (
            "Ravi Sharma",
            "(Editor) – Ravi comes from a family of booksellers and has written about "
            "reading for regional papers since 2010; he lives in the north of the valley "
            "with two cats and far too many shelves.",
        ),
    ],
)
def test_an_author_note_under_a_name_closes_the_article(name: str, note: str) -> None:
    # no closing heading: the name alone over a note on the person ends the body
    [article] = parse_text(
        _page(["Branch library stays open after council vote"], [*_LONG_BODY, name, note])
    )
    assert article.body == _LONG_BODY


def test_a_subhead_over_prose_on_a_thing_is_no_author_note() -> None:
    # "Copper Pipes" over "Copper is ...": a name-shaped subhead, the article goes on
    more = (
        "Copper is still the most common pipe in older houses of the valley, and the "
        "plumbers who replace it say the work takes two days for a small terrace."
    )
    [article] = parse_text(
        _page(["Branch library stays open after council vote"], [*_LONG_BODY, "Copper Pipes", more])
    )
    assert article.body[-1] == more


def test_a_browser_copy_headline_stands_left_of_its_text() -> None:
    # a browser copy indents each block by its nesting: the headline sits left of
    # the body it heads, a promotion box nested deeper sits right of it
    head = "Council keeps branch library open"
    lines = [
        "    Skip to content",
        "    Menu",
        "    Search",
        "      * News",
        "      * Sport",
        "",
        f"    {head}",
        "",
        "            Reader Offers This Week at the Library",
        "",
        *(f"        {paragraph}" for paragraph in _BODY),
        "",
        "    Privacy Policy",
        "    © 2025 The Valley Courier",
    ]
    [article] = parse_text("\n".join(lines) + "\n")
    assert article.title == head
    assert article.body == _BODY


def test_a_menu_without_bullets_makes_a_page_copy() -> None:
    # a browser copy prints a site's section menu as short lines without bullets;
    # two menus' worth of them and a copyright line: a page, whose headline is
    # the one over the body, not the first line
    menu = ["World", "Business", "Science", "Culture", "Sport", "Travel"]
    places = ["Riverton", "Gull Island", "North Valley", "Old Harbour", "Millbrook", "Eastfield"]
    head = "Council keeps branch library open"
    text = "\n".join(
        [*menu, *places, "", head, "By Ana Ruiz", "", *_BODY, "", "© 2025 The Valley Courier"]
    )
    lines = classify(text + "\n")
    assert is_page_copy(lines)
    assert not is_page_copy(classify("\n".join([*menu, "", head, "", *_BODY]) + "\n"))
    [article] = parse_text(text + "\n")
    assert article.title == head
    assert article.authors == ["Ana Ruiz"]
    assert article.body == _BODY


def test_a_headline_under_a_promotion_is_the_title() -> None:
    # a promotion paragraph printed above the headline weighs into the article's
    # block; the headline under it, with its byline under it, is still the title
    promo = (
        "Join our weekly letter for readers in the valley: local news, events, and the "
        "stories our reporters are following this week, sent every Friday morning. You "
        "can leave at any time, and we will never share your address with anyone else, "
        "for any reason, ever."
    )
    head = "Council keeps branch library open"
    top = ["Skip to content", "Menu", "Search", "", promo, "", head, "By Ana Ruiz", ""]
    text = "\n".join([*top, *_BODY, "", "Privacy Policy", "© 2025 The Valley Courier"])
    [article] = parse_text(text + "\n")
    assert article.title == head
    assert article.authors == ["Ana Ruiz"]
    assert article.body == _BODY


def test_a_byline_written_in_a_text_line_marks_the_headline() -> None:
    # "By: ... | 4 min read" is no byline line (a reading time follows), but a page
    # header all the same: the headline over it wins over a heading nearer the
    # body that shares more of its words
    head = "Branch library stays open"
    other = "The youth club and volunteers in the old town"
    header = [head, "", "By: Ana Ruiz | 4 min read", "", "Share this", "", other, ""]
    [article] = parse_text(_page(header))
    assert article.title == head


def test_a_date_right_above_the_headline_marks_it() -> None:
    # a blog prints the date over its headline: that headline wins over a
    # heading nearer the body
    head = "Council keeps branch library open"
    other = "The youth club and volunteers in the old town"
    header = ["March 14, 2025", "", head, "", "Photo: Ana Ruiz", "", other, ""]
    [article] = parse_text(_page(header))
    assert article.title == head
    assert article.published == datetime(2025, 3, 14)


def test_a_headline_over_its_standfirst_wins() -> None:
    # the standfirst right under a headline is longer, and nearer the body; the
    # headline of five words or more over it is the title
    head = "Branch library stays open for readers"
    dek = "Readers collected signatures for months, and volunteers will now run the reading room"
    [article] = parse_text(_page([head, dek, "", "Ana Ruiz", ""]))
    assert article.title == head


def test_a_short_label_over_a_headline_is_not_the_title() -> None:
    # a section label over the headline is shorter than it, but of fewer than five
    # words: a label or kicker, not a headline over its standfirst, so the headline
    # under it stays the title
    head = "Council keeps the branch library open for readers"
    [article] = parse_text(_page(["Branch Library Council News", head, "", "Ana Ruiz", ""]))
    assert article.title == head


def test_a_headline_printed_inside_another_line_wins() -> None:
    # a feed link at the top of a lynx dump prints the headline inside other
    # words (no breadcrumb ends with it): it wins over a heading nearer the body
    head = "Council keeps branch library open"
    other = "The youth club and volunteers in the old town"
    feed = f"#Valley Courier » Feed Valley Courier » {head} Comments Feed"
    header = [feed, "", head, "", "Photo: Ana Ruiz", "", other, ""]
    [article] = parse_text(_page(header))
    assert article.title == head


# An invented w3m-style copy of a page whose article holds a table of figures
# between its paragraphs: twelve rows of cells set apart by spaces.
_TABLE_PAGE = """Skip to content
* Home
* Weather
* Rivers
Sign in

River levels fall after a wet spring

March 14, 2025

The river at Millbrook fell for the fourth week in a row, the water board said on Friday, \
after a spring that brought twice the usual rain to the valley.

Week        Level (m)   Change
1           4.82        +0.31
2           4.95        +0.13
3           5.10        +0.15
4           5.02        -0.08
5           4.88        -0.14
6           4.71        -0.17
7           4.60        -0.11
8           4.52        -0.08
9           4.41        -0.11
10          4.35        -0.06
11          4.30        -0.05

Farmers on the lower fields said they would start planting once the ground dries, \
which the board expects by the end of the month if the forecast holds. The board will \
keep the flood gates at the old mill half open until then, and it asked walkers to keep \
off the towpath below the weir, where the bank is still soft after the high water of the \
last weeks.

Related articles
* Flood gates to be repaired
* Privacy Policy
"""


def test_table_inside_article_does_not_cut_it() -> None:
    # a row of figures weighs nothing: the paragraph above the table stays in the article
    [article] = parse_text(_TABLE_PAGE)
    assert article.title == "River levels fall after a wet spring"
    assert article.body[0].startswith("The river at Millbrook fell for the fourth week")
    assert article.body[-1].startswith("Farmers on the lower fields")
    assert "5.10        +0.15" in article.text
    assert "Flood gates" not in article.text
