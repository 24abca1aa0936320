"""`congvan extract` as a clerk runs it."""

import json
from pathlib import Path

from click.testing import CliRunner

from congvan.cli import cli

LETTERS = Path(__file__).parent / "letters_nlp"


def run(*args):
    return CliRunner().invoke(cli, ["extract", *args])


def test_jsonl_gives_one_object_per_input_with_the_path_as_given(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    letter = str(LETTERS / "giay-moi.txt")
    result = run("--jsonl", letter, str(empty), str(tmp_path / "missing.txt"))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [obj["source"] for obj in lines] == [letter, str(empty), str(tmp_path / "missing.txt")]
    assert lines[0]["doc_number"] == "07/GM-UBND"
    assert lines[1]["doc_number"] is None and lines[2]["doc_number"] is None
    assert "rong.txt: tệp rỗng" in result.stderr
    assert "missing.txt: không mở được tệp" in result.stderr


def to_cp1258(text):
    """Windows-1258 as Word wrote it: base letters precomposed, tone marks as combining characters."""
    import unicodedata

    out = []
    for ch in text:
        marks = [m for m in unicodedata.normalize("NFD", ch) if m in "\u0300\u0301\u0303\u0309\u0323"]
        rest = unicodedata.normalize("NFC", "".join(m for m in unicodedata.normalize("NFD", ch) if m not in marks))
        out.append(rest + "".join(marks))
    return "".join(out).encode("cp1258")


def test_windows_1258_text_file_is_read(tmp_path):
    path = tmp_path / "cp1258.txt"
    path.write_bytes(to_cp1258("Số: 3/UBND-VP\nQuận 11, ngày 02 tháng 01 năm 2025\nV/v thử\n"))
    obj = json.loads(run("--jsonl", str(path)).stdout)
    assert obj["doc_number"] == "3/UBND-VP" and obj["issue_date"] == "2025-01-02"


def test_the_table_is_in_vietnamese():
    result = run(str(LETTERS / "cong-van-giao-viec.txt"))
    assert result.exit_code == 0
    assert "Số, ký hiệu" in result.stdout and "412/UBND-QLĐT" in result.stdout
    assert "Đơn vị chủ trì" in result.stdout
