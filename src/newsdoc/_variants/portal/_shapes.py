"""Shapes that several steps share."""

from __future__ import annotations

import re

#: A list or menu item (• 正文, □ 通知, 1. 标题): never a wrapped line's tail, a meta line or a headline.
BULLET = re.compile(r"^\s*(?:[•□·▪◆●]|\d{1,2}\.\s)")
#: Traditional editor labels (責任編輯) ranked as their simplified forms.
SIMPLIFIED = str.maketrans("責編輯", "责编辑")
