"""Line shapes the text variants share (bare text header lines, portal meta lines)."""

from __future__ import annotations

import re

#: Sentence punctuation: a line holding it is prose, not a header or meta line.
PROSE = re.compile(r"[。！？；]")
#: Where a date starts in a value run on to it: 来源：某报2024-05-13 08:49.
DATE_START = re.compile(r"(?:19|20)\d\d\s*[-年/.]")
