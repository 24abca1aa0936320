"""A formal notice as laid out text: the parts NĐ 30/2020 names, already worded, ready for the .docx builder and
the e-mail templates. Also the small block markup the body templates write.

Body markup (what ``{% block body %}`` of a notice template produces): blocks separated by blank lines; a block
starting with "# " is a heading (bold); "@table" followed by rows of cells separated by " | " (first row: header);
"@chart" places the chart; any other block is a paragraph (its lines joined by spaces).
"""

from __future__ import annotations

from dataclasses import dataclass

from notices.vnformat import clean

DOC_TYPES = ("cong_van", "thong_bao", "bao_cao")


@dataclass(frozen=True)
class Block:
    kind: str  # paragraph | heading | table | chart
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Layout:
    """Every part of a notice, worded. Names already IN HOA where NĐ 30 prints them so."""

    doc_type: str  # cong_van | thong_bao | bao_cao
    parent: str  # ô 2, above (not bold); "" when none
    body: str  # ô 2, bold
    number_line: str  # ô 3: "Số:      /QLĐT-XD"
    date_line: str  # ô 4
    vv: str  # ô 5b for a công văn ("V/v ..."), else ""
    title: str  # ô 5a tên loại ("THÔNG BÁO"), "" for a công văn
    abstract: str  # ô 5a trích yếu, "" for a công văn
    to: tuple[str, ...]  # ô 9a Kính gửi
    blocks: tuple[Block, ...]  # ô 6
    recipients: tuple[str, ...]  # ô 9b, without "- " and ";"
    authority: str  # ô 7a "TM. ỦY BAN NHÂN DÂN", "" when none
    signer_title: str  # ô 7a
    signer_name: str  # ô 7b
    urgency: str = ""  # ô 10b, IN HOA
    chart_png: bytes | None = None


def parse_blocks(markup: str) -> tuple[Block, ...]:
    """Blocks of the body markup (see the module's docstring)."""
    blocks: list[Block] = []
    for chunk in markup.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0] == "@chart":
            blocks.append(Block("chart"))
        elif lines[0] == "@table":
            rows = tuple(tuple(clean(c) for c in line.split("|")) for line in lines[1:])
            blocks.append(Block("table", rows=rows))
        elif lines[0].startswith("# "):
            blocks.append(Block("heading", text=clean(" ".join(lines)[2:])))
        else:
            blocks.append(Block("paragraph", text=clean(" ".join(lines))))
    return tuple(blocks)
