"""End-to-end tests of the installed `newsdoc` command, run as a subprocess over temporary folders."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, EXAMPLES

EXE = shutil.which("newsdoc", path=str(Path(sys.executable).parent)) or shutil.which("newsdoc")
pytestmark = pytest.mark.skipif(EXE is None, reason="the newsdoc command is not installed beside this Python")

GOOD = sorted(p for p in EXAMPLES.rglob("*") if p.is_file())
BAD = ["empty.txt", "png-header.bin", "unclosed-front-matter.md", "yaml-tabs.md"]


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    assert EXE is not None
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, input=stdin, timeout=120)


@pytest.fixture()
def scrape(tmp_path: Path) -> Path:
    """A folder with good files of every variant (in sub-folders) and bad ones."""
    root = tmp_path / "scrape"
    for path in GOOD:
        target = root / path.relative_to(EXAMPLES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    (root / "bad").mkdir()
    for name in BAD:
        shutil.copy(DATA / "bad" / name, root / "bad" / name)
    raw = (DATA / "encodings" / "utf8.txt").read_text(encoding="utf-8")
    (root / "plain" / "gbk.txt").write_bytes(raw.encode("gb18030"))
    return root


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_convert_good_and_bad(scrape: Path, tmp_path: Path) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    proc = run("convert", str(scrape), "-o", str(out), "--errors", str(errors), "--workers", "2")
    assert proc.returncode == 1, proc.stderr
    got = records(out)
    assert len(got) == len(GOOD) + 1
    assert [r["path"] for r in got] == sorted(r["path"] for r in got)  # input order
    assert {r["variant"] for r in got} == {"jekyll", "hexo", "portal", "plain"}
    assert next(r for r in got if r["path"] == "plain/gbk.txt")["encoding"] == "gb18030"
    failed = records(errors)
    assert sorted(f["path"] for f in failed) == sorted(f"bad/{n}" for n in BAD)
    unclosed = next(f for f in failed if f["path"].endswith("unclosed-front-matter.md"))
    assert unclosed["error"] == "FrontMatterError" and unclosed["line"] == 1
    for name in BAD:  # every failure is also reported on stderr, naming the file
        assert f"bad/{name}" in proc.stderr
    assert f"{len(GOOD) + 1 + len(BAD)} files" in proc.stderr and f"{len(BAD)} failed" in proc.stderr


def test_one_and_two_workers_give_identical_output(scrape: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run("convert", str(scrape), "-o", str(one), "--workers", "1", "-q")
    run("convert", str(scrape), "-o", str(two), "--workers", "2", "-q")
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 0


def test_all_good_exits_zero_and_stdout_default(tmp_path: Path) -> None:
    proc = run("convert", str(EXAMPLES / "hexo"), "-q")
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(proc.stdout.splitlines()) == 2
    assert all(json.loads(line)["sha256"] for line in proc.stdout.splitlines())


def test_formats_json_text_markdown(tmp_path: Path) -> None:
    folder = str(EXAMPLES / "jekyll")
    array = json.loads(run("convert", folder, "--format", "json", "-q").stdout)
    assert isinstance(array, list) and len(array) == 2
    text = run("convert", str(EXAMPLES / "jekyll" / "2024-03-05-flash.md"), "--format", "text", "-q").stdout
    assert text.startswith("临江市前两月外贸进出口总值同比增长8.6%\n\n")
    markdown = run("convert", str(EXAMPLES / "hexo" / "sina-style.md"), "--format", "markdown", "-q").stdout
    assert markdown.startswith("---\ntitle: 临江公布首批“完整社区”名单 12个社区入选\n")


def test_out_dir_mirrors_tree_and_markdown_reads_back(scrape: Path, tmp_path: Path) -> None:
    out = tmp_path / "md"
    proc = run("convert", str(scrape), "--out-dir", str(out), "--format", "markdown", "-q")
    assert proc.returncode == 1
    assert (out / "hexo" / "sina-style.md").exists() and (out / "portal" / "city-portal.md").exists()
    assert not list(out.rglob("*.tmp")) and not (out / "bad" / "empty.md").exists()
    reread = records_of(run("convert", str(out), "--glob", "*.md", "-q").stdout)
    original = records_of(run("convert", str(scrape), "-q").stdout)
    for record in original.values():
        again = reread[str(Path(str(record["path"])).with_suffix(".md"))]
        for key in ("title", "published", "author", "editor", "sources", "categories", "tags", "url", "text"):
            assert again[key] == record[key], (record["path"], key)


def records_of(stdout: str) -> dict[str, dict[str, object]]:
    return {r["path"]: r for r in map(json.loads, stdout.splitlines())}


def test_out_dir_never_escapes(tmp_path: Path) -> None:
    source = tmp_path / "deep" / "a.md"
    source.parent.mkdir()
    shutil.copy(EXAMPLES / "jekyll" / "2024-03-05-flash.md", source)
    out = tmp_path / "out"
    proc = run("convert", "../deep/a.md", "--out-dir", str(out), "-q", cwd=tmp_path / "deep")
    assert proc.returncode == 0, proc.stderr
    written = [p for p in tmp_path.rglob("*.json")]
    assert written and all(out.resolve() in p.resolve().parents for p in written)


def test_resume_skips_converted_and_redoes_changed(scrape: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run("convert", str(scrape), "-o", str(out), "-q")
    first = records(out)
    (scrape / "plain" / "headline-and-subheads.txt").write_text("新标题\n新的正文段落。\n", encoding="utf-8")
    proc = run("convert", str(scrape), "-o", str(out), "--resume")
    assert "skipped" in proc.stderr and "converted 1 " in proc.stderr
    second = records(out)
    assert len(second) == len(first)
    changed = next(r for r in second if r["path"] == "plain/headline-and-subheads.txt")
    assert changed["title"] == "新标题"


def test_resume_after_interruption_keeps_complete_lines(scrape: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run("convert", str(scrape / "hexo"), "-o", str(out), "-q")
    good = out.read_text(encoding="utf-8").splitlines()
    out.unlink()
    partial = tmp_path / ".out.jsonl.partial"  # what an interrupted run leaves: one full line, one torn
    partial.write_text(good[0] + "\n" + good[1][:40], encoding="utf-8")
    proc = run("convert", str(scrape / "hexo"), "-o", str(out), "--resume")
    assert "skipped 1 already converted" in proc.stderr
    assert out.read_text(encoding="utf-8").splitlines() == good and not partial.exists()


def test_out_dir_resume(scrape: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    run("convert", str(scrape), "--out-dir", str(out), "-q")
    proc = run("convert", str(scrape), "--out-dir", str(out), "--resume")
    assert f"skipped {len(GOOD) + 1} already converted" in proc.stderr


def test_fail_fast_stops(scrape: Path, tmp_path: Path) -> None:
    proc = run("convert", str(scrape / "bad"), str(scrape / "hexo"), "--fail-fast", "--workers", "1", "-o",
               str(tmp_path / "o.jsonl"))
    assert proc.returncode == 1 and "1 failed" in proc.stderr and "converted 0" in proc.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_paths_from_stdin(tmp_path: Path) -> None:
    listing = "\n".join(str(p) for p in sorted((EXAMPLES / "jekyll").iterdir())) + "\n"
    proc = run("convert", "-", "-q", stdin=listing)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("convert").returncode == 2
    assert run("convert", str(EXAMPLES), "--resume").returncode == 2  # stdout cannot be resumed
    assert run("convert", str(EXAMPLES), "--format", "xml").returncode == 2
    assert run("convert", str(EXAMPLES), "--workers", "0").returncode == 2


def test_show_stats_detect_version() -> None:
    show = run("show", str(EXAMPLES / "hexo" / "sina-style.md"))
    assert show.returncode == 0
    assert "editor-line" in show.stdout and "王小明" in show.stdout and "title-restored" in show.stdout
    stats = json.loads(run("stats", str(EXAMPLES), "--json").stdout)
    assert stats["files"] == len(GOOD) and stats["variant"] == {"jekyll": 2, "hexo": 2, "portal": 1, "plain": 1}
    assert stats["coverage"]["title"] == len(GOOD)
    table = run("stats", str(EXAMPLES)).stdout
    assert "field coverage" in table and "jekyll" in table
    detected = run("detect", str(EXAMPLES / "portal" / "city-portal.txt")).stdout.split("\t")
    assert detected[1] == "portal" and float(detected[2]) > 0.5 and "版权声明" in detected[3]
    assert run("--version").stdout.startswith("newsdoc ")


@pytest.mark.parametrize("command", ["convert", "show", "stats", "detect"])
def test_help_for_every_command_has_examples(command: str) -> None:
    proc = run(command, "--help")
    assert proc.returncode == 0 and "example" in proc.stdout and f"newsdoc {command}" in proc.stdout
