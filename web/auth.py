"""Signing in and out. Failed logins are throttled per name and per address."""

from __future__ import annotations

import math
import time

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for

from web import accounts

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only a path of this site (never another host) to go back to after signing in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("letters.index")


@bp.route("/dang-nhap", methods=["GET", "POST"])
def login():
    ext = current_app.extensions["congvan"]
    error = None
    name = ""
    if request.method == "POST":
        name = (request.form.get("name") or "").strip()[:100]
        address = request.remote_addr or "?"
        wait = ext["throttle"].blocked_for(name, address)
        if wait > 0:
            error = (f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {math.ceil(wait / 60)} phút.")
        else:
            user = accounts.authenticate(ext["tracker"].engine, name, request.form.get("password") or "")
            if user is None:
                ext["throttle"].failed(name, address)
                error = "Tên đăng nhập hoặc mật khẩu không đúng."
            else:
                ext["throttle"].succeeded(name)
                session.clear()
                session.permanent = True
                now = time.time()
                session.update(uid=user.id, since=now, seen=now)
                return redirect(_safe_next(request.args.get("next")))
        return render_template("login.html", error=error, name=name), 429 if wait > 0 else 401
    if g.user is not None:
        return redirect(url_for("letters.index"))
    return render_template("login.html", error=error, name=name)


@bp.route("/dang-xuat", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("auth.login"))
