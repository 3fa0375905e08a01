"""Where the built-in templates are: inside the installed wheel, or in a checkout."""

from __future__ import annotations

from pathlib import Path

BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "templates"
SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def default_templates() -> Path:
    """Templates inside the installed wheel, or the repository's own folder in a checkout."""
    return BUILTIN_TEMPLATES if BUILTIN_TEMPLATES.is_dir() else SOURCE_TEMPLATES
