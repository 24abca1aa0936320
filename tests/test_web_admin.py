"""The Quản trị page's unit and calendar forms (issue 11, item 2), through Flask's test client: admin only, with the
form token, and a change applies to the page's process at once."""

from __future__ import annotations

import pytest

from tests import webdesk
from tests.test_web_security import login, token


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    return webdesk.build(tmp_path_factory.mktemp("webadmin"))


@pytest.fixture
def app(desk):
    from web.app import create_app

    return create_app(desk.settings, tracker=desk.tracker)


@pytest.mark.parametrize("url, data", [
    ("/quan-tri/don-vi/doi-ten", {"unit_id": "q11.qldt", "name": "Phòng Đô thị mới"}),
    ("/quan-tri/don-vi/sap-nhap", {"unit_id": "q11.tnmt", "successor_id": "q11.qldt", "on": "01/01/2025"}),
    ("/quan-tri/lich", {"day": "04/03/2026", "kind": "off", "source": "QĐ 9/QĐ-UBND"}),
    ("/quan-tri/lich/bo", {"day": "02/01/2026", "reason": "nhập nhầm"}),
])
def test_only_the_administrator_may_change_units_and_the_calendar(app, url, data):
    clerk = app.test_client()
    login(clerk, "vanthu")
    assert clerk.post(url, data={**data, "csrf_token": token(clerk, "/van-ban")}).status_code == 403
    admin = app.test_client()
    login(admin, "quantri")
    assert admin.post(url, data=data).status_code == 400  # no form token: refused
    assert "Phòng Đô thị mới" not in admin.get("/quan-tri/don-vi").get_data(as_text=True)
    assert "QĐ 9/QĐ-UBND" not in admin.get("/quan-tri/lich?nam=2026").get_data(as_text=True)


def test_the_administrator_renames_merges_and_adds_a_day_off_seen_at_once(app):
    admin = app.test_client()
    login(admin, "quantri")
    form = token(admin, "/quan-tri/don-vi")
    done = admin.post("/quan-tri/don-vi/doi-ten", data={"unit_id": "q11.qldt", "name": "Phòng Kinh tế, Hạ tầng và "
                                                        "Đô thị", "csrf_token": form})
    assert done.status_code == 302
    page = admin.get("/quan-tri/don-vi?ok=doi-ten").get_data(as_text=True)
    assert "Đã đổi tên đơn vị." in page and "Phòng Kinh tế, Hạ tầng và Đô thị" in page
    merged = admin.post("/quan-tri/don-vi/sap-nhap", data={"unit_id": "q11.tnmt", "successor_id": "q11.tnmt",
                                                           "on": "01/01/2025", "csrf_token": form})
    assert merged.status_code == 400 and "chính nó" in merged.get_data(as_text=True)
    merged = admin.post("/quan-tri/don-vi/sap-nhap", data={"unit_id": "q11.tnmt", "successor_id": "q11.qldt",
                                                           "on": "01/01/2025", "csrf_token": form})
    assert merged.status_code == 302
    assert "đến 31/12/2024" in admin.get("/quan-tri/don-vi").get_data(as_text=True)
    bad = admin.post("/quan-tri/lich", data={"day": "07/03/2026", "kind": "off", "source": "QĐ 9/QĐ-UBND",
                                             "csrf_token": form})
    assert bad.status_code == 400 and "cuối tuần" in bad.get_data(as_text=True)
    added = admin.post("/quan-tri/lich", data={"day": "04/03/2026", "kind": "off", "source": "QĐ 9/QĐ-UBND",
                                               "reason": "Nghỉ theo quyết định của Chủ tịch", "csrf_token": form})
    assert added.status_code == 302
    page = admin.get("/quan-tri/lich?nam=2026").get_data(as_text=True)
    assert "Nghỉ theo quyết định của Chủ tịch" in page and "QĐ 9/QĐ-UBND" in page

    assert admin.get(added.headers["Location"]).get_data(as_text=True).count("Đã thêm quyết định vào lịch.") == 1
    shipped = admin.post("/quan-tri/lich/bo", data={"day": "02/01/2026", "reason": "thử", "csrf_token": form})
    assert shipped.status_code == 400 and "lịch gốc" in shipped.get_data(as_text=True)
    removed = admin.post("/quan-tri/lich/bo", data={"day": "04/03/2026", "reason": "Quyết định bị thu hồi",
                                                    "csrf_token": form})
    assert removed.status_code == 302
    page = admin.get(removed.headers["Location"]).get_data(as_text=True)
    assert "Đã bỏ quyết định khỏi lịch." in page and "QĐ 9/QĐ-UBND" not in page
