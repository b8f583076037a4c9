"""The ``newsdoc`` command: ``convert`` folders of files to datasets, ``show`` one document, ``stats``, ``detect``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from . import __version__
from ._convert import ConvertOptions, convert, iter_inputs
from ._errors import NewsdocError
from ._parse import detect, parse_file

_EXAMPLES = {
    None: """\
examples:
  newsdoc convert examples/ -o corpus.jsonl          every file below examples/, one JSON object per line
  newsdoc convert scrape/ --out-dir clean/ --format markdown --resume
  newsdoc show examples/portal/city-portal.txt       what the parser made of one file
  newsdoc stats scrape/ --json                        counts by variant, encoding, site; field coverage
""",
    "convert": """\
examples:
  newsdoc convert examples/ -o corpus.jsonl
  newsdoc convert scrape/ --glob '*.md' --workers 2 --errors failed.jsonl -o corpus.jsonl
  find scrape -name '*.txt' | newsdoc convert - --format text --out-dir plain/
  newsdoc convert scrape/ -o corpus.jsonl --resume    # after an interruption: skips what is already converted

exit status: 0 all converted, 1 some inputs failed, 2 usage error.
""",
    "show": "example:\n  newsdoc show examples/hexo/sina-style.md\n",
    "stats": "examples:\n  newsdoc stats examples/\n  newsdoc stats scrape/ --json > stats.json\n",
    "detect": "example:\n  newsdoc detect examples/portal/city-portal.txt\n",
}
FORMATS = ("jsonl", "json", "markdown", "text")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some inputs failed, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        status: int = args.run(args, parser)
        return status
    except BrokenPipeError:  # `newsdoc convert … | head`
        sys.stderr.close()
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The argparse definition of every command (the docs' command reference is generated from it)."""
    parser = _new_parser("newsdoc", "Turn scraped Chinese news files into clean, typed data.", None)
    parser.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=argparse.ArgumentParser)

    convert_cmd = _new_parser(
        "convert", "Parse files and folders into JSON lines, JSON, Markdown or text.", "convert", commands
    )
    convert_cmd.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders (read recursively), or - to read a list of paths from stdin",
    )
    convert_cmd.add_argument("--glob", metavar="PATTERN", help="only files in folders whose name matches, e.g. '*.md'")
    convert_cmd.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    where = convert_cmd.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", default="-", metavar="OUT", help="output file, - for stdout (default: -)")
    where.add_argument("--out-dir", metavar="DIR", help="write one file per input, mirroring the input tree")
    convert_cmd.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: the number of CPUs; 1 runs in-process)",
    )
    convert_cmd.add_argument("--errors", metavar="FILE", help="write one JSON line per failed input to FILE")
    convert_cmd.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
    convert_cmd.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs already converted (same path and content hash); with --out-dir or a JSON-lines output file",
    )
    convert_cmd.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    convert_cmd.set_defaults(run=_run_convert)

    show_cmd = _new_parser(
        "show", "Print a readable summary of one document: fields, blocks, removals, diagnostics.", "show", commands
    )
    show_cmd.add_argument("file", metavar="FILE", help="the file to parse and summarise")
    show_cmd.set_defaults(run=_run_show)

    stats_cmd = _new_parser(
        "stats", "Count files by variant, encoding, site and category, and field coverage.", "stats", commands
    )
    stats_cmd.add_argument("inputs", nargs="+", metavar="PATH", help="files, or folders read recursively")
    stats_cmd.add_argument("--glob", metavar="PATTERN", help="only files in folders whose name matches")
    stats_cmd.add_argument("--json", action="store_true", help="print the counts as JSON")
    stats_cmd.set_defaults(run=_run_stats)

    detect_cmd = _new_parser("detect", "Print each file's variant, confidence and evidence.", "detect", commands)
    detect_cmd.add_argument("inputs", nargs="+", metavar="PATH", help="files, or folders read recursively")
    detect_cmd.add_argument("--glob", metavar="PATTERN", help="only files in folders whose name matches")
    detect_cmd.set_defaults(run=_run_detect)
    return parser


