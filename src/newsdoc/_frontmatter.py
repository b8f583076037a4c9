"""Stage 3 for front-matter files: find the header, and load it with python-frontmatter's handlers.

The handlers do the YAML/JSON/TOML work; this module only finds where the header is (python-frontmatter's own
``parse`` strips the text and expects the fence on the first line, which Hexo files do not always have) and turns
every parser exception into a :class:`FrontMatterError` with the file's line and column.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from typing import Any

import attrs
import yaml
from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

from ._errors import FrontMatterError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_YAML_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)
_JSON_END = re.compile(r"^;;;[ \t]*$", re.MULTILINE)
#: A YAML key line, the shape of an unfenced Hexo header's first line.
_KEY_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)")
#: The lines of an unfenced header: keys, their indented values and list items. A headline such as "NovaDB: 国产…"
#: followed by paragraphs and, further down, a "---" separator is not a header.
_HEADER_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)|[ \t]+\S|-(?:[ \t]|$)|#")
#: The most scalars a header may expand to: far above any real post, far below an alias bomb's billions.
MAX_HEADER_VALUES = 10_000
#: The deepest nesting a header may have: real posts use 2 (a list of categories), this leaves room for anything sane.
MAX_HEADER_DEPTH = 50


class _StringLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML that leaves plain scalars as strings: no YAML 1.1 bools, numbers or timestamps.

    ``title: 2021`` stays "2021", ``tags: yes`` stays "yes", ``date: 2021-12-24 17:22:41`` stays as written.
    Only ``null``/``~``/empty stay None. Unsafe tags such as ``!!python/object`` still raise.
    """


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _YAML(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return super().load(fm, Loader=_StringLoader)


class _TOML(BaseHandler):
    FM_BOUNDARY = _TOML_FENCE
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str) -> Any:
        return tomllib.loads(fm)


@attrs.frozen
class Header:
    """A file's front matter, loaded, and the body after it."""

    format: str  # "yaml" | "json" | "toml"
    metadata: Mapping[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts
    evidence: tuple[str, ...]


def find_header(text: str) -> tuple[str, int] | None:
    """Where a header starts: ("yaml"|"yaml-unfenced"|"toml"|"json", offset), or None. Cheap: no parsing."""
    start = len(text) - len(text.lstrip("\n \t"))
    head = text[start : start + 4]
    if head.startswith("---") and _YAML_FENCE.match(text, start):
        return "yaml", start
    if head.startswith("+++") and _TOML_FENCE.match(text, start):
        return "toml", start
    if head.startswith(("{", '"', ";;;")) and _JSON_END.search(text, start + 3 if head.startswith(";;;") else start):
        return "json", start
    if _KEY_LINE.match(text, start):
        fence = _YAML_FENCE.search(text, start)
        if fence and all(_HEADER_LINE.match(line) for line in text[start : fence.start()].split("\n") if line.strip()):
            return "yaml-unfenced", start
    return None


def read_header(text: str, kind: str, start: int) -> Header:
    """Split and load the header found by :func:`find_header`. Raises FrontMatterError."""
    first_line = text.count("\n", 0, start) + 1
    if kind in ("yaml", "toml"):
        handler: BaseHandler = _YAML() if kind == "yaml" else _TOML()
        try:
            fm, body = handler.split(text[start:])
            if fm.startswith("\n"):  # the handler's split keeps the newline after the opening fence
                fm = fm[1:]
        except ValueError:
            raise FrontMatterError(
                f"{kind.upper()} front matter opened here is never closed", lineno=first_line
            ) from None
        evidence = (f"{kind.upper()} front matter between fences",)
        fm_line = first_line + 1
    else:
        if kind == "json" and text.startswith(";;;", start):  # Hexo also accepts an opening ';;;'
            start = text.index("\n", start) + 1 if "\n" in text[start:] else len(text)
            first_line += 1
        end = (_YAML_FENCE if kind == "yaml-unfenced" else _JSON_END).search(text, start)
        if end is None:
            raise FrontMatterError("JSON front matter opened here is never closed by ';;;'", lineno=first_line)
        fm, body = text[start : end.start()], text[end.end() :]
        if kind == "json" and not fm.lstrip().startswith("{"):  # Hexo's brace-less form: "key": value, lines
            fm = "{" + fm.rstrip().rstrip(",") + "}"
        handler = _YAML() if kind == "yaml-unfenced" else JSONHandler()
        evidence = (
            ("front matter without an opening '---'",)
            if kind == "yaml-unfenced"
            else ("JSON front matter ended by ';;;'",)
        )
        fm_line = first_line
    metadata = _load(handler, fm, fm_line)
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return Header(kind.split("-")[0], metadata, body, body_line, evidence)


def _load(handler: BaseHandler, fm: str, fm_line: int) -> Mapping[str, Any]:
    _check_nesting(fm, fm_line)
    try:
        data = handler.load(fm)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is found at the end of the header: point at where it was opened instead.
        opened = exc.context_mark is not None and any(w in (exc.context or "") for w in ("quoted scalar", "flow"))
        mark = exc.context_mark if opened else exc.problem_mark or exc.context_mark
        line, col = (fm_line + mark.line, mark.column + 1) if mark else (fm_line, None)
        problem = f"{exc.problem} {exc.context}" if opened else exc.problem or exc.context or "invalid YAML"
        raise FrontMatterError(f"invalid YAML front matter: {problem}", lineno=line, colno=col) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"invalid YAML front matter: {exc}", lineno=fm_line) from None
    except json.JSONDecodeError as exc:
        raise FrontMatterError(
            f"invalid JSON front matter: {exc.msg}", lineno=fm_line + exc.lineno - 1, colno=exc.colno
        ) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)", str(exc))
        message = str(exc)[: where.start()] if where else str(exc)
        line, col = (fm_line + int(where[1]) - 1, int(where[2])) if where else (fm_line, None)
        raise FrontMatterError(f"invalid TOML front matter: {message}", lineno=line, colno=col) from None
    except RecursionError:
        raise FrontMatterError("front matter nested too deeply", lineno=fm_line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping of keys", lineno=fm_line)
    _check_size(data, fm_line)
    return data


def _check_nesting(fm: str, fm_line: int) -> None:
    """Refuse absurdly nested flow collections before the YAML parser recurses into them (its C stack is finite)."""
    if fm.count("[") + fm.count("{") <= MAX_HEADER_DEPTH:
        return
    depth = 0
    for ch in fm:
        if ch in "[{":
            depth += 1
            if depth > MAX_HEADER_DEPTH:
                raise FrontMatterError(f"front matter nested more than {MAX_HEADER_DEPTH} levels deep", lineno=fm_line)
        elif ch in "]}" and depth:
            depth -= 1


def _check_size(data: Any, fm_line: int) -> None:
    """Refuse headers that expand to huge values (YAML alias bombs) or nest deeply, before anything walks them."""
    budget = MAX_HEADER_VALUES
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        budget -= 1
        if budget < 0:
            raise FrontMatterError(
                f"front matter expands to more than {MAX_HEADER_VALUES} values (a YAML alias bomb?)", lineno=fm_line
            )
        if depth > MAX_HEADER_DEPTH:
            raise FrontMatterError(f"front matter nested more than {MAX_HEADER_DEPTH} levels deep", lineno=fm_line)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in (*value.keys(), *value.values()))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
