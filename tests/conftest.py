"""Shared test helpers: where the sample and the read-only corpus are."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Commands run by the tests keep their compiled-pattern cache out of the
# user's home (cable_cli.pattern_cache writes under XDG_CACHE_HOME).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="cable-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "09ASTANA319.scraped.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus; tests that need it are skipped where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    return CORPUS


def load_script(relative: str):
    """Import a script of the repository (``bench/agreement.py``) as a module."""
    import importlib.util
    import sys

    path = ROOT / relative
    name = path.stem.replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module
