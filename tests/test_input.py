"""ensure_text: the one gate every public function's text goes through."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from newskit import InputTypeError, InputValueError
from newskit._input import decode_bytes, ensure_text, refuse_locator


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café news".encode(), "Café news"),
        (codecs.BOM_UTF8 + "Café".encode(), "Café"),
        ("Café".encode("utf-16"), "Café"),
        ("Café".encode("utf-16-be"), None),  # no BOM: not decodable as text, see below
        ("Café".encode("utf-32"), "Café"),
        ("Café “quoted”".encode("cp1252"), "Café “quoted”"),
        ("Café".encode("latin-1"), "Café"),
        (b"\x81\x8d caf\xe9", "\x81\x8d café"),  # undefined in cp1252: Latin-1
    ],
)
def test_decode_chain(data: bytes, expected: str | None) -> None:
    if expected is None:
        return
    assert decode_bytes(data) == expected


@pytest.mark.parametrize("value", [None, 3, 2.5, ["text"], {"text": "x"}, object()])
def test_wrong_types_name_the_expected_type(value: object) -> None:
    with pytest.raises(InputTypeError, match="must be str or bytes, not"):
        ensure_text(value)


def test_bytearray_and_memoryview() -> None:
    assert ensure_text(bytearray(b"abc")) == "abc"
    assert ensure_text(memoryview(b"abc")) == "abc"


def test_line_endings_normalised() -> None:
    assert ensure_text("a\r\nb\rc") == "a\nb\nc"


def test_control_characters_become_spaces() -> None:
    assert ensure_text("Floods\x00hit\x07the\x1bcoast\x85.") == "Floods hit the coast ."


def test_tabs_and_newlines_survive() -> None:
    assert ensure_text("a\tb\nc") == "a\tb\nc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # printable lines: the text itself, not a copy
        ("Floods hit\n\nthe coast \u201con Monday\u201d.", None),
        # not printable (a no-break space, a tab) but no control character: unchanged
        ("Floods\xa0hit\tthe coast.", None),
        # control characters next to non-printable ones still become spaces
        ("Floods\xa0hit\x0bthe\u2028coast\x9f.", "Floods\xa0hit the\u2028coast ."),
    ],
)
def test_clean_text_comes_back_unchanged(text: str, expected: str | None) -> None:
    out = ensure_text(text)
    if expected is None:
        assert out is text
    else:
        assert out == expected


def test_binary_noise_is_rejected() -> None:
    noise = random.Random(1).randbytes(10_000)
    with pytest.raises(InputValueError, match="binary data"):
        ensure_text(noise)


def test_utf16_without_bom_is_rejected_not_garbled() -> None:
    with pytest.raises(InputValueError, match="binary data"):
        ensure_text("Floods hit the coast on Monday.".encode("utf-16-le"))


def test_a_few_stray_controls_are_not_binary() -> None:
    text = "A normal sentence about floods. " * 20 + "\x00" * 10
    assert ensure_text(text).endswith(" " * 10)


# Issue #16, item 13: a UTF-8 file with a couple of stray bytes stays UTF-8.
_MOSTLY_UTF8 = (
    "Harbour reopens after “the worst storm in years”\n"
    "\n"
    "Updated 14 November 2024\n"
    "\n"
    "KARACHI: The city’s port reopened on Thursday, officials said.\n"
    "‘We are back,’ the harbour master told reporters at the quay.\n"
).encode() + b"Ships had waited\x92 for two days at anchor\xe9.\n"


def test_mostly_utf8_bytes_decode_as_utf8_with_replacement_characters() -> None:
    text = decode_bytes(_MOSTLY_UTF8)
    assert text.count("\ufffd") == 2
    assert "“the worst storm in years”" in text and "city’s" in text
    assert "â€" not in text  # the Windows-1252 reading of a UTF-8 curly quote


def test_file_with_two_stray_bytes_parses_as_utf8(tmp_path: Path) -> None:
    import newskit

    path = tmp_path / "story.txt"
    path.write_bytes(_MOSTLY_UTF8)
    (article,) = newskit.parse(path)
    assert article.title == "Harbour reopens after “the worst storm in years”"
    assert article.dateline == "KARACHI"
    assert any("city’s" in p for p in article.body)


def test_windows_1252_text_is_still_read_as_windows_1252() -> None:
    data = "The minister’s “last word” on the café, – he said.".encode("cp1252")
    assert decode_bytes(data) == "The minister’s “last word” on the café, – he said."


def test_more_bad_bytes_than_utf8_characters_is_not_utf8() -> None:
    # One valid UTF-8 character (é) and two bytes that cannot be UTF-8: Windows-1252 wins,
    # so the two cp1252 quotes survive and the é is read as two cp1252 letters.
    data = b"\x93Quoted\x94 " + "é".encode()
    assert decode_bytes(data) == "“Quoted” Ã©"


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("/home/me/my notes.txt", True),  # spaced, but starts as a path and has a file suffix
        ("C:\\My News\\day 1.html", True),
        ("notes.txt", True),
        ("Officials read the file notes.txt aloud.", False),  # spaced text: never a path
        ("/home/me/a note", False),  # starts as a path, has a space, no file suffix
        ("One line of news. It names report.pdf at its end", False),
    ],
)
def test_one_line_paths_and_sentences(text: str, refused: bool) -> None:
    if refused:
        with pytest.raises(InputValueError, match="looks like a file path"):
            refuse_locator(text)
    else:
        refuse_locator(text)
