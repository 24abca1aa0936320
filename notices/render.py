"""render(kind, context) -> Rendered: the subject, the e-mail text and HTML, and the NĐ 30 .docx of a draft.

Each kind has a template under ``templates/notices``. Formal notices (``<kind>.j2``) define three blocks: ``subject``,
``abstract`` (the "V/v" of a công văn, or the trích yếu under THÔNG BÁO / BÁO CÁO) and ``body`` (the block markup of
``notices.document``). E-mail-only kinds have ``<kind>.txt.j2`` (blocks ``subject`` and ``text``) and
``<kind>.html.j2``. Templates run under StrictUndefined: a value the caller forgot is an error, never a blank.
"""

from __future__ import annotations

import base64
import inspect
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import jinja2

from notices.document import Layout, parse_blocks
from notices.model import (
    DeemedAgreedContext,
    DigestContext,
    EscalationContext,
    InternalReminderContext,
    NoncooperationContext,
    Notice,
    ProgressContext,
    ReminderContext,
    ReportContext,
)
from notices.vnformat import clean, date_line, fold, long_date, short_date, upper
from templates import templates_dir

# kind -> (context class, document type of its .docx or None for e-mail only)
KINDS: dict[str, tuple[type, str | None]] = {
    "reminder": (ReminderContext, "cong_van"),
    "internal_reminder": (InternalReminderContext, None),
    "deemed_agreed": (DeemedAgreedContext, "thong_bao"),
    "escalation": (EscalationContext, "bao_cao"),
    "noncooperation": (NoncooperationContext, "bao_cao"),
    "progress": (ProgressContext, "cong_van"),
    "digest": (DigestContext, None),
    "report": (ReportContext, "bao_cao"),
}
_TITLES = {"thong_bao": ("THÔNG BÁO", "TB"), "bao_cao": ("BÁO CÁO", "BC")}
NUMBER_GAP = "      "  # left blank for the clerk to write the number in


class RenderError(ValueError):
    """Raised when a draft cannot be rendered: unknown kind, wrong context, or a value the template needs is
    missing."""


@dataclass(frozen=True)
class Rendered:
    kind: str
    subject: str
    text: str
    html: str
    docx: bytes | None = None
    filename: str | None = None  # the .docx attachment's name
    chart_png: bytes | None = None


def _finalize(value):
    return fold(value) if isinstance(value, str) else value


@lru_cache(maxsize=4)
def environment(folder: str | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder or str(templates_dir() / "notices")),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_finalize,
    )
    env.filters.update(d=short_date, longdate=long_date, upper=upper, cell=lambda v: clean(v).replace("|", "/"))
    return env


def _values(context: object) -> dict:
    values = {f.name: getattr(context, f.name) for f in fields(context)}  # type: ignore[arg-type]
    for name, attr in inspect.getmembers(type(context)):
        if isinstance(attr, property) and not name.startswith("_"):
            values[name] = getattr(context, name)
    return values


def _block(env: jinja2.Environment, name: str, block: str, values: dict) -> str:
    template = env.get_template(name)
    return "".join(template.blocks[block](template.new_context(values)))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _filename(subject: str) -> str:
    name = re.sub(r'[\\/:*?"<>|]+', "-", clean(subject))[:110].rstrip(" .-")
    return f"{name}.docx"


def render(kind: str, context: object, *, docx: bool = True, templates: Path | None = None) -> Rendered:
    """Render one draft. ``docx=False`` skips the .docx (e-mail only kinds never have one)."""
    if kind not in KINDS:
        raise RenderError(f"unknown kind of draft {kind!r}; expected one of {', '.join(KINDS)}")
    klass, doc_type = KINDS[kind]
    if not isinstance(context, klass):
        raise RenderError(f"{kind}: expected a {klass.__name__}, got {type(context).__name__}")
    env = environment(str(templates) if templates else None)
    values = _values(context)
    try:
        if doc_type is None:
            return _render_mail_only(env, kind, values)
        return _render_notice(env, kind, doc_type, context, values, docx)  # type: ignore[arg-type]
    except jinja2.UndefinedError as exc:
        raise RenderError(f"{kind}: a value the template needs is missing: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{kind}: template error: {exc}") from None


def _render_mail_only(env: jinja2.Environment, kind: str, values: dict) -> Rendered:
    subject = clean(_block(env, f"{kind}.txt.j2", "subject", values))
    text = _tidy(_block(env, f"{kind}.txt.j2", "text", values))
    html = env.get_template(f"{kind}.html.j2").render(values, subject=subject)
    return Rendered(kind=kind, subject=subject, text=text, html=html)


def _render_notice(env, kind: str, doc_type: str, context: Notice, values: dict, want_docx: bool) -> Rendered:
    name = f"{kind}.j2"
    subject = clean(_block(env, name, "subject", values))
    abstract = clean(_block(env, name, "abstract", values))
    blocks = parse_blocks(_block(env, name, "body", values))
    chart_png = None
    if any(b.kind == "chart" for b in blocks):
        from notices.chart import report_chart

        chart_png = report_chart(context)  # type: ignore[arg-type]
    layout = _layout(doc_type, context, values, abstract, blocks, chart_png)
    chart_src = "data:image/png;base64," + base64.b64encode(chart_png).decode("ascii") if chart_png else ""
    text = _tidy(env.get_template("notice.txt.j2").render(doc=layout))
    html = env.get_template("notice.html.j2").render(doc=layout, subject=subject, chart_src=chart_src)
    data = None
    if want_docx:
        from notices.docx_nd30 import build_docx

        data = build_docx(layout)
    return Rendered(kind=kind, subject=subject, text=text, html=html, docx=data,
                    filename=_filename(subject) if data else None, chart_png=chart_png)


def _layout(doc_type, context: Notice, values: dict, abstract: str, blocks, chart_png) -> Layout:
    sender, signer = context.sender, context.signer
    unit = values.get("unit")
    to = tuple(clean(t) for t in (context.to or ((unit,) if unit else ())))
    if doc_type == "cong_van":
        symbol = clean(sender.abbreviation) + (f"-{clean(sender.drafting_unit)}" if sender.drafting_unit else "")
        title, vv, kinh_gui = "", abstract, to
    else:
        title, code = _TITLES[doc_type]
        symbol = f"{code}-{clean(sender.abbreviation)}"
        vv, kinh_gui = "", (to if doc_type == "bao_cao" else ())
    first = ("Như trên",) if kinh_gui else to
    recipients = tuple(dict.fromkeys(first + tuple(clean(c) for c in context.copies))) + (
        f"Lưu: {clean(context.archive)}",)
    return Layout(
        doc_type=doc_type,
        parent=upper(sender.parent) if sender.parent else "",
        body=upper(sender.name),
        number_line=f"Số:{NUMBER_GAP}/{symbol}",
        date_line=date_line(sender.place, context.date),
        vv=vv,
        title=title,
        abstract=abstract if title else "",
        to=kinh_gui,
        blocks=blocks,
        recipients=recipients,
        authority=upper(signer.authority),
        signer_title=upper(signer.title),
        signer_name=clean(signer.name),
        urgency=upper(context.urgency),
        chart_png=chart_png,
    )
