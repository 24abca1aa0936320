"""How fast drafts render: each kind to text + HTML (+ .docx), and to a full e-mail. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_render.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta, timezone

from notices.mime import build_message
from notices.render import render
from notices.samples import SAMPLES

WHEN = datetime(2026, 11, 20, 8, 30, tzinfo=timezone(timedelta(hours=7)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    print(f"{'kind':<18}{'text+html ms':>14}{'with .docx ms':>15}{'e-mail ms':>11}{'e-mail KiB':>12}")
    for kind, make in SAMPLES.items():
        context = make()
        render(kind, context)  # warm: templates compiled, matplotlib imported
        figures = []
        for docx in (False, True):
            start = time.perf_counter()
            for _ in range(args.repeat):
                rendered = render(kind, context, docx=docx)
            figures.append((time.perf_counter() - start) / args.repeat * 1000)
        start = time.perf_counter()
        for _ in range(args.repeat):
            raw = build_message(rendered, from_addr="qldt@quan11.example", to_addrs="p5@quan11.example", date=WHEN,
                                message_id_domain="quan11.example")
        mail_ms = (time.perf_counter() - start) / args.repeat * 1000
        print(f"{kind:<18}{figures[0]:>14.2f}{figures[1]:>15.2f}{mail_ms:>11.2f}{len(raw) / 1024:>12.1f}")


if __name__ == "__main__":
    main()
