"""The web page in a real browser (Debian's Chromium driven by Playwright): a clerk logs in, confirms a letter and
corrects a unit; a draft approved on the page lands in the Drafts folder of a real Dovecot; script payloads in a
letter execute nothing; another office's ids are refused; the pages fit a desk screen and a phone.

Screenshots go to /tmp/congvan-web-*.png for a person to look at."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

from tests import servers, webdesk

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(tempfile.gettempdir())

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")]


@pytest.fixture(scope="module")
def dovecot():
    if servers.dovecot_binary() is None or os.geteuid() != 0:
        yield None
        return
    server = servers.start_dovecot()
    yield server
    if server is not None:
        server.cleanup()


@pytest.fixture(scope="module")
def desk(tmp_path_factory, dovecot):
    mailbox = None
    if dovecot is not None:
        secret = tmp_path_factory.mktemp("secret") / "imap-password"
        secret.write_text(dovecot.password)
        mailbox = {"name": "phuong5", "host": "127.0.0.1", "port": dovecot.port, "security": "none",
                   "username": dovecot.user, "password_file": str(secret), "drafts": "Drafts"}
    return webdesk.build(tmp_path_factory.mktemp("webdesk"), mailbox=mailbox)


@pytest.fixture(scope="module")
def site(desk):
    from web.app import create_app

    base, server = webdesk.serve(create_app(desk.settings, tracker=desk.tracker))
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:  # Playwright gives Chromium a fresh, empty profile of its own
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Watch:
    """Everything a page might do behind our back: dialogs (alert/confirm), console errors, CSP reports."""

    def __init__(self, page):
        self.dialogs, self.console = [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))


def session(browser, site, user="vanthu", viewport=(1366, 768)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, locale="vi-VN")
    page = context.new_page()
    watch = Watch(page)
    page.goto(f"{site}/dang-nhap")
    page.fill("input[name=name]", user)
    page.fill("input[name=password]", webdesk.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/van-ban"))
    return context, page, watch


def test_a_clerk_confirms_a_waiting_letter_and_corrects_its_lead_unit(browser, site, desk):
    context, page, watch = session(browser, site)
    queue = page.locator("section.queue")
    assert "Chờ văn thư xác nhận" in queue.inner_text()
    waiting = queue.locator("tbody tr")
    assert waiting.count() >= 1
    waiting.first.locator("a").click()
    page.screenshot(path=str(SHOTS / "congvan-web-letter-before.png"), full_page=True)
    letter_url = page.url
    page.fill("textarea[name=lead_units]", "Phòng Quản lý đô thị")
    page.fill("input[name=issue_date]", "26/05/2025")
    page.click("form button.primary")
    page.wait_for_load_state()
    assert "Đã xác nhận văn bản" in page.locator("p.notice").inner_text()
    assert page.locator("textarea[name=lead_units]").input_value() == "Phòng Quản lý đô thị"
    history = page.locator("ol.history").inner_text()
    assert "Người dùng vanthu" not in history and "vanthu" in history  # the login name, as the history's actor
    assert "Đơn vị chủ trì" in history or "Nội dung trích xuất" in history or "Sửa" in history
    page.screenshot(path=str(SHOTS / "congvan-web-letter-confirmed.png"), full_page=True)
    page.goto(f"{site}/van-ban")
    assert letter_url.rsplit("/", 1)[1] not in [a.get_attribute("href").rsplit("/", 1)[1]
                                                for a in page.locator("section.queue tbody a").all()]
    assert watch.dialogs == []
    context.close()


def test_an_approved_draft_lands_in_the_drafts_folder(browser, site, desk, dovecot):
    if dovecot is None:
        pytest.skip("needs dovecot-imapd, started as root")
    from imapclient import IMAPClient

    context, page, watch = session(browser, site, "lanhdao")
    page.goto(f"{site}/du-thao")
    page.locator("tbody tr a").first.click()
    subject = page.locator("dd.mail-subject").inner_text()
    page.screenshot(path=str(SHOTS / "congvan-web-draft.png"), full_page=True)
    page.click("text=Duyệt dự thảo")
    page.wait_for_load_state()
    assert "Đã duyệt. Dự thảo đã được đưa vào thư mục Thư nháp" in page.locator("p.notice").inner_text()
    assert "Đã đưa vào thư nháp" in page.locator("h1 + .state, .head-row .state").first.inner_text()
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(dovecot.user, dovecot.password)
        client.select_folder("Drafts", readonly=True)
        found = client.fetch(client.search(["ALL"]), ["FLAGS", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]"])
    import email.header

    subjects = []
    for item in found.values():
        raw = item[b"BODY[HEADER.FIELDS (SUBJECT)]"].decode("ascii", "replace").split(":", 1)[1].strip()
        subjects.append(str(email.header.make_header(email.header.decode_header(raw.replace("\r\n", "")))))
        assert b"\\Draft" in item[b"FLAGS"]
    assert any("".join(s.split()) == "".join(subject.split()) for s in subjects), (subject, subjects)
    assert watch.dialogs == []
    context.close()


def test_script_payloads_in_a_letter_execute_nothing(browser, site, desk):
    context, page, watch = session(browser, site)
    urls = [f"/van-ban/{desk.hostile_letter}", "/van-ban", "/theo-doi?loc=tat-ca"]
    for url in urls:
        page.goto(site + url)
        assert page.locator("script:not([src])").count() == 0, url
        assert page.locator("img[src='x']").count() == 0, url
    page.goto(f"{site}/van-ban/{desk.hostile_letter}")
    text = page.locator("body").inner_text()
    assert '<script>alert("xss")</script>' in text  # shown as the text it is
    assert "onerror=alert(1)>.docx" in page.locator("section:has(h2:text('Nguồn nhận'))").inner_text()
    # the clerk types a payload as a unit: refused (not in the registry), and the refusal shows it as text
    page.fill("textarea[name=cooperating_units]", webdesk.PAYLOAD)
    page.click("form button.primary")
    page.wait_for_load_state()
    assert "không có trong danh mục đơn vị: «" + webdesk.PAYLOAD in page.locator("p.alert").inner_text()
    assert page.locator("textarea[name=cooperating_units]").input_value() == webdesk.PAYLOAD
    page.goto(f"{site}/theo-doi?loc=tat-ca")
    page.screenshot(path=str(SHOTS / "congvan-web-hostile.png"), full_page=True)
    assert watch.dialogs == []
    assert not [m for m in watch.console if "Content Security Policy" in m or "pageerror" in m], watch.console
    context.close()


def test_another_offices_ids_are_refused(browser, site, desk):
    context, page, _watch = session(browser, site)
    urls = [f"/van-ban/{desk.other_letter}"]
    if desk.other_obligation:
        urls.append(f"/theo-doi/{desk.other_obligation}")
    if desk.other_draft:
        urls.append(f"/du-thao/{desk.other_draft}")
    for url in urls:
        response = page.goto(site + url)
        assert response.status == 404, url
        assert "Không có trang hoặc văn bản này trong đơn vị của bạn." in page.locator("main").inner_text()
    context.close()


PAGES = ["/van-ban", "/van-ban/{letter}", "/so-van-ban-den?nam=2025", "/theo-doi?loc=tat-ca", "/theo-doi/{ob}", "/du-thao?loc=tat-ca",
         "/du-thao/{draft}", "/tong-hop?ky=2025-H1", "/tim-kiem", "/quan-tri", "/quan-tri/lich?nam=2025"]


@pytest.mark.parametrize("width, height", [(1366, 768), (390, 844)])
def test_the_pages_fit_a_desk_screen_and_a_phone(browser, site, desk, width, height):
    from tracker import queries

    ob = queries.list_obligations(desk.tracker, limit=1)[0][0]["id"]
    draft = queries.list_drafts(desk.tracker, limit=1)[0][0]["id"]
    context, page, watch = session(browser, site, "quantri", (width, height))
    for url in PAGES:
        url = url.format(letter=desk.hostile_letter, ob=ob, draft=draft)
        response = page.goto(site + url)
        assert response.status == 200, url
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (url, overflow)
        name = re.sub(r"[^a-z0-9]+", "-", url.split("?")[0]).strip("-") or "home"
        page.screenshot(path=str(SHOTS / f"congvan-web-{name}-{width}.png"), full_page=width > 500)
    assert watch.dialogs == []
    assert not [m for m in watch.console if m.startswith("error") and "favicon" not in m], watch.console
    context.close()