def _new_parser(name: str, description: str, key: str | None, commands: Any = None) -> argparse.ArgumentParser:
    options: dict[str, Any] = {
        "description": description,
        "epilog": _EXAMPLES[key],
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }
    if commands is None:
        return argparse.ArgumentParser(prog=name, **options)
    parser: argparse.ArgumentParser = commands.add_parser(name, help=description, **options)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _run_convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.resume and not args.out_dir and (args.output == "-" or args.format != "jsonl"):
        parser.error("--resume needs --out-dir DIR or a JSON-lines output file (-o OUT.jsonl)")
    if args.out_dir and args.format == "json":
        args.format = "jsonl"  # one JSON object per file either way
    options = ConvertOptions(
        format=args.format,
        output=None if args.out_dir else args.output,
        out_dir=args.out_dir,
        workers=args.workers,
        errors=args.errors,
        fail_fast=args.fail_fast,
        resume=args.resume,
        progress=not args.quiet and sys.stderr.isatty(),
        summary=not args.quiet,
        glob=args.glob,
    )
    return convert(args.inputs, options)


def _run_show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        doc = parse_file(args.file)
    except NewsdocError as exc:
        print(f"newsdoc: {exc}", file=sys.stderr)
        return 1
    out = sys.stdout
    out.write(f"{args.file}\n  variant   {doc.variant.value}\n  encoding  {doc.encoding}\n")
    for name in (
        "site",
        "title",
        "original_title",
        "summary",
        "published",
        "author",
        "editor",
        "dateline",
        "url",
        "lead_image",
    ):
        value = getattr(doc, name)
        if value is not None:
            out.write(f"  {name:<9} {value.isoformat() if name == 'published' else value}\n")
    for name in ("sources", "categories", "tags"):
        if getattr(doc, name):
            out.write(f"  {name:<9} {', '.join(getattr(doc, name))}\n")
    out.write(f"\nblocks ({len(doc.blocks)})\n")
    for block in doc.blocks:
        label = {"heading": f"h{block.level}", "paragraph": "p", "figure": "img"}[block.kind.value]
        text = block.text if block.kind.value != "figure" else f"{block.image.src if block.image else ''}  {block.text}"
        out.write(f"  {label:<4} {_short(text)}\n")
    out.write(f"\nremoved ({len(doc.removed)})\n")
    for removal in doc.removed:
        out.write(f"  {removal.rule:<18} {_short(removal.text)}\n")
    if doc.extra:
        out.write(f"\nextra\n  {json.dumps(dict(doc.extra), ensure_ascii=False, default=str)}\n")
    out.write(f"\ndiagnostics ({len(doc.diagnostics)})\n")
    for diagnostic in doc.diagnostics:
        out.write(f"  {diagnostic.code:<22} {diagnostic.message}\n")
    return 0


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_COVERAGE = ("title", "published", "author", "editor", "sources", "url", "original_title", "categories", "tags", "site")


def _run_stats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("variant", "encoding", "site", "category")}
    coverage: Counter[str] = Counter()
    files = failed = 0
    for path, _name in iter_inputs(args.inputs, args.glob):
        files += 1
        try:
            doc = parse_file(path)
        except NewsdocError:
            failed += 1
            continue
        counts["variant"][doc.variant.value] += 1
        counts["encoding"][doc.encoding] += 1
        counts["site"][doc.site or "(none)"] += 1
        for category in doc.categories[:1] or ("(none)",):
            counts["category"][category] += 1
        coverage.update(name for name in _COVERAGE if getattr(doc, name))
    report = {
        "files": files,
        "failed": failed,
        **{k: dict(v.most_common()) for k, v in counts.items()},
        "coverage": {name: coverage[name] for name in _COVERAGE},
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if failed else 0
    parsed = files - failed
    print(f"{files} files, {parsed} parsed, {failed} failed\n")
    for key, counter in counts.items():
        print(f"{key}")
        for value, n in counter.most_common(15):
            print(f"  {value:<30} {n:>7}")
        print()
    print("field coverage")
    for name in _COVERAGE:
        share = coverage[name] / parsed if parsed else 0.0
        print(f"  {name:<30} {coverage[name]:>7}  {share:6.1%}")
    return 1 if failed else 0


def _run_detect(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    failed = 0
    for path, name in iter_inputs(args.inputs, args.glob):
        try:
            with open(path, "rb") as fh:
                found = detect(fh.read())
        except (NewsdocError, OSError) as exc:
            failed += 1
            print(f"newsdoc: {name}: {exc}", file=sys.stderr)
            continue
        print(f"{name}\t{found.variant.value}\t{found.confidence:.2f}\t{'; '.join(found.evidence)}")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
