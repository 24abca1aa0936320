"""`congvan extract [--jsonl] PATH...`: the fields of each letter, as JSON lines or as a table for a person.

Text files are read here; .pdf, .docx and .eml go through intake.documents (imported only when needed). An input
that cannot be read still gets its line, with null fields, and a one-line warning on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

_LABELS = (
    ("doc_number", "Số, ký hiệu"), ("doc_type", "Loại văn bản"), ("issuer", "Cơ quan ban hành"),
    ("place", "Địa danh"), ("issue_date", "Ngày ban hành"), ("subject", "Trích yếu"), ("urgency", "Độ khẩn"),
    ("secrecy", "Độ mật"), ("lead_units", "Đơn vị chủ trì"), ("cooperating_units", "Đơn vị phối hợp"),
    ("deadlines", "Thời hạn"), ("meeting", "Cuộc họp"), ("replies_to", "Trả lời văn bản"),
)
MAX_TEXT_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes) -> str:
    """Bytes of a .txt letter as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def read_texts(path: Path) -> tuple[list[str], str | None]:
    """The texts in one input and a warning (Vietnamese, for the clerk) when something could not be read."""
    if path.exists() and not path.is_file():  # a folder, or a FIFO/device that would be read forever
        return [], "không phải tệp thường (thư mục, FIFO hoặc thiết bị), không đọc"
    if path.suffix.lower() in (".txt", ".text", "") or path.suffix.lower() not in (".pdf", ".docx", ".eml", ".doc"):
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_TEXT_BYTES + 1)
        except OSError as exc:
            return [], f"không mở được tệp: {exc.strerror or exc}"
        if len(data) > MAX_TEXT_BYTES:
            data = data[:MAX_TEXT_BYTES]
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return [], "tệp không phải văn bản (dữ liệu nhị phân)"
        text = decode_text(data)
        return ([text], None) if text.strip() else ([], "tệp rỗng")
    try:
        from intake.documents import read_file
    except ImportError:
        return [], f"chưa đọc được loại tệp {path.suffix}"
    docs = read_file(path)
    texts = [d.text for d in docs if d.text and d.text.strip()]
    warnings = [d.warning for d in docs if d.warning]
    if not texts:
        return [], "; ".join(warnings) or "không có nội dung"
    return texts, ("; ".join(warnings) if warnings else None)


def _filled(obj: dict) -> int:
    return sum(1 for k, _ in _LABELS if obj.get(k) not in (None, "", []))


def extract_paths(paths: list[str], extractor) -> list[tuple[dict, str | None]]:
    from nlp.extraction import empty_json

    results = []
    for given in paths:
        try:
            texts, warning = read_texts(Path(given))
            best = empty_json(given)
            for text in texts:
                candidate = extractor.extract(text).to_json(given)
                if _filled(candidate) > _filled(best):
                    best = candidate
        except Exception as exc:  # one bad input never stops the others
            best, warning = empty_json(given), f"lỗi khi đọc: {type(exc).__name__}"
        results.append((best, warning))
    return results


def _format(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return "; ".join(_format(v) for v in value)
    if isinstance(value, dict):
        if "datetime" in value:
            return f"{value['datetime'].replace('T', ' ')} tại {value.get('place') or '—'}"
        when = value.get("date") or (f"{value['relative_working_days']} ngày làm việc"
                                     if value.get("relative_working_days") is not None else value.get("text"))
        return f"{when} ({value['applies_to']})" if value.get("applies_to") else str(when)
    return str(value)


@click.command("extract")
@click.option("--jsonl", is_flag=True, help="Một dòng JSON cho mỗi tệp (theo extraction.schema.json).")
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def extract(settings, jsonl: bool, paths: tuple[str, ...]) -> None:
    """Đọc các trường của công văn từ tệp .txt, .pdf, .docx hoặc .eml."""
    from nlp import Extractor

    registry = None
    try:
        from congvan.context import registry_for

        registry = registry_for(settings) if settings is not None else None
    except Exception:  # no registry yet, or a broken units file: extract without canonical ids
        registry = None
    extractor = Extractor(registry=registry)
    for obj, warning in extract_paths(list(paths), extractor):
        if warning:
            click.echo(f"congvan extract: {obj['source']}: {warning}", err=True)
        if jsonl:
            click.echo(json.dumps(obj, ensure_ascii=False))
        else:
            click.echo(f"== {obj['source']}")
            for key, label in _LABELS:
                click.echo(f"  {label:<18} {_format(obj.get(key))}")
