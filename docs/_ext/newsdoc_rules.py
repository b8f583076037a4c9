"""``.. newsdoc-rules:: text|markup|widgets|front-matter`` — tables generated from newsdoc's own data.

The tables are read at build time from :data:`newsdoc.TEXT_RULES`, :data:`newsdoc.MARKUP_RULES`, the widget
markers in ``newsdoc._rules`` and the front matter key map in ``newsdoc._metadata``, so the documentation cannot
drift from the code. Each field a rule fills is a cross-reference to that :class:`newsdoc.Document` attribute:
with ``nitpicky = True`` and ``-W``, a rule that fills a field the document does not have breaks the docs build.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

Cell = str | nodes.Node | None

_WHERE = {
    "block": "a whole block",
    "head": "start of the first paragraph",
    "tail": "end of the last paragraph",
}


def _paragraph(cell: Cell) -> nodes.Node:
    if isinstance(cell, nodes.Node):
        return cell if isinstance(cell, nodes.paragraph) else nodes.paragraph("", "", cell)
    return nodes.paragraph(text=cell or "—")


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += _paragraph(cell)
        row += entry
    return row


def _table(title: str, headers: Sequence[str], widths: Sequence[int], rows: Iterable[Sequence[Cell]]) -> nodes.table:
    table = nodes.table(classes=["newsdoc-rules", "longtable"])
    table += nodes.title(text=title)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += _row(cells)
    group += body
    return table


def _literals(items: Iterable[str]) -> nodes.paragraph | None:
    """``a``, ``b``, ``c`` — or None (rendered as a dash) when there are none."""
    para = nodes.paragraph()
    for i, item in enumerate(sorted(items) if isinstance(items, (set, frozenset)) else items):
        if i:
            para += nodes.Text(", ")
        para += nodes.literal(text=item)
    return para if len(para) else None


def _field_refs(fields: Iterable[str]) -> nodes.paragraph | None:
    """Each field as a link to the Document attribute it fills."""
    para = nodes.paragraph()
    for i, field in enumerate(fields):
        if i:
            para += nodes.Text(", ")
        ref = addnodes.pending_xref(
            "", refdomain="py", reftype="attr", reftarget=f"newsdoc.Document.{field}", refexplicit=True
        )
        ref += nodes.literal(text=field)
        para += ref
    return para if len(para) else None


def _name(name: str) -> nodes.paragraph:
    """The rule name, with an anchor (``#rule-<name>``) that other pages can link to."""
    para = nodes.paragraph(ids=[f"rule-{name}"])
    para += nodes.literal(text=name)
    return para


def text_rules() -> nodes.table:
    import newsdoc

    rows: list[Sequence[Cell]] = [
        (
            _name(r.name),
            r.description,
            _WHERE.get(r.where, r.where),
            _field_refs(r.fields),
            "removed" if r.removes else "kept in the text",
            str(r.max_length) if r.where == "block" else "—",
        )
        for r in newsdoc.TEXT_RULES
    ]
    title = f"The {len(rows)} text rules (newsdoc.TEXT_RULES), in the order they are tried"
    headers = ("name", "what it matches", "where it looks", "fields it fills", "the match is", "max length")
    return _table(title, headers, (14, 40, 14, 14, 10, 8), rows)


def markup_rules() -> nodes.table:
    import newsdoc

    rows: list[Sequence[Cell]] = [
        (
            _name(r.name),
            r.description,
            _literals(r.tags),
            _literals(r.classes),
            _literals((*r.styles, *(f"[{a}]" for a in r.attributes))),
        )
        for r in newsdoc.MARKUP_RULES
    ]
    title = f"The {len(rows)} markup rules (newsdoc.MARKUP_RULES), in the order they are tried"
    headers = ("name", "what it removes", "tags", "class contains", "inline style / attribute")
    return _table(title, headers, (14, 36, 22, 18, 18), rows)


def widget_rules() -> nodes.table:
    from newsdoc import _rules

    rows: list[Sequence[Cell]] = [
        (_name(name), _literals([start]), _literals([end])) for name, start, end in _rules.WIDGET_COMMENTS
    ]
    title = "Widget rules: everything between two marker comments is removed"
    return _table(title, ("name", "start comment contains", "end comment contains"), (20, 30, 30), rows)


def front_matter_keys() -> nodes.table:
    from newsdoc import _metadata

    rows: list[Sequence[Cell]] = [(_field_refs([field]), _literals(keys)) for field, keys in _metadata.KEYS.items()]
    title = "Front matter keys read into document fields (the first key present wins)"
    return _table(title, ("field", "front matter keys"), (20, 60), rows)


#: Table name -> (builder, module whose source it is generated from).
TABLES = {
    "text": (text_rules, "newsdoc._rules"),
    "markup": (markup_rules, "newsdoc._rules"),
    "widgets": (widget_rules, "newsdoc._rules"),
    "front-matter": (front_matter_keys, "newsdoc._metadata"),
}


class RulesDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in TABLES:
            raise self.error(f"newsdoc-rules: unknown table {kind!r}; use one of {', '.join(TABLES)}")
        build, module_name = TABLES[kind]
        source = importlib.import_module(module_name).__file__
        self.env.note_dependency(__file__)
        if source:  # rebuild the page when the rules change
            self.env.note_dependency(source)
        return [build()]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("newsdoc-rules", RulesDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
