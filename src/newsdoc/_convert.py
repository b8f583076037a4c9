"""The converter behind ``newsdoc convert``: many files in, one dataset out, every failure accounted for.

Inputs are listed first (so the progress bar knows the total), then parsed and serialised in worker processes, in
chunks, and written by the main process in input order. Output files are written to a temporary name and renamed,
so an interrupted run never leaves a half-written file; ``--resume`` skips inputs whose path and content hash are
already in the output.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import IO, Any

import attrs

from ._errors import NewsdocError
from ._export import to_markdown, to_text
from ._model import Document
from ._parse import parse

_EXTENSIONS = {"jsonl": ".json", "json": ".json", "markdown": ".md", "text": ".txt"}
MANIFEST = ".newsdoc-manifest.jsonl"


@attrs.frozen(kw_only=True)
class ConvertOptions:
    """How to convert: what to write, where, with how many workers, and what to do on failure."""

    format: str = "jsonl"
    output: str | None = "-"
    out_dir: str | None = None
    workers: int | None = None
    errors: str | None = None
    fail_fast: bool = False
    resume: bool = False
    progress: bool = False
    summary: bool = True
    glob: str | None = None


@attrs.frozen
class _Job:
    index: int
    path: str
    name: str


def iter_inputs(inputs: Sequence[str], glob: str | None = None) -> Iterator[tuple[Path, str]]:
    """(file, name to record): a file as given; each file below a folder, named relative to the folder; ``-`` reads
    one path per line from stdin."""
    for given in inputs:
        if given == "-":
            for line in sys.stdin:
                if line.strip():
                    yield from iter_inputs([line.rstrip("\n")], glob)
            continue
        root = Path(given)
        if root.is_dir():
            files = (p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
            for path in sorted(files):
                if glob is None or fnmatch.fnmatch(path.name, glob):
                    yield path, path.relative_to(root).as_posix()
        else:
            yield root, given


def convert(inputs: Sequence[str], options: ConvertOptions) -> int:
    """Run a conversion; returns 0 when every input converted, 1 when some failed."""
    started = time.perf_counter()
    jobs = [_Job(i, str(path), name) for i, (path, name) in enumerate(iter_inputs(inputs, options.glob))]
    sink = _DirSink(options) if options.out_dir else _StreamSink(options)
    todo = [job for job in jobs if not sink.done(job)]
    failures: list[dict[str, Any]] = []
    variants: Counter[str] = Counter()
    progress = _Progress(len(todo), enabled=options.progress)
    try:
        for result in _results(todo, options):
            if result["ok"]:
                sink.write(result)
                variants[result["variant"]] += 1
            else:
                failures.append(result["error"])
                print(f"newsdoc: {_describe(result['error'])}", file=sys.stderr)
                if options.fail_fast:
                    break
            progress.step()
        sink.finish(complete=not (options.fail_fast and failures))
    finally:
        progress.close()
        sink.close()
        if options.errors is not None:
            _write_atomic(Path(options.errors), "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in failures))
    if options.summary:
        _summary(len(jobs), len(jobs) - len(todo), variants, failures, time.perf_counter() - started, options)
    return 1 if failures else 0


def _results(jobs: list[_Job], options: ConvertOptions) -> Iterator[dict[str, Any]]:
    workers = options.workers or os.cpu_count() or 1
    task = _Task(options.format, options.out_dir)
    if workers == 1 or len(jobs) < 2:
        yield from map(task, jobs)
        return
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    with multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork").Pool(workers) as pool:
        yield from pool.imap(task, jobs, chunksize=chunk)


@attrs.frozen
class _Task:
    """What a worker does with one input: read, hash, parse, serialise (and, with --out-dir, write)."""

    format: str
    out_dir: str | None

    def __call__(self, job: _Job) -> dict[str, Any]:
        try:
            data = Path(job.path).read_bytes()
        except OSError as exc:
            kind = "InputError"
            message = "is a directory, not a file" if isinstance(exc, IsADirectoryError) else exc.strerror or str(exc)
            return _failure(job, kind, f"cannot read the file: {message}")
        digest = hashlib.sha256(data).hexdigest()
        try:
            doc = parse(data, path=job.name)
        except NewsdocError as exc:
            return _failure(job, type(exc).__name__, exc.msg, exc.lineno, exc.colno)
        except Exception as exc:  # a bug in newsdoc: reported with the file, and the batch goes on
            return _failure(job, "InternalError", f"{type(exc).__name__}: {exc} (please report this file)")
        payload = serialise(doc, self.format, job.name, digest)
        result = {"ok": True, "index": job.index, "name": job.name, "sha256": digest, "variant": doc.variant.value}
        if self.out_dir is None:
            result["payload"] = payload
        else:
            target = safe_target(Path(self.out_dir), job.name, _EXTENSIONS[self.format])
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(target, payload)
            result["output"] = target.relative_to(Path(self.out_dir).resolve()).as_posix()
        return result


def serialise(doc: Document, fmt: str, name: str, digest: str) -> str:
    """One document in an output format; JSON records carry the input's path and SHA-256 (used by --resume)."""
    if fmt == "markdown":
        return to_markdown(doc)
    if fmt == "text":
        return to_text(doc)
    record = doc.to_dict()
    record["path"] = name
    record["sha256"] = digest
    return json.dumps(record, ensure_ascii=False) + ("\n" if fmt == "jsonl" else "")


