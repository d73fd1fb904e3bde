"""README's "## Python API" code blocks run as written, from the repository root."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

README = ROOT / "README.md"


def python_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```python\n(.*?)^```", section, flags=re.S | re.M)


def test_readme_has_python_api_examples_on_the_sample():
    blocks = python_blocks()
    assert len(blocks) >= 3
    assert all("samples/09ASTANA319.scraped.txt" in b for b in blocks)
    assert all("assert " in b for b in blocks)


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_readme_python_block_runs(index):
    """Each block as a reader runs it: a fresh interpreter in the repository root."""
    code = python_blocks()[index]
    env = {k: v for k, v in os.environ.items() if k not in ("CABLE_FORMAT", "NO_COLOR")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, f"README.md python block {index + 1}:\n{done.stderr}"


def test_public_api_names():
    import cable_cli

    assert set(cable_cli.__all__) == {"__version__", "parse", "load", "Cable"}
    assert cable_cli.Cable.__name__ == "Cable"
    with pytest.raises(ValueError, match="nonexistent"):
        list(cable_cli.load(str(ROOT / "samples" / "nonexistent.txt")))
