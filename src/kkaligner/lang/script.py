"""What a name looks like in each script: a capitalised word of three letters or more.

Kazakh Cyrillic names may be hyphenated (Алма-Ата, Ақ-Орда); English names may carry a possessive
('s), which is not part of the name.
"""

from __future__ import annotations

import re

CYRILLIC_NAME = re.compile(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,}(?:-[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+)?")
LATIN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?=['’]s\b|\b)")


__all__ = ["CYRILLIC_NAME", "LATIN_NAME"]
