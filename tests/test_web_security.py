"""The web page's defences, through Flask's test client on a real database: CSRF on every change, the security
headers, roles, one office's ids refused to another, login throttling, expiring sessions, argon2 hashes, and the
`congvan user` commands."""

from __future__ import annotations

import re
import stat

import pytest
from click.testing import CliRunner

from tests import webdesk


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    return webdesk.build(tmp_path_factory.mktemp("webdesk"))


@pytest.fixture
def app(desk):
    from web.app import create_app

    return create_app(desk.settings, tracker=desk.tracker)


def token(client, url="/dang-nhap") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def login(client, name, password=webdesk.PASSWORD):
    return client.post("/dang-nhap", data={"name": name, "password": password, "csrf_token": token(client)})


def test_a_change_without_the_form_token_is_refused_and_changes_nothing(app, desk):
    client = app.test_client()
    assert client.post("/dang-nhap", data={"name": "vanthu", "password": webdesk.PASSWORD}).status_code == 400
    assert login(client, "vanthu").status_code == 302
    before = client.get(f"/van-ban/{desk.hostile_letter}").get_data(as_text=True)
    refused = client.post(f"/van-ban/{desk.hostile_letter}/xac-nhan", data={"subject": "Đã sửa trái phép"})
    assert refused.status_code == 400 and "Biểu mẫu đã hết hiệu lực" in refused.get_data(as_text=True)
    after = client.get(f"/van-ban/{desk.hostile_letter}").get_data(as_text=True)
    assert "Đã sửa trái phép" not in after and after.count("Lịch sử") == before.count("Lịch sử")


def test_every_page_carries_a_policy_without_inline_script(app, desk):
    client = app.test_client()
    login(client, "vanthu")
    page = client.get("/van-ban")
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self';" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in page.get_data(as_text=True)  # only <script src=...>
    drafts = re.findall(r'href="/du-thao/(\d+)"', client.get("/du-thao?loc=tat-ca").get_data(as_text=True))
    preview = client.get(f"/du-thao/{drafts[0]}/thu.html")
    assert preview.status_code == 200
    assert "sandbox" in preview.headers["Content-Security-Policy"]
    assert "script-src" not in preview.headers["Content-Security-Policy"]  # default-src 'none': no script
    detail = client.get(f"/du-thao/{drafts[0]}").get_data(as_text=True)
    assert re.search(r'<iframe sandbox="" [^>]*src="/du-thao/\d+/thu.html"', detail)


def test_mail_text_is_escaped_never_rendered(app, desk):
    client = app.test_client()
    login(client, "vanthu")
    html = client.get(f"/van-ban/{desk.hostile_letter}").get_data(as_text=True)
    assert webdesk.PAYLOAD not in html
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html


@pytest.mark.parametrize("user, url, method", [
    ("chuyenvien", "/van-ban/{letter}/xac-nhan", "post"),
    ("lanhdao", "/quan-tri", "get"),
    ("chuyenvien", "/tong-hop", "get"),
    ("vanthu", "/quan-tri/nguoi-dung", "post"),
    ("lanhdao", "/so-van-ban-den/them", "post"),
])
def test_roles_limit_what_each_person_may_do(app, desk, user, url, method):
    client = app.test_client()
    login(client, user)
    url = url.format(letter=desk.hostile_letter)
    data = {"csrf_token": token(client, "/van-ban")} if method == "post" else None
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 403
    assert "Vai trò của bạn không được thực hiện việc này" in response.get_data(as_text=True)


def test_the_admin_manages_the_offices_users(app, desk):
    client = app.test_client()
    login(client, "quantri")
    assert client.get("/quan-tri").status_code == 200
    added = client.post("/quan-tri/nguoi-dung", data={"name": "vanthu2", "role": "clerk", "full_name": "Lê Thị Mai",
                                                     "password": "mot-mat-khau-dai", "csrf_token": token(client, "/quan-tri")})
    assert added.status_code == 302
    page = client.get("/quan-tri").get_data(as_text=True)
    assert "Lê Thị Mai" in page and "khac" not in page  # the other office's users are not listed
    assert login(app.test_client(), "vanthu2", "mot-mat-khau-dai").status_code == 302


