"""Layout facts of the .docx, read back with python-docx, against NĐ 30/2020 Phụ lục I
(../shared/docs/nd30-layout.md)."""

from __future__ import annotations

import dataclasses
import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from notices import samples
from notices.render import render


def open_docx(kind="reminder", **changes):
    ctx = samples.SAMPLES[kind]()
    if changes:
        ctx = dataclasses.replace(ctx, **changes)
    return Document(io.BytesIO(render(kind, ctx).docx))


def runs_of(paragraphs):
    return [run for p in paragraphs for run in p.runs if run.text.strip()]


def para(container, text):
    return next(p for p in container.paragraphs if p.text.startswith(text))


def mm(length) -> float:
    return length / Mm(1)


def borders(table) -> dict[str, str]:
    el = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {child.tag.split("}")[1]: child.get(qn("w:val")) for child in el}


def test_the_page_is_a4_portrait_with_the_decrees_margins():
    section = open_docx().sections[0]
    assert round(mm(section.page_width)) == 210 and round(mm(section.page_height)) == 297
    assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20


def test_all_text_is_times_new_roman_in_the_allowed_sizes():
    doc = open_docx("escalation")
    assert doc.styles["Normal"].font.name == "Times New Roman"
    rfonts = doc.styles["Normal"].element.rPr.rFonts
    assert rfonts.get(qn("w:eastAsia")) == rfonts.get(qn("w:cs")) == "Times New Roman"
    cells = [c for t in doc.tables for row in t.rows for c in row.cells]
    runs = runs_of(doc.paragraphs) + runs_of(p for c in cells for p in c.paragraphs)
    assert runs and all(r.font.name in (None, "Times New Roman") for r in runs)
    assert {r.font.size.pt for r in runs} <= {11, 12, 13, 14}


def test_the_header_is_a_borderless_two_column_table_body_left_national_motto_right():
    doc = open_docx()
    head = doc.tables[0]
    assert len(head.columns) == 2 and set(borders(head).values()) == {"nil"}
    assert mm(head.columns[0].width) < mm(head.columns[1].width)
    left, right = head.cell(0, 0), head.cell(0, 1)
    parent, body = para(left, "ỦY BAN NHÂN DÂN QUẬN 11"), para(left, "PHÒNG QUẢN LÝ ĐÔ THỊ")
    assert not parent.runs[0].font.bold and body.runs[0].font.bold
    assert 12 <= body.runs[0].font.size.pt <= 13
    rule = left.paragraphs[[p.text for p in left.paragraphs].index(body.text) + 1]
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")) is not None  # the short line under the body
    qh, tn = right.paragraphs[0], right.paragraphs[1]
    assert qh.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and qh.runs[0].font.bold
    assert 12 <= qh.runs[0].font.size.pt <= 13
    assert tn.text == "Độc lập - Tự do - Hạnh phúc" and tn.runs[0].font.bold and 13 <= tn.runs[0].font.size.pt <= 14
    assert tn._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    # the rule under the motto is as long as its text: the paragraph is narrowed to it
    assert 15 < mm(tn.paragraph_format.left_indent) == mm(tn.paragraph_format.right_indent)


def test_number_and_date_share_a_row_the_date_in_italics():
    head = open_docx().tables[0]
    number, when = head.cell(1, 0).paragraphs[0], head.cell(1, 1).paragraphs[0]
    assert number.text == "Số:      /QLĐT-XD" and number.runs[0].font.size.pt == 13
    assert when.text == "Quận 11, ngày 20 tháng 11 năm 2026"
    assert when.runs[0].font.italic and 13 <= when.runs[0].font.size.pt <= 14
    vv = head.cell(1, 0).paragraphs[1]
    assert vv.text.startswith("V/v đôn đốc") and vv.runs[0].font.size.pt == 12 and not vv.runs[0].font.bold
    assert vv.paragraph_format.space_before.pt == 6


def test_a_thong_bao_has_its_type_name_and_abstract_centred_in_bold():
    doc = open_docx("deemed_agreed")
    title = para(doc, "THÔNG BÁO")
    abstract = para(doc, "Về việc")
    for p in (title, abstract):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER and p.runs[0].font.bold and p.runs[0].font.size.pt == 14
    assert not any(p.text.startswith("Kính gửi") for p in doc.paragraphs)


