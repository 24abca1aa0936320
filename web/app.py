"""The Flask application: `create_app(settings, *, tracker=None)`.

Each request knows its user (from the signed session cookie) and reads and writes through a Tracker narrowed to
that user's office, so an id of another office is simply not found.
"""

from __future__ import annotations

import dataclasses
import time
from datetime import timedelta
from functools import wraps
from pathlib import Path

from flask import Flask, abort, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect

from web import accounts, labels, security

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "web"
IDLE_LIMIT = 2 * 3600  # seconds without a request before the session ends
SESSION_LIMIT = 10 * 3600  # a working day: then log in again


def create_app(settings, *, tracker=None, deliver=None) -> Flask:
    """The page for ``settings``' database. ``tracker``: a ready Tracker (default: built from the settings);
    ``deliver(settings, tracker, draft_id)``: what approval calls to put a draft in the Drafts folder (default:
    the configured mailbox, when there is one)."""
    if tracker is None:
        from congvan.context import tracker_for

        tracker = tracker_for(settings)
    app = Flask(__name__, template_folder=str(TEMPLATES), static_folder="static")
    app.config.update(
        SECRET_KEY=security.secret_key(settings.data_dir),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="congvan_session",
        SESSION_COOKIE_SECURE=settings.web.secure_cookie,
        PERMANENT_SESSION_LIFETIME=timedelta(seconds=SESSION_LIMIT),
        WTF_CSRF_TIME_LIMIT=SESSION_LIMIT,
        MAX_CONTENT_LENGTH=40 * 1024 * 1024,
        JSON_AS_ASCII=False,
    )
    app.jinja_env.autoescape = True
    if settings.web.behind_proxy:  # one reverse proxy in front: its client address and scheme are the request's
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)
    app.extensions["congvan"] = {"settings": settings, "tracker": tracker, "deliver": deliver,
                                 "throttle": security.LoginThrottle()}
    CSRFProtect(app)
    labels.install(app)

    from web import admin, auth, drafts, letters, register, reports, search, tracking

    for module in (auth, letters, register, tracking, drafts, reports, search, admin):
        app.register_blueprint(module.bp)

    @app.before_request
    def _load_user():
        g.user = None
        user_id = session.get("uid")
        if user_id is None:
            return
        now = time.time()
        if now - session.get("seen", 0) > IDLE_LIMIT or now - session.get("since", 0) > SESSION_LIMIT:
            session.clear()
            return
        user = accounts.active_user(tracker.engine, user_id)
        if user is None:
            session.clear()
            return
        session["seen"] = now
        g.user = user

    @app.after_request
    def _headers(response):
        return security.set_headers(response, preview=bool(getattr(g, "preview", False)))

    @app.errorhandler(CSRFError)
    def _csrf(_err):
        return render_template("error.html", title="Phiên làm việc đã hết hạn",
                               message="Biểu mẫu đã hết hiệu lực hoặc không hợp lệ. Vui lòng tải lại trang và thử "
                                       "lại."), 400

    @app.errorhandler(404)
    def _missing(_err):
        return render_template("error.html", title="Không tìm thấy",
                               message="Không có trang hoặc văn bản này trong đơn vị của bạn."), 404

    @app.errorhandler(403)
    def _forbidden(_err):
        return render_template("error.html", title="Không có quyền",
                               message="Vai trò của bạn không được thực hiện việc này."), 403

    @app.errorhandler(413)
    def _too_big(_err):
        return render_template("error.html", title="Tệp quá lớn",
                               message="Tệp tải lên vượt quá 40 MB."), 413

    @app.route("/")
    def home():
        if g.user is None:
            return redirect(url_for("auth.login"))
        return redirect(url_for("letters.index"))

    return app


# -- helpers for the views ----------------------------------------------------------------------------------------

def office_tracker():
    """The Tracker of the signed-in user's office, knowing the units and calendar decisions added to the database
    (once per request, so that a change made through the page applies at once)."""
    from flask import current_app

    from congvan.context import office_calendar

    from tracker.queries import with_added_units

    if "tracker" not in g:
        base = current_app.extensions["congvan"]["tracker"]
        if g.user.office_id != base.office_unit_id:
            base = dataclasses.replace(base, office_unit_id=g.user.office_id)
        g.tracker = with_added_units(dataclasses.replace(base, calendar=office_calendar(settings(), base.engine)))
    return g.tracker


def settings():
    from flask import current_app

    return current_app.extensions["congvan"]["settings"]


def login_required(permission: str | None = None):
    """A view for signed-in users; with ``permission``, only for the roles that have it (else 403)."""

    def wrap(view):
        @wraps(view)
        def inner(*args, **kwargs):
            if g.user is None:
                return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
            if permission and not g.user.may(permission):
                abort(403)
            return view(*args, **kwargs)

        return inner

    return wrap


def page_args(per_page: int = 50) -> tuple[int, int, int]:
    """(page number, limit, offset) from ?page=."""
    try:
        page = max(1, min(int(request.args.get("page", 1)), 100000))
    except ValueError:
        page = 1
    return page, per_page, (page - 1) * per_page