def test_another_offices_ids_are_not_found(app, desk):
    client = app.test_client()
    login(client, "vanthu")
    urls = [f"/van-ban/{desk.other_letter}", f"/van-ban/{desk.other_letter}/noi-dung.txt"]
    if desk.other_obligation:
        urls.append(f"/theo-doi/{desk.other_obligation}")
    if desk.other_draft:
        urls += [f"/du-thao/{desk.other_draft}", f"/du-thao/{desk.other_draft}/thu.html",
                 f"/du-thao/{desk.other_draft}.docx"]
    for url in urls:
        assert client.get(url).status_code == 404, url
    csrf = token(client, "/van-ban")
    assert client.post(f"/van-ban/{desk.other_letter}/xac-nhan", data={"csrf_token": csrf}).status_code == 404
    if desk.other_draft:
        assert client.post(f"/du-thao/{desk.other_draft}/duyet", data={"csrf_token": csrf}).status_code == 404
    other = app.test_client()
    login(other, "khac")
    assert other.get(f"/van-ban/{desk.other_letter}").status_code == 200
    assert other.get(f"/van-ban/{desk.hostile_letter}").status_code == 404


def test_logins_are_throttled_after_five_failures(app):
    client = app.test_client()
    for _ in range(5):
        assert login(client, "vanthu", "sai-mat-khau").status_code == 401
    blocked = login(client, "vanthu")  # even the right password waits now
    assert blocked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút." in blocked.get_data(as_text=True)


def test_sessions_expire_when_idle(app):
    client = app.test_client()
    login(client, "vanthu")
    assert client.get("/van-ban").status_code == 200
    with client.session_transaction() as session:
        session["seen"] -= 3 * 3600
    response = client.get("/van-ban")
    assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"]


def test_the_secret_key_lives_in_the_data_folder_only(app, desk):
    path = desk.settings.data_dir / "web-secret-key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = path.read_text().strip()
    database = (desk.settings.data_dir / "congvan.sqlite").read_bytes()
    assert key.encode() not in database and bytes.fromhex(key) not in database


def test_user_commands_hash_passwords_and_disable_accounts(app, desk):
    from sqlalchemy import select

    from congvan.cli import cli
    from tracker.db.schema import users

    runner = CliRunner()
    added = runner.invoke(cli, ["--config", str(desk.config), "user", "add", "vanthu3", "--role", "clerk"],
                          input="mat-khau-rat-dai-3\n")
    assert added.exit_code == 0 and "Đã thêm vanthu3 (Văn thư, Ủy ban nhân dân Phường 5)" in added.output
    listed = runner.invoke(cli, ["--config", str(desk.config), "user", "list"])
    assert "vanthu3" in listed.output and "Văn thư" in listed.output
    with desk.tracker.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash).where(users.c.name == "vanthu3")).scalar_one()
    assert stored.startswith("$argon2id$") and "mat-khau-rat-dai-3" not in stored
    assert login(app.test_client(), "vanthu3", "mat-khau-rat-dai-3").status_code == 302
    assert runner.invoke(cli, ["--config", str(desk.config), "user", "disable", "vanthu3"]).exit_code == 0
    assert login(app.test_client(), "vanthu3", "mat-khau-rat-dai-3").status_code == 401


def test_user_add_refuses_a_short_password_in_one_line(desk):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(desk.config), "user", "add", "ngan",
                           "--role", "leader"], input="ngan\n", capture_output=True, text=True)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Mật khẩu phải có ít nhất 10 ký tự." in lines[0]


