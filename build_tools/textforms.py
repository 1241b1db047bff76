"""Small pure operations on source strings shared by pages and downloads."""
from __future__ import annotations


def plain(text: str) -> str:
    """Published text without the inline `**run-in heading**` markup."""
    return text.replace("**", "")
