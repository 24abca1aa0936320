"""The clerk's desk: server-rendered pages (Flask + Jinja2) over the tracker's use cases.

Templates are in ``templates/web/``, the stylesheet and the little JavaScript in ``web/static/``. No page runs inline
script or renders mail HTML: outsiders' text is escaped, and a draft's e-mail is shown in a sandboxed frame.
"""
