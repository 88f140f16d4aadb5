"""Every public entry point reads its input the same way (issue #16, items 11, 12 and 14).

* a ``str`` that is a URL or a file path is refused, naming what to do instead (11);
* a DataFrame passed where a batch of texts is expected is refused (12);
* HTML is parsed as HTML, never read as words; markup that is not a page is refused (14).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import newskit
from newskit import InputTypeError, InputValueError
from newskit.topics import load_model
from tests.conftest import FIXTURES

URLS = ["https://example.com/news/2024/11/14/storm", "www.example.com/news/storm"]
PATHS = ["article.txt", "./dumps/day1.txt", "/home/me/news/page.html", "C:\\news\\a.txt"]
MARKUP = '<td class="lead"><font face="Arial">' * 30 + "Rain fell on the city at noon."


SINGLE: dict[str, Callable[[Any], Any]] = {
    "parse": newskit.parse,
    "parse_text": newskit.parse_text,
    "digest": newskit.digest,
    "classify": newskit.classify,
    "summarize": newskit.summarize,
    "explain": newskit.explain,
    "classify_many": lambda x: list(newskit.classify_many([x])),
    "summarize_many": lambda x: list(newskit.summarize_many([x])),
}


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("entry", sorted(SINGLE))
def test_a_url_given_as_str_is_refused_everywhere(entry: str, url: str) -> None:
    with pytest.raises(InputValueError, match=r"never downloads.*parse_html\(html, url=\.\.\.\)"):
        SINGLE[entry](url)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("entry", sorted(SINGLE))
def test_a_path_given_as_str_is_refused_everywhere(entry: str, path: str) -> None:
    with pytest.raises(InputValueError, match=r"file path .* pass pathlib\.Path\("):
        SINGLE[entry](path)


def test_the_same_path_as_pathlib_path_is_read(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Storm closes ports\n\nHeavy winds closed three ports on Monday.\n")
    assert [a.title for a in newskit.parse(path)] == ["Storm closes ports"]
    assert [d.article.title for d in newskit.digest(path)] == ["Storm closes ports"]
    assert newskit.classify(path) == newskit.classify(newskit.parse(path)[0])


@pytest.mark.parametrize(
    ("record", "what"),
    [
        ({"id": "u", "text": URLS[0]}, "is a URL"),
        ({"id": "p", "text": PATHS[0]}, "looks like a file path"),
        ({"id": "t", "title": "Notes", "text": PATHS[1]}, "record 'text' looks like a file"),
        ({"id": "h", "html": URLS[0], "url": URLS[0]}, "record 'html' is a URL"),
        ({"id": "m", "text": MARKUP}, "record 'text' is HTML markup"),
    ],
)
def test_digest_many_fails_such_a_record_and_goes_on(record: dict[str, str], what: str) -> None:
    good = {"id": "ok", "text": "Storm closes ports\n\nHeavy winds closed three ports."}
    bad, fine = list(newskit.digest_many([record, good]))
    assert (bad.id, bad.ok, fine.ok) == (record["id"], False, True)
    assert bad.error is not None and what in bad.error


def test_parse_text_of_a_real_sentence_is_not_refused() -> None:
    # The rule is narrow: one-line content with spaces, or naming no file, is content.
    for text in ("Read the full report at www.example.com today.", "Talks resume in Doha."):
        assert [a.body for a in newskit.parse_text(text)] == [[text]]


# -- item 12: data frames ------------------------------------------------------------


class DataFrame:
    """The part of a pandas or polars DataFrame that matters: iterating gives column names."""

    def __init__(self, columns: dict[str, list[str]]) -> None:
        self._data = columns
        self.columns = list(columns)

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(next(iter(self._data.values())))


def _frames() -> list[Any]:
    texts = ["Troops shelled the city overnight.", "The senate passed the budget."]
    frames: list[Any] = [DataFrame({"text": texts})]
    if importlib.util.find_spec("pandas") is not None:  # the real thing, when installed
        import pandas

        frames.append(pandas.DataFrame({"text": texts}))
    return frames


@pytest.mark.parametrize("frame", _frames(), ids=lambda f: type(f).__module__)
@pytest.mark.parametrize(
    "call",
    ["classify_many", "summarize_many", "digest_many", "predict", "predict_proba", "fit"],
)
def test_a_data_frame_is_refused_with_what_to_pass(call: str, frame: Any) -> None:
    model = load_model()
    calls: dict[str, Callable[[], Any]] = {
        "classify_many": lambda: list(newskit.classify_many(frame)),
        "summarize_many": lambda: list(newskit.summarize_many(frame)),
        "digest_many": lambda: list(newskit.digest_many(frame)),
        "predict": lambda: model.predict(frame),
        "predict_proba": lambda: model.predict_proba(frame),
        "fit": lambda: newskit.TopicClassifier().fit(frame, [["security"], ["politics"]]),
    }
    with pytest.raises(InputTypeError, match=r"DataFrame.*column names.*df\['text'\]"):
        calls[call]()


# -- item 14: HTML -------------------------------------------------------------------


def test_an_html_page_is_parsed_as_html_by_classify_summarize_and_explain() -> None:
    html = (FIXTURES / "html" / "news_full.html").read_bytes()
    article = newskit.parse_html(html)
    assert article.is_article
    assert newskit.classify(html) == newskit.classify(article)
    assert newskit.classify(html.decode()) == newskit.classify(article)
    assert newskit.summarize(html, n_sentences=2) == newskit.summarize(article, n_sentences=2)
    assert newskit.explain(html, top=3) == newskit.explain(article, top=3)
    assert [d.article.title for d in newskit.digest(html)] == [article.title]


@pytest.mark.parametrize("entry", ["classify", "summarize", "explain", "digest"])
def test_markup_that_is_not_a_page_is_called_html(entry: str) -> None:
    with pytest.raises(InputValueError, match=r"is HTML markup .*newskit\.parse_html"):
        SINGLE[entry](MARKUP)
