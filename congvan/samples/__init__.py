"""congvan's own sample letters: a builder for NĐ 30-style letters (text, DOCX, PDF, e-mail) and the demo mailbox.

Every person, number and street in these letters is invented; mail domains end in ``.example``.

    from congvan.samples import Letter
    letter = Letter.cong_van(by="q11.p5", number=12, subject="lấy ý kiến dự thảo kế hoạch ...")
    raw = letter.as_email(sender="q11.p5", to=["q11.qldt"], date=datetime(2025, 1, 20, 9, 0, tzinfo=ICT))
"""

from pathlib import Path

from congvan.samples.letters import ICT, KINDS, Letter, Meeting, forward, plain_email

DEMO_DIR = Path(__file__).with_name("demo")

__all__ = ["DEMO_DIR", "ICT", "KINDS", "Letter", "Meeting", "forward", "plain_email"]
