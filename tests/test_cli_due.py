"""`congvan due` and `congvan calendar` as a user runs them: a real process, JSON out, one-line errors."""

import json
import subprocess
import sys

import pytest


def congvan(*args):
    return subprocess.run([sys.executable, "-m", "congvan.cli", *args], capture_output=True, text=True, timeout=60)


def test_due_explains_the_days_it_skipped():
    out = congvan("due", "--from", "2026-02-10", "--working-days", "15", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["due"] == "2026-03-10"
    assert {"date": "2026-02-17", "reason": "Tết Nguyên Đán"} in data["skipped"]
    assert all(set(s) == {"date", "reason"} for s in data["skipped"])


def test_due_by_rule_names_the_rule_and_its_article():
    out = congvan("due", "--from", "2025-03-12", "--rule", "meeting", "--json")
    data = json.loads(out.stdout)
    assert (data["rule"], data["due"]) == ("meeting", "2025-03-21")
    assert data["articles"] == ["điểm b khoản 3 Điều 7"]


@pytest.mark.parametrize("args,word", [
    (["--from", "2026-02-30", "--working-days", "3"], "2026-02-30"),
    (["--from", "2026-02-10", "--working-days", "-3"], "negative"),
    (["--from", "2026-02-10", "--rule", "nonsense"], "nonsense"),
    (["--from", "2026-02-10"], "--working-days"),
])
def test_bad_input_gives_one_line_naming_the_problem_and_exit_code_2(args, word):
    out = congvan("due", *args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and word in lines[0]


def test_calendar_lists_days_off_with_sources_and_make_up_days():
    out = congvan("calendar", "2026", "--json")
    data = json.loads(out.stdout)
    off = {d["date"]: d for d in data["days_off"]}
    assert off["2026-01-02"]["source"] == "CV 12729/VPCP-KGVX"
    assert "2026-11-24" not in off
    assert [d["date"] for d in data["working_weekend_days"]] == ["2026-01-10", "2026-08-22"]


def test_a_config_file_and_the_database_url_variable_are_read(tmp_path):
    cfg = tmp_path / "congvan.toml"
    cfg.write_text('[database]\nurl = "sqlite:///%s"\n' % (tmp_path / "a.sqlite"), encoding="utf-8")
    out = congvan("--config", str(cfg), "db", "upgrade")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "a.sqlite").exists()
    bad = tmp_path / "bad.toml"
    bad.write_text("[database\n", encoding="utf-8")
    out = congvan("--config", str(bad), "db", "upgrade")
    assert out.returncode == 2 and "không phải TOML hợp lệ" in out.stderr


def test_help_and_usage_errors_read_in_vietnamese():
    shown = congvan("--help")
    assert shown.returncode == 0
    assert "Cách dùng:" in shown.stdout and "Tùy chọn" in shown.stdout and "Lệnh" in shown.stdout
    assert "Show this message" not in shown.stdout and "Usage:" not in shown.stdout
    for args, said in ((["nosuch"], "Không có lệnh 'nosuch'"),
                       (["due", "--from", "2025-13-01", "--working-days", "3"], "không phải là ngày"),
                       (["due", "--working-days", "3"], "Thiếu tùy chọn")):
        out = congvan(*args)
        assert out.returncode == 2
        (line,) = out.stderr.strip().splitlines()
        assert line.startswith("congvan: lỗi:") and said in line, line


def test_a_date_is_taken_as_clerks_write_it_too():
    iso = json.loads(congvan("due", "--from", "2026-02-10", "--working-days", "15", "--json").stdout)
    vn = json.loads(congvan("due", "--from", "10/02/2026", "--working-days", "15", "--json").stdout)
    assert iso["due"] == vn["due"] == "2026-03-10"
