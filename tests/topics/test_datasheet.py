from __future__ import annotations

from typing import Any

from newskit.training.topics._datasheet import render_datasheet


def record(n: int, length: str, *pairs: tuple[str, list[str]]) -> dict[str, Any]:
    return {
        "id": f"tl2-{n:05d}",
        "source": "made-up",
        "length": length,
        "labels": pairs[0][1],
        "annotations": [{"annotator": a, "labels": labels} for a, labels in pairs],
    }


def test_datasheet_names_each_round_and_its_agreement() -> None:
    v2 = [
        record(0, "short", ("A1", ["politics"]), ("A2", ["politics"])),
        record(1, "short", ("A3", []), ("A2", [])),
        record(2, "full", ("A16", ["climate"]), ("A17", ["climate"])),
        record(3, "short", ("A18", ["security"]), ("A17", [])),
        record(4, "short", ("A17", []), ("A18", [])),
    ]
    text, figures = render_datasheet(v2, [])
    first, later = figures["rounds_v2"]
    assert (first["sessions"], first["items"]) == ("A1-A3", 2)
    assert first["ids"] == "tl2-00000 to tl2-00001"
    assert (later["sessions"], later["items"]) == ("A16-A18", 3)
    assert (later["full"], later["short"]) == (1, 2)
    assert "2 rounds under the same guidelines" in text
    assert "sessions A16-A18 labelled 3 items (1 full, 2 short; tl2-00002 to tl2-00004)" in text
    assert "| of which sessions A16-A18, short | 2 | 1 |" in text
    disputed = record(5, "short", ("A27", []), ("A2", ["climate"]))
    third, figures = render_datasheet([*v2, disputed], [])
    assert [rd["sessions"] for rd in figures["rounds_v2"]] == ["A1-A3", "A16-A18", "A27"]
    assert "3 rounds under the same guidelines" in third
    assert "| of which sessions A27, short | 1 | 1 |" in third
    one_round, _ = render_datasheet(v2[:2], [])
    assert "in one round" in one_round and "of which" not in one_round


def test_datasheet_counts_withheld_notes() -> None:
    v2 = [record(0, "short", ("A1", []), ("A2", [])), record(1, "short", ("A1", []))]
    v2[1]["annotations"][0]["note"] = "(withheld: too close to the source wording)"
    text, _ = render_datasheet(v2, [])
    assert "1 notes that repeated five or more consecutive words" in text
    assert "A23" not in text
    clean, _ = render_datasheet(v2[:1], [])
    assert "withheld" not in clean
