"""Writing (or checking) generated files: shared by the gen_* scripts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_or_check(render: Callable[[], dict[str, str]], script: str, argv: list[str] | None = None) -> int:
    """Write each ``{relative path: text}`` that changed; with ``--check``,
    write nothing and return 1 when any file is stale."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for rel, text in render().items():
        path = ROOT / rel
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(rel)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {rel}")
    if check and stale:
        print(f"stale (run python scripts/{script}): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0
