"""``.. newsdoc-cli:: [module:function]`` — the command-line reference, generated from the argparse parser.

The directive imports the function (default ``newsdoc.cli:build_parser``), calls it, and walks the parser and its
sub-commands: usage line, description, every positional argument and option with its help, default, choices and
repetition, and the epilog. Each option becomes a Sphinx ``.. option::`` under ``.. program:: newsdoc <command>``,
so pages can link to it with ``:option:`newsdoc convert -o```. When the command grows an option, the docs grow it too.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Iterator

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

#: Usage lines are wrapped at this width, whatever the terminal of the person building the docs.
USAGE_WIDTH = 88
_RST_SPECIAL = re.compile(r"([\\`*_|\[\]<>:])")
_NARGS = {"+": "Give one or more.", "*": "Give zero or more.", "?": "Optional."}


def escape(text: str) -> str:
    """Help text as literal reStructuredText: inline markup characters are backslash-escaped."""
    return _RST_SPECIAL.sub(r"\\\1", text)


#: An option named in help text (``--out-dir``, ``-o``): shown as code, so that ``--`` does not become a dash.
_OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def inline(text: str) -> str:
    """Help text as reStructuredText: options as literals, everything else escaped."""
    parts = _OPTION.split(text)
    return "".join(f"``{part}``" if i % 2 else escape(part) for i, part in enumerate(parts))


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = parser.formatter_class(prog=parser.prog, width=USAGE_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return formatter.format_help().strip()


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help:
        return ""
    try:
        return parser._get_formatter()._expand_help(action)  # %(default)s, %(prog)s, … as argparse prints them
    except (KeyError, TypeError, ValueError):
        return action.help


def _signature(action: argparse.Action) -> str:
    if not action.option_strings:
        return str(action.metavar or action.dest)
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    metavar = action.metavar or action.dest.upper()
    value = " ".join(metavar) if isinstance(metavar, tuple) else str(metavar)
    return ", ".join(f"{opt} {value}" for opt in action.option_strings)


def _details(parser: argparse.ArgumentParser, action: argparse.Action) -> list[str]:
    """Sentences about one argument: its help, then what argparse knows and the help may not say."""
    help_text = _help(parser, action)
    sentences = [inline(help_text[:1].upper() + help_text[1:]).rstrip(".") + "."] if help_text else []
    if action.choices and not isinstance(action, argparse._SubParsersAction):
        sentences.append("One of " + ", ".join(f"``{c}``" for c in action.choices) + ".")
    if isinstance(action.nargs, str) and action.nargs in _NARGS:
        sentences.append(_NARGS[action.nargs])
    elif isinstance(action.nargs, int) and action.nargs > 1:
        sentences.append(f"Takes {action.nargs} values.")
    if isinstance(action, (argparse._AppendAction, argparse._AppendConstAction, argparse._CountAction)):
        sentences.append("May be repeated.")
    if action.option_strings and action.required:
        sentences.append("Required.")
    for group in parser._mutually_exclusive_groups:
        if action in group._group_actions:
            others = [o.option_strings[-1] for o in group._group_actions if o is not action and o.option_strings]
            if others:
                sentences.append("Cannot be combined with " + " or ".join(f"``{o}``" for o in others) + ".")
    default = action.default
    shows_default = default not in (None, argparse.SUPPRESS, False, True, [], ()) and action.nargs != 0
    if shows_default and "default" not in help_text.lower():
        sentences.append(f"Default: ``{default}``.")
    return sentences


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:  # an alias of a command already listed
                    continue
                seen.add(id(sub))
                yield name, helps.get(name, ""), sub


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.help != argparse.SUPPRESS and not isinstance(a, argparse._SubParsersAction)]


def render(parser: argparse.ArgumentParser, *, summary: str = "", level: int = 0) -> Iterator[str]:
    """The reStructuredText for one parser and, recursively, its sub-commands."""
    underline = "-~^'"[min(level, 3)]
    title = f"``{parser.prog}``"
    yield title
    yield underline * len(title)
    yield ""
    if summary and summary != parser.description:
        yield inline(summary[:1].upper() + summary[1:]).rstrip(".") + "."
        yield ""
    yield f".. program:: {parser.prog}"
    yield ""
    yield ".. code-block:: text"
    yield ""
    for line in _usage(parser).splitlines():
        yield f"   {line}"
    yield ""
    if parser.description:
        yield from _text_block(parser.description, parser)
    positionals = [a for a in _arguments(parser) if not a.option_strings]
    options = [a for a in _arguments(parser) if a.option_strings]
    for heading, actions in (("Arguments", positionals), ("Options", options)):
        if not actions:
            continue
        yield f"**{heading}**"
        yield ""
        for action in actions:
            yield f".. option:: {_signature(action)}"
            yield ""
            details = _details(parser, action)
            if details:
                yield "   " + " ".join(details)
                yield ""
    commands = list(_subcommands(parser))
    if commands:
        yield "**Commands**"
        yield ""
        for name, help_text, _ in commands:
            yield f"* ``{name}`` — {inline(help_text) or '(no help text)'}"
        yield ""
    if parser.epilog:
        yield from _text_block(parser.epilog, parser)
    for _, help_text, sub in commands:
        yield from render(sub, summary=help_text, level=level + 1)


def _text_block(text: str, parser: argparse.ArgumentParser) -> Iterator[str]:
    """A description or epilog: kept verbatim (a literal block) when the parser keeps its layout, else a paragraph."""
    text = text % {"prog": parser.prog} if "%(prog)" in text else text
    if issubclass(parser.formatter_class, argparse.RawDescriptionHelpFormatter) and "\n" in text.strip():
        yield ".. code-block:: text"
        yield ""
        for line in text.rstrip().splitlines():
            yield f"   {line}" if line.strip() else ""
    else:
        yield inline(" ".join(text.split()))
    yield ""


class CliDirective(SphinxDirective):
    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0] if self.arguments else "newsdoc.cli:build_parser"
        module_name, _, function = target.partition(":")
        try:
            module = importlib.import_module(module_name)
            parser = getattr(module, function or "build_parser")()
        except Exception as exc:  # any failure is reported as a build error naming the target
            raise self.error(f"newsdoc-cli: cannot build the parser from {target!r}: {exc}") from exc
        if not isinstance(parser, argparse.ArgumentParser):
            raise self.error(f"newsdoc-cli: {target!r} returned {type(parser).__name__}, not an ArgumentParser")
        self.env.note_dependency(__file__)  # rebuild when this directive changes, or the parser's module
        if module.__file__:
            self.env.note_dependency(module.__file__)
        lines = list(render(parser))
        source = f"<generated from {target}>"
        holder = nodes.section()  # titles inside become sub-sections of the page's current section
        holder.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source=source), holder)
        return holder.children


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("newsdoc-cli", CliDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
