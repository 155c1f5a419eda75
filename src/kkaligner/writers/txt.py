"""Plain-text writer: the draft with the source's layout, nothing else.

The signature is not written here (a txt draft is meant to be pasted on); it goes to the report.
"""

from __future__ import annotations

from kkaligner.types import Draft


def render(draft: Draft) -> str:
    return draft.text
