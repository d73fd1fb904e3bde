#!/usr/bin/env python3
"""Generate the shell completion scripts in ``completions/`` from the app.

    python scripts/gen_completions.py            # write completions/cable.bash, _cable, cable.fish
    python scripts/gen_completions.py --check    # exit 1 and name the stale files

Each script is exactly what ``_CABLE_COMPLETE=source_<shell> cable`` prints
(Typer's spelling; Click's ``bash_source`` fails under Typer), produced here
in-process by running the app with that variable set.  The scripts call the
``cable`` found on PATH at completion time, so completion always follows the
installed version.  ``tests/test_completions.py`` regenerates them and fails
on any difference.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

from cable_cli.cli import app  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import write_or_check  # noqa: E402

PROG = "cable"
COMPLETE_VAR = "_CABLE_COMPLETE"
# shell -> file in completions/ (the names each shell's loader looks for)
FILES = {"bash": "cable.bash", "zsh": "_cable", "fish": "cable.fish"}


def completion_script(shell: str) -> str:
    """What ``_CABLE_COMPLETE=source_<shell> cable`` prints."""
    result = CliRunner().invoke(app, [], env={COMPLETE_VAR: f"source_{shell}"}, prog_name=PROG)
    if result.exit_code != 0 or not result.stdout.strip():
        raise RuntimeError(f"no {shell} completion script from the app: exit {result.exit_code}: "
                           f"{result.stderr.strip()}")
    return result.stdout


def render() -> dict[str, str]:
    """Every generated file: path relative to the repository root -> text."""
    return {f"completions/{name}": completion_script(shell) for shell, name in FILES.items()}


def main(argv: list[str] | None = None) -> int:
    return write_or_check(render, "gen_completions.py", argv)


if __name__ == "__main__":
    sys.exit(main())
