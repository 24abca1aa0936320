"""Jinja2 templates of the clerk's desk (web/), shipped as package data."""
