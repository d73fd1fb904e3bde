"""The compiled-pattern cache: same patterns, same output, never a failure.

``cable_cli.patterns`` builds pattern objects from saved opcodes; the CLI
keeps them in ``$XDG_CACHE_HOME/cable``.  Whatever that file holds, a
command's output must be what it is without it.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

import pytest

from cable_cli import pattern_cache, patterns
from conftest import ROOT, SAMPLE

PATTERNS = [
    (r"^\s*(?:¶\s*)?(?P<num>\d{1,3})\s*[.)](?!\d)\s*", 0),
    (r"\b(?:SUBJ(?:ECT)?|REF)\s*:", re.I),
    (r"^[ \t]*TAGS:?[ \t]+\S", re.M),
    (r"(?P<a>x)|(?P<b>y)(?(a)z|w)", 0),
    (r"\s*[A-Za-z_$][\w$.]*\s*\((.*)\)\s*;?\s*", re.S),
]


@pytest.fixture
def fresh_tables(monkeypatch):
    """``patterns`` with empty tables, recording (as under the CLI)."""
    monkeypatch.setattr(patterns, "_ready", {})
    monkeypatch.setattr(patterns, "_new", {})
    monkeypatch.setattr(patterns, "_recording", True)
    monkeypatch.setattr(patterns, "_loader", None)


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_recorded_entry_rebuilds_the_same_pattern(fresh_tables, pattern, flags):
    patterns.compile(pattern, flags)
    entry = patterns.table()[(pattern, int(flags))]
    rebuilt = patterns._sre.compile(pattern, *entry)
    assert rebuilt == re.compile(pattern, flags)  # same pattern, flags and opcodes
    assert rebuilt.groupindex == re.compile(pattern, flags).groupindex


def test_a_ready_entry_is_used_without_compiling(fresh_tables, monkeypatch):
    pattern = r"(?P<num>\d+) OF (\d+)"
    patterns.compile(pattern)
    patterns._ready.update(patterns.table())

    def no_compile(*args, **kwargs):
        raise AssertionError("re.compile called for a pattern with a ready entry")

    monkeypatch.setattr(re, "compile", no_compile)
    assert patterns.compile(pattern).match("002 OF 003")["num"] == "002"


def test_a_bad_entry_falls_back_to_re_compile(fresh_tables):
    pattern = r"(?P<num>\d+) OF (\d+)"
    # opcodes that are not valid: _sre refuses them, and re.compile takes over
    patterns._ready[(pattern, 0)] = (32, [1, 2, 3], 1, {"num": 1}, (None, "num"))
    assert patterns.compile(pattern) == re.compile(pattern)
    assert (pattern, 0) not in patterns._ready  # dropped, and recorded afresh
    assert (pattern, 0) in patterns.table()


def _meta(cache_home: str | os.PathLike) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "cable_cli", "meta", "-f", "json", str(SAMPLE)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def _cache_files(cache_home) -> list:
    return sorted((cache_home / "cable").glob("patterns-*.marshal"))


def test_the_cache_is_written_once_and_changes_nothing(tmp_path):
    first = _meta(tmp_path)
    assert first.returncode == 0 and first.stderr == ""
    [cache] = _cache_files(tmp_path)
    saved = marshal.loads(cache.read_bytes())
    assert saved["build"].startswith(sys.version)
    assert len(saved["patterns"]) > 100  # the parser's, the input layer's
    mtime = cache.stat().st_mtime_ns
    second = _meta(tmp_path)
    assert second.returncode == 0 and second.stdout == first.stdout and second.stderr == ""
    assert cache.stat().st_mtime_ns == mtime  # nothing new to add: not rewritten
    assert '"id": "09ASTANA319"' in second.stdout


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps([1, 2, 3]),
                                     marshal.dumps({"build": "another Python", "patterns": []}),
                                     marshal.dumps({"build": None, "patterns": [["x"]]})])
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(tmp_path, content):
    expected = _meta(tmp_path / "clean").stdout
    (tmp_path / "cable").mkdir()
    path = tmp_path / "cable" / pattern_cache._path().name
    path.write_bytes(content)
    result = _meta(tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == expected
    assert marshal.loads(path.read_bytes())["build"].startswith(sys.version)


def test_a_cache_of_wrong_opcodes_for_this_build_falls_back(tmp_path):
    """Entries that _sre rejects cost a compile, not a wrong answer."""
    expected = _meta(tmp_path / "clean").stdout
    [good] = _cache_files(tmp_path / "clean")
    saved = marshal.loads(good.read_bytes())
    for row in saved["patterns"]:
        row[3] = [1, 2, 3]  # opcodes _sre refuses
    (tmp_path / "cable").mkdir()
    (tmp_path / "cable" / good.name).write_bytes(marshal.dumps(saved))
    result = _meta(tmp_path)
    assert result.returncode == 0 and result.stderr == "" and result.stdout == expected


def test_an_unwritable_or_relative_cache_home_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would go")
    expected = _meta(tmp_path / "clean").stdout
    result = _meta(blocker)
    assert result.returncode == 0 and result.stderr == "" and result.stdout == expected
    relative = _meta("relative-cache")
    assert relative.returncode == 0 and relative.stdout == expected
    assert not (ROOT / "relative-cache").exists()