def test_confirmation_is_kept_in_the_history_with_the_clerks_name(app, desk):
    client = app.test_client()
    login(client, "vanthu")
    page = client.get(f"/van-ban/{desk.hostile_letter}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {m.group(1): m.group(2) for m in re.finditer(r'<input name="(\w+)" value="([^"]*)"', page)}
    form.update(csrf_token=csrf, lead_units="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến về phương án")
    done = client.post(f"/van-ban/{desk.hostile_letter}/xac-nhan", data=form)
    assert done.status_code == 302, done.get_data(as_text=True)[:2000]
    page = client.get(f"/van-ban/{desk.hostile_letter}").get_data(as_text=True)
    history = page[page.index("Lịch sử"):]
    assert "vanthu" in history and "Đơn vị chủ trì" in page and "V/v lấy ý kiến về phương án" in page


def test_doubtful_fields_are_marked_with_the_readers_reason(app, desk):
    from tracker.db import store

    reason = "Không chắc đơn vị chủ trì: tên đơn vị nằm ở cuối câu"
    with desk.tracker.engine.begin() as conn:
        row = store.letter(conn, desk.hostile_letter, office=desk.tracker.office_unit_id)
        extraction = {**(row["extraction"] or {}), "review": [{"field": "lead_units", "reason": reason}]}
        store.edit_letter(conn, row["id"], {"extraction": extraction}, office=desk.tracker.office_unit_id,
                          actor="congvan")
    client = app.test_client()
    login(client, "vanthu")
    page = client.get(f"/van-ban/{desk.hostile_letter}").get_data(as_text=True)
    doubts = page[page.index("Cần kiểm tra"):page.index("Thông tin đọc được")]
    assert "Đơn vị chủ trì:</strong> " + reason in doubts
    field = re.search(r'<label class="field doubtful" data-field="lead_units">(.*?)</label>', page, re.S).group(1)
    assert reason in field


def test_a_paper_letter_uploaded_gets_the_next_arrival_number_and_shows_in_the_register(app, desk):
    from web.labels import today

    client = app.test_client()
    login(client, "vanthu")
    before = client.get(f"/so-van-ban-den?nam={today().year}").get_data(as_text=True)
    numbers = [int(n) for n in re.findall(r'data-label="Số đến">(\d+)<', before)]
    letter = webdesk.OTHER_LETTER.replace("31/UBND-VP", "45/UBND-VP").replace("Phòng Quản lý đô thị Quận 11",
                                                                             "Ủy ban nhân dân Phường 5")
    import io

    done = client.post("/so-van-ban-den/them", content_type="multipart/form-data", data={
        "csrf_token": token(client, "/so-van-ban-den"), "via": "giấy",
        "file": (io.BytesIO(webdesk._docx(letter)), "cong-van-45.docx")})
    page = done.get_data(as_text=True)
    assert done.status_code == 200, page[:3000]
    shown = re.search(r"Đã vào sổ: số đến (\d+)", page)
    assert shown and int(shown.group(1)) == max(numbers, default=0) + 1
    year = re.search(r"ngày \d\d/\d\d/(\d{4})", page[shown.start():]).group(1)
    register = client.get(f"/so-van-ban-den?nam={year}").get_data(as_text=True)
    assert "45/UBND-VP" in register
    for fmt in ("xlsx", "docx"):
        export = client.get(f"/so-van-ban-den/so-{year}.{fmt}")
        assert export.data[:2] == b"PK" and f"so-van-ban-den-{year}.{fmt}" in export.headers["Content-Disposition"]


def test_behind_a_tls_proxy_the_cookie_is_secure_and_the_login_limit_counts_each_users_address(desk):
    """[web] behind_proxy: failed logins from one address (trying several names) must not lock out a clerk who
    comes through the same proxy from elsewhere; without it every user shares the proxy's address."""
    import dataclasses

    from config.settings import WebSettings
    from web.app import create_app

    def through_proxy(client, address, url, data=None):
        headers = {"X-Forwarded-For": address, "X-Forwarded-Proto": "https", "Referer": "https://localhost/dang-nhap"}
        if data is None:
            return client.get(url, headers=headers)
        page = client.get("/dang-nhap", headers=headers).get_data(as_text=True)
        form = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return client.post(url, headers=headers, data={**data, "csrf_token": form})

    def failing_then_clerk(app):
        attacker = app.test_client()
        for n in range(5):
            through_proxy(attacker, "203.0.113.7", "/dang-nhap", {"name": f"thu{n}", "password": "sai"})
        return through_proxy(app.test_client(), "198.51.100.9", "/dang-nhap",
                             {"name": "vanthu", "password": webdesk.PASSWORD})

    plain = create_app(desk.settings, tracker=desk.tracker)
    assert failing_then_clerk(plain).status_code == 429  # the proxy's one address was blocked for everyone
    proxied = create_app(dataclasses.replace(desk.settings, web=WebSettings(secure_cookie=True, behind_proxy=True)),
                         tracker=desk.tracker)
    signed_in = failing_then_clerk(proxied)
    assert signed_in.status_code == 302
    cookie = signed_in.headers["Set-Cookie"]
    assert cookie.startswith("congvan_session=") and "Secure" in cookie and "HttpOnly" in cookie