def _failure(job: _Job, kind: str, message: str, line: int | None = None, column: int | None = None) -> dict[str, Any]:
    error = {"path": job.name, "error": kind, "message": message, "line": line, "column": column}
    return {"ok": False, "index": job.index, "name": job.name, "error": error}


def _describe(error: dict[str, Any]) -> str:
    at = (
        f" (at line {error['line']}" + (f", column {error['column']}" if error["column"] else "") + ")"
        if error["line"]
        else ""
    )
    return f"{error['path']}: {error['error']}: {error['message']}{at}"


def safe_target(out_dir: Path, name: str, extension: str) -> Path:
    """Where the output for input ``name`` goes: its path below ``out_dir``, never outside it whatever the name."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("/", "", ".")]
    parts = ["_" if p == ".." else p.replace(":", "_") for p in parts] or ["_"]
    relative = PurePosixPath(*parts)
    relative = (
        relative.with_name(relative.name + extension) if relative.suffix == "" else relative.with_suffix(extension)
    )
    root = out_dir.resolve()
    target = (root / relative).resolve()
    if os.path.commonpath([root, target]) != str(root):  # a symlink inside out_dir pointing out
        target = root / (hashlib.sha256(name.encode()).hexdigest()[:16] + extension)
    return target


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class _StreamSink:
    """Output to stdout or one file (JSON lines or one JSON array), written under a temporary name until complete."""

    def __init__(self, options: ConvertOptions) -> None:
        self.format = options.format
        self.first = True
        self.previous: dict[str, tuple[str, str]] = {}  # path -> (sha256, JSON line) of an earlier run (--resume)
        self.target = None if options.output in (None, "-") else Path(options.output)
        self.out: IO[str]
        if self.target is None:
            self.out, self.tmp = sys.stdout, None
        else:
            self.tmp = self.target.with_name(f".{self.target.name}.partial")
            previous = self._previous(options.resume)
            self.out = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
            self._keep(previous)
        if self.format == "json":
            self.out.write("[")

    def _previous(self, resume: bool) -> list[str]:
        """Complete lines of an earlier run's output (its finished file, or the partial one it left)."""
        if not resume or self.target is None:
            return []
        for source in (self.tmp, self.target):
            if source is not None and source.exists():
                text = source.read_text(encoding="utf-8")
                return text.splitlines()[:-1] if text and not text.endswith("\n") else text.splitlines()
        return []

    def _keep(self, lines: Iterable[str]) -> None:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            self.previous[str(record.get("path"))] = (str(record.get("sha256")), line)

    def done(self, job: _Job) -> bool:
        earlier = self.previous.get(job.name)
        if earlier is None:
            return False
        try:
            digest = hashlib.sha256(Path(job.path).read_bytes()).hexdigest()
        except OSError:
            return False
        if digest != earlier[0]:
            return False
        self.out.write(earlier[1] + "\n")  # the earlier record is kept, in input order
        return True

    def write(self, result: dict[str, Any]) -> None:
        payload = result["payload"]
        if self.format == "json":
            self.out.write(("\n" if self.first else ",\n") + payload)
        elif self.format == "jsonl":
            self.out.write(payload)
        else:  # Markdown or text documents in one stream are separated by a line holding a form feed
            self.out.write(("" if self.first else "\f\n") + payload)
        self.first = False

    def finish(self, complete: bool) -> None:
        if self.format == "json":
            self.out.write("\n]\n")
        self.out.flush()
        self.complete = complete

    def close(self) -> None:
        if self.out is sys.stdout:
            self.out.flush()
            return
        self.out.close()
        if getattr(self, "complete", False) and self.tmp is not None and self.target is not None:
            os.replace(self.tmp, self.target)


