"""Write the missing expected .json files for tests/data fixtures. Never overwrites: review each new file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import newsdoc
from tests.test_fixtures import fixtures, view

for path in fixtures():
    target = path.with_suffix(".json")
    if target.exists():
        continue
    record = view(newsdoc.parse_file(path))
    target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target} — review it line by line")
