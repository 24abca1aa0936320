"""The Jinja2 templates of the drafts a clerk receives (shipped as package data)."""

from pathlib import Path


def templates_dir() -> Path:
    """The folder holding the ``*.j2`` templates."""
    return Path(__file__).resolve().parent