class _DirSink:
    """One output file per input below a folder, plus a manifest of (path, hash, output) for --resume."""

    def __init__(self, options: ConvertOptions) -> None:
        assert options.out_dir is not None
        self.root = Path(options.out_dir)
        self.root.mkdir(parents=True, exist_ok=True)
        self.manifest_path = self.root / MANIFEST
        self.previous: dict[str, tuple[str, str]] = {}
        if options.resume and self.manifest_path.exists():
            for line in self.manifest_path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    self.previous[entry["path"]] = (entry["sha256"], entry["output"])
                except (ValueError, KeyError, TypeError):
                    continue  # a torn last line of an interrupted run
        self.manifest = open(self.manifest_path, "a" if options.resume else "w", encoding="utf-8")  # noqa: SIM115

    def done(self, job: _Job) -> bool:
        earlier = self.previous.get(job.name)
        if earlier is None or not (self.root / earlier[1]).exists():
            return False
        try:
            return hashlib.sha256(Path(job.path).read_bytes()).hexdigest() == earlier[0]
        except OSError:
            return False

    def write(self, result: dict[str, Any]) -> None:
        entry = {"path": result["name"], "sha256": result["sha256"], "output": result["output"]}
        self.manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.manifest.flush()

    def finish(self, complete: bool) -> None:
        pass

    def close(self) -> None:
        self.manifest.close()


class _Progress:
    """A one-line progress bar on stderr: files done, docs/s, ETA. Silent unless stderr is a terminal."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.enabled, self.done = total, enabled, 0
        self.started = self.shown = time.perf_counter()

    def step(self) -> None:
        self.done += 1
        now = time.perf_counter()
        if self.enabled and (now - self.shown > 0.2 or self.done == self.total):
            self.shown = now
            rate = self.done / max(now - self.started, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0
            filled = int(30 * self.done / max(self.total, 1))
            bar = "#" * filled + "-" * (30 - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} files  {rate:,.0f} docs/s  ETA {eta:,.0f}s ")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _summary(
    total: int,
    skipped: int,
    variants: Counter[str],
    failures: list[dict[str, Any]],
    seconds: float,
    options: ConvertOptions,
) -> None:
    converted = sum(variants.values())
    by_variant = ", ".join(f"{name} {n}" for name, n in sorted(variants.items())) or "none"
    parts = [f"newsdoc: {total} files: converted {converted} ({by_variant})"]
    if skipped:
        parts.append(f"skipped {skipped} already converted")
    failed = f"{len(failures)} failed"
    if failures and options.errors:
        failed += f" (listed in {options.errors})"
    parts.append(failed)
    rate = converted / seconds if seconds > 0 else 0.0
    print("; ".join(parts) + f"; {seconds:.1f} s, {rate:,.0f} docs/s.", file=sys.stderr)
