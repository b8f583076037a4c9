"""The ``newsdoc`` command: ``convert`` files and folders to JSON lines, ``detect`` variants."""

from __future__ import annotations

import argparse
import json

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from ._errors import NewsdocError
from ._parse import detect, parse_file

_EXAMPLES = """\
examples:
  newsdoc convert examples/ -o corpus.jsonl     every file below examples/, one JSON object per line
  newsdoc detect examples/portal/city-portal.txt
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        result: int = args.run(args)
        return result
    except BrokenPipeError:  # `newsdoc convert … | head`
        sys.stderr.close()
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdoc",
        description="Turn scraped Chinese news files into clean, typed data.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    convert = commands.add_parser("convert", help="parse files and folders into JSON lines", epilog=_EXAMPLES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("inputs", nargs="+", metavar="PATH", help="files, or folders read recursively")
    convert.add_argument("-o", "--output", default="-", metavar="OUT", help="output file (default: - for stdout)")
    convert.set_defaults(run=_convert)
    detect_cmd = commands.add_parser("detect", help="print each file's variant, confidence and evidence")
    detect_cmd.add_argument("inputs", nargs="+", metavar="PATH")
    detect_cmd.set_defaults(run=_detect)
    return parser


def iter_inputs(inputs: Sequence[str]) -> Iterator[tuple[Path, str]]:
    """(file, name to record): a file as given, or each file below a folder with its path relative to the folder."""
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield path, path.relative_to(root).as_posix()
        else:
            yield root, given


def _convert(args: argparse.Namespace) -> int:
    failed = 0
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for path, name in iter_inputs(args.inputs):
            try:
                doc = parse_file(path)
            except NewsdocError as exc:
                failed += 1
                print(f"newsdoc: {exc}", file=sys.stderr)
                continue
            except Exception as exc:  # a bug in newsdoc: report it with the file and go on with the batch
                failed += 1
                print(f"newsdoc: {name}: internal error {type(exc).__name__}: {exc} (please report)", file=sys.stderr)
                continue
            record = doc.to_dict()
            record["path"] = name
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _detect(args: argparse.Namespace) -> int:
    failed = 0
    for path, name in iter_inputs(args.inputs):
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


__all__ = ["iter_inputs", "main"]