def test_the_body_is_justified_with_a_first_line_indent_and_space_between_paragraphs():
    doc = open_docx()
    body = [p for p in doc.paragraphs if p.text.startswith(("Ngày 02/11/2026", "Theo quy định", "Phòng Quản lý"))]
    assert len(body) == 3
    for p in body:
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert round(mm(p.paragraph_format.first_line_indent), 1) in (10.0, 12.7)
        assert p.paragraph_format.space_before.pt >= 6
        assert 13 <= p.runs[0].font.size.pt <= 14
    assert body[-1].text.endswith("./.")


def test_several_recipients_go_one_per_line_with_dashes_aligned():
    doc = open_docx(to=("Ủy ban nhân dân Phường 5", "Ủy ban nhân dân Phường 8"))
    at = next(i for i, p in enumerate(doc.paragraphs) if p.text == "Kính gửi:")
    first, second = doc.paragraphs[at + 1], doc.paragraphs[at + 2]
    assert (first.text, second.text) == ("- Ủy ban nhân dân Phường 5;", "- Ủy ban nhân dân Phường 8.")
    assert first.paragraph_format.left_indent == second.paragraph_format.left_indent
    assert first.paragraph_format.left_indent > doc.paragraphs[at].paragraph_format.left_indent


def test_the_signature_table_has_noi_nhan_left_and_the_signer_right():
    doc = open_docx()
    sign = doc.tables[-1]
    assert set(borders(sign).values()) == {"nil"}
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].font.bold and label.runs[0].font.italic
    assert label.runs[0].font.size.pt == 12
    listed = left.paragraphs[1:]
    assert [p.text for p in listed] == ["- Như trên;", "- Trưởng phòng (để báo cáo);", "- Lưu: VT, XD."]
    assert {p.runs[0].font.size.pt for p in listed} == {11} and not any(p.runs[0].font.bold for p in listed)
    texts = [p.text for p in right.paragraphs if p.text]
    assert texts == ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Trần Văn Bình"]
    assert all(r.font.bold for r in runs_of(right.paragraphs))
    assert right.paragraphs[-1].text == "Trần Văn Bình" and len(right.paragraphs) >= 6  # room for the signature


def test_page_numbers_appear_from_page_two_centred_in_the_header():
    section = open_docx().sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text
    numbered = section.header.paragraphs[0]
    assert numbered.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in numbered._p.xml and 'w:fldCharType="begin"' in numbered._p.xml


@pytest.mark.parametrize("urgency, label", [("Khẩn", "KHẨN"), ("Thượng khẩn", "THƯỢNG KHẨN")])
def test_an_urgent_notice_has_a_boxed_red_stamp(urgency, label):
    doc = open_docx(urgency=urgency)
    stamp = para(doc, label)
    assert stamp.text == label and stamp.runs[0].font.bold and str(stamp.runs[0].font.color.rgb) == "C00000"
    sides = {el.tag.split("}")[1] for el in stamp._p.pPr.find(qn("w:pBdr"))}
    assert sides == {"top", "left", "bottom", "right"}
    assert not any(p.text in ("KHẨN", "THƯỢNG KHẨN") for p in open_docx().paragraphs)


def test_a_long_ward_name_shrinks_to_12_pt_rather_than_wrap():
    head = open_docx("escalation").tables[0]
    body = para(head.cell(0, 0), "ỦY BAN NHÂN DÂN PHƯỜNG 5")
    assert body.runs[0].font.size.pt in (12, 13)


def test_data_tables_have_grid_lines_and_a_bold_header_row():
    doc = open_docx("report")
    grids = doc.tables[1:-1]
    assert len(grids) == 2
    for grid in grids:
        assert set(borders(grid).values()) == {"single"}
        assert all(c.paragraphs[0].runs[0].font.bold for c in grid.rows[0].cells)
        assert grid.rows[-1].cells[1].text == "Tổng cộng"
    widths = [mm(c.width) for c in grids[0].columns]
    assert abs(sum(widths) - 165) < 1
