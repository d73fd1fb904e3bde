"""The ``cable`` command: options, format choice, exit codes.

Thin by design: each command gathers its options, asks ``pipeline`` for
records and hands them to a renderer.  Nothing imports this module.
"""

# (no ``from __future__ import annotations``: Typer would eval every string annotation on each call)

import copy
import os
import sys
from enum import Enum
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .exitcodes import EXIT_CODES_HELP, Exit
from .render import ExportFormat, ListingFormat

app = typer.Typer(
    name="cable",
    help="Read US diplomatic cables: inspect them in the terminal, pipe them to jq or grep, "
    "batch-export a corpus.\n\nInputs: text files, scraped copies, WikiLeaks HTML pages (Cablegate, PlusD), "
    "cables.csv, JSON, gzip/bzip2/xz, directories, or - for stdin.\n\n" + EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        print(f"cable {__version__}")
        raise typer.Exit()


Paths = Annotated[Optional[list[str]], typer.Argument(
    metavar="[PATH]...", help="Files, directories or - for stdin (default: stdin when piped).",
    show_default=False)]
Format = Annotated[ListingFormat, typer.Option(
    "--format", "-f", envvar="CABLE_FORMAT", case_sensitive=False,
    help="auto: a table on a terminal, JSON Lines when piped.")]
Output = Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                               help="Write to FILE (atomically) instead of stdout.")]
Force = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
InputFormat = Annotated[Optional[str], typer.Option(
    "--input-format", metavar="FORMAT",
    help="Skip format detection: text, scraped, alx, html, plusd, csv or json.")]
Ids = Annotated[Optional[list[str]], typer.Option("--id", metavar="ID", help="Only this cable (repeatable).")]
Glob = Annotated[Optional[str], typer.Option("--glob", metavar="PATTERN",
                                             help="In directories, only files whose name matches.")]
FilesFrom = Annotated[Optional[str], typer.Option("--files-from", metavar="FILE",
                                                  help="Read input paths from FILE (- for stdin).")]
Null = Annotated[bool, typer.Option("--null", "-0", help="--files-from is NUL-separated.")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit 4 when any cable has defects.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr.")]
ColorOpt = Annotated[Color, typer.Option("--color", case_sensitive=False,
                                         help="Colour: auto (terminal, unless NO_COLOR), always, never.")]
Version = Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")]


@app.callback()
def main_callback(version: Version = False) -> None:
    """cable: read US diplomatic cables."""


def _inputs(paths: list[str] | None, files_from: str | None, null: bool) -> list[str]:
    """The input paths; stdin when none are given and stdin is not a terminal."""
    from .sources import read_path_list

    chosen = list(paths or [])
    if files_from:
        try:
            chosen += read_path_list(files_from, nul=null)
        except OSError as err:
            _usage(f"--files-from {files_from}: {err.strerror or err}")
    if not chosen:
        if sys.stdin is None or sys.stdin.isatty():
            _usage("no input: give a PATH, or pipe a cable in (cable show - < FILE)")
        chosen = ["-"]
    return chosen


def _usage(message: str) -> None:
    from .render.safe import visible

    sys.stderr.write(visible(f"cable: {message}") + "\n")
    raise typer.Exit(Exit.USAGE)


def _screen(out: Any, color: Color):
    from .emit import stdout_is_terminal
    from .render.terminal import Screen

    terminal = stdout_is_terminal(out)
    use_color = color == Color.always or (color == Color.auto and terminal and not os.environ.get("NO_COLOR"))
    return Screen(out, fancy=terminal, color=use_color)


def _listing(kind: str, paths, fmt: ListingFormat, output, force, input_format, ids, glob, files_from,
             null, strict, quiet, color, *, numbers=None, grep=None) -> None:
    """Shared body of show/meta/paragraphs/refs."""
    from . import model
    from .emit import Tally, checked, stdout_is_terminal
    from .outfile import AtomicFile, OutputExists
    from .pipeline import records
    from .render import resolve

    inputs = _inputs(paths, files_from, null)
    matcher = _compile(grep) if grep else None
    tally = Tally()
    try:
        sink = AtomicFile(output, force=force) if output else None
        out = sink.__enter__() if sink else sys.stdout
    except (OutputExists, OSError) as err:
        _usage(str(err))
    ok = False
    try:
        # ``show`` is for reading: piped, it is plain text, not JSON.
        resolved = "table" if kind == "show" and fmt.value == "auto" else resolve(fmt.value, stdout_is_terminal(out))
        stream = checked(records(inputs, input_format=input_format, glob=glob, ids=ids or ()),
                         tally, sys.stderr, warn=not quiet)
        dicts = (c.to_dict() for c in stream)
        if kind == "show":
            _show(dicts, resolved, out, color)
        elif kind == "meta":
            rows = ({k: v for k, v in d.items() if k != "paragraphs"} for d in dicts)
            _rows(rows, resolved, out, color, model.META_FIELDS, table="meta")
        elif kind == "paragraphs":
            rows = (r for d in dicts for r in model.paragraph_rows(d) if _keep(r, numbers, matcher))
            _rows(rows, resolved, out, color, model.PARAGRAPH_ROW_FIELDS)
        else:
            rows = (r for d in dicts for r in model.reference_rows(d))
            _rows(rows, resolved, out, color, model.REFERENCE_ROW_FIELDS)
        ok = True
    finally:
        if sink:
            sink.__exit__(None if ok else RuntimeError, None, None)
    code = tally.exit_code(strict)
    if code:
        raise typer.Exit(code)


def _compile(pattern: str):
    import re

    try:
        return re.compile(pattern, re.I)
    except re.error as err:
        _usage(f"--grep {pattern!r}: {err}")


def _keep(row: dict[str, Any], numbers: list[int] | None, matcher) -> bool:
    if numbers and row["number"] not in numbers:
        return False
    return matcher is None or bool(matcher.search(row["text"]) or matcher.search(row["heading"] or ""))


def _rows(rows, fmt: str, out, color: Color, columns: tuple[str, ...], table: str = "rows") -> None:
    from .emit import write_format

    if fmt == "table":
        from .render import terminal  # Rich only when a table is drawn

        collected = list(rows)
        if collected:
            screen = _screen(out, color)
            if table == "meta":
                terminal.meta_table(screen, collected)
            else:
                terminal.rows_table(screen, collected, columns)
        return
    write_format(out, fmt, rows, columns)


def _show(dicts, fmt: str, out, color: Color) -> None:
    from . import model
    from .data import routing_indicators, tag_meanings
    from .render import terminal

    if fmt != "table":
        _rows(dicts, fmt, out, color, model.FIELDS)
        return
    screen = _screen(out, color)
    for n, record in enumerate(dicts):
        if n:
            out.write("\n" + ("=" * 72) + "\n\n")
        terminal.show(screen, record, tag_meanings(), routing_indicators())


@app.command(epilog="Examples:\n\n  cable show samples/09ASTANA319.scraped.txt\n\n"
             "  cable show cables.csv --id 09ASTANA319\n\n  curl -s URL | cable show -\n\n" + EXIT_CODES_HELP)
def show(paths: Paths = None, fmt: Format = ListingFormat.auto, output: Output = None, force: Force = False,
         input_format: InputFormat = None, ids: Ids = None, glob: Glob = None, files_from: FilesFrom = None,
         null: Null = False, strict: Strict = False, quiet: Quiet = False, color: ColorOpt = Color.auto,
         version: Version = False) -> None:
    """Show a cable as a reader wants it: header, summary, paragraphs, notes.

    On a terminal: a header panel (classification in its banner colour, TAGS
    with their meanings), then the paragraphs. Piped: clean plain text.
    """
    _listing("show", paths, fmt, output, force, input_format, ids, glob, files_from, null, strict, quiet, color)


@app.command(epilog="Examples:\n\n  cable meta samples/09ASTANA319.scraped.txt\n\n"
             "  cable meta -f json samples/09ASTANA319.scraped.txt | jq .references\n\n"
             "  cable meta corpus/ -f tsv > cables.tsv\n\n" + EXIT_CODES_HELP)
def meta(paths: Paths = None, fmt: Format = ListingFormat.auto, output: Output = None, force: Force = False,
         input_format: InputFormat = None, ids: Ids = None, glob: Glob = None, files_from: FilesFrom = None,
         null: Null = False, strict: Strict = False, quiet: Quiet = False, color: ColorOpt = Color.auto,
         version: Version = False) -> None:
    """The record without its paragraphs: one field/value table for a cable,
    one row per cable for several."""
    _listing("meta", paths, fmt, output, force, input_format, ids, glob, files_from, null, strict, quiet, color)


@app.command(epilog="Examples:\n\n  cable paragraphs samples/09ASTANA319.scraped.txt -n 4\n\n"
             "  cable paragraphs corpus/txt --grep taliban -f jsonl | jq -r .text\n\n" + EXIT_CODES_HELP)
def paragraphs(paths: Paths = None,
               numbers: Annotated[Optional[list[int]], typer.Option("--number", "-n", metavar="N",
                                                                    help="Only paragraph N (repeatable).")] = None,
               grep: Annotated[Optional[str], typer.Option("--grep", metavar="REGEX",
                                                           help="Only paragraphs matching REGEX (case-insensitive).")] = None,
               fmt: Format = ListingFormat.auto, output: Output = None, force: Force = False,
               input_format: InputFormat = None, ids: Ids = None, glob: Glob = None, files_from: FilesFrom = None,
               null: Null = False, strict: Strict = False, quiet: Quiet = False, color: ColorOpt = Color.auto,
               version: Version = False) -> None:
    """Paragraphs: number, marking, heading, text (one row each, with id and source)."""
    _listing("paragraphs", paths, fmt, output, force, input_format, ids, glob, files_from, null, strict, quiet,
             color, numbers=numbers, grep=grep)


@app.command(epilog="Examples:\n\n  cable refs samples/09ASTANA319.scraped.txt\n\n"
             "  cable refs samples/09ASTANA319.scraped.txt -f json | jq -r '.[].ref_id'\n\n"
             "  cable refs corpus/ -f tsv | cut -f1,5\n\n" + EXIT_CODES_HELP)
def refs(paths: Paths = None, fmt: Format = ListingFormat.auto, output: Output = None, force: Force = False,
         input_format: InputFormat = None, ids: Ids = None, glob: Glob = None, files_from: FilesFrom = None,
         null: Null = False, strict: Strict = False, quiet: Quiet = False, color: ColorOpt = Color.auto,
         version: Version = False) -> None:
    """References: label, text as written, canonical id (ref_id), kind; one row each."""
    _listing("refs", paths, fmt, output, force, input_format, ids, glob, files_from, null, strict, quiet, color)


@app.command(epilog="Examples:\n\n  cable export samples/09ASTANA319.scraped.txt -f yaml\n\n"
             "  cable export corpus/ -f jsonl -o corpus.jsonl\n\n"
             "  cable export cables.csv.gz -f csv -o cables-parsed.csv -j 2\n\n"
             "  cable export corpus/ -f json --out-dir records/\n\n" + EXIT_CODES_HELP)
def export(paths: Paths = None,
           fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False,
                                                     help="jsonl, json, yaml or csv.")] = ExportFormat.jsonl,
           output: Output = None,
           out_dir: Annotated[Optional[str], typer.Option("--out-dir", metavar="DIR",
                                                          help="One file per cable in DIR, named by its id.")] = None,
           force: Force = False,
           jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N",
                                                       help="Parallel parsing processes (default: CPUs available).")] = None,
           input_format: InputFormat = None, ids: Ids = None, glob: Glob = None, files_from: FilesFrom = None,
           null: Null = False, strict: Strict = False, quiet: Quiet = False, color: ColorOpt = Color.auto,
           version: Version = False) -> None:
    """Export full records (with paragraphs) of every cable: fast, parallel, nothing lost.

    Output is in input order and identical for any -j. Files are written
    atomically; a progress bar shows on a terminal's stderr. The last line on
    stderr counts exported / with defects / failed.
    """
    from .export import ExportOptions, default_jobs, run_export

    if output and out_dir:
        _usage("give -o FILE or --out-dir DIR, not both")
    inputs = _inputs(paths, files_from, null)
    options = ExportOptions(fmt=fmt.value, output=output, out_dir=out_dir, force=force, jobs=jobs or default_jobs(),
                            input_format=input_format, ids=tuple(ids or ()), glob=glob, quiet=quiet,
                            color=color.value)
    code = run_export(inputs, options, strict=strict)
    if code:
        raise typer.Exit(code)


@app.command(epilog="Examples:\n\n  cable schema > record.schema.json\n\n"
             "  cable schema | jq '.properties | keys'\n\n" + EXIT_CODES_HELP)
def schema(version: Version = False) -> None:
    """Print the JSON Schema of the record that meta/show/export write."""
    import json

    from .schema import record_schema

    print(json.dumps(record_schema(), indent=2))


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command ``args`` names, when it names one.

    Typer turns every registered command's signature into Click options on
    each call, about 1 ms per command; ``cable meta FILE`` needs one of them,
    and so does completing ``cable meta --fo<TAB>``.  Anything else
    (``--help``, ``--version``, a typo, completing ``cable me<TAB>``) gets
    the whole app, so its help, errors and completions list every command.
    """
    if os.environ.get("_CABLE_COMPLETE"):
        args = _completed_words()
    if not args:
        return app
    chosen = [info for info in app.registered_commands if info.callback and info.callback.__name__ == args[0]]
    if not chosen:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = chosen
    return narrowed


def _completed_words() -> list[str]:
    """The words before the one being completed, as the completion scripts in
    ``completions/`` pass the command line: bash as ``COMP_WORDS`` and the
    word's index ``COMP_CWORD``, zsh and fish as ``_TYPER_COMPLETE_ARGS`` (up
    to the cursor).  Only the first of them is looked at, a command name."""
    line = os.environ.get("_TYPER_COMPLETE_ARGS")
    if line is not None:
        words = line.split()
        return words[1:] if line.endswith(" ") else words[1:-1]
    words, index = os.environ.get("COMP_WORDS", "").split(), os.environ.get("COMP_CWORD", "")
    return words[1:int(index)] if index.isdigit() else []


def main() -> None:
    """Console entry point: usage errors exit 2, a broken pipe ends quietly,
    a bug of ours is one line on stderr and exit 1 (``CABLE_DEBUG=1`` shows
    the traceback)."""
    from . import pattern_cache

    pattern_cache.install()  # compiled patterns from the last call: start-up
    try:
        _run()
        code = 0
    except SystemExit as done:
        code = done.code
    finally:
        pattern_cache.save()
    _leave(code)


def _leave(code: Any) -> None:
    """Exit with ``code``, without the interpreter's teardown when nothing needs it.

    Freeing every module and object at exit takes a single-cable command
    about 10 ms, an eighth of its run, and nothing of ours needs it: output
    files are closed by then, and what is left in stdout and stderr is
    flushed here.  A run that started worker processes (``export``) exits
    the usual way, so that multiprocessing can see them off; so does a
    message given as the exit code.
    """
    if not (code is None or isinstance(code, int)) or "multiprocessing" in sys.modules:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader is gone (``| head``) or the stream closed: nothing to save
            pass
    os._exit(code or 0)


def _run() -> None:
    try:
        _app_for(sys.argv[1:])()
    except KeyboardInterrupt:
        sys.stderr.write("cable: interrupted\n")
        sys.exit(Exit.INTERRUPTED)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except Exception as bug:  # noqa: BLE001 - a bug of ours: one line, exit 1
        if os.environ.get("CABLE_DEBUG"):
            raise
        from .render.safe import visible

        sys.stderr.write(visible(f"cable: internal error: {type(bug).__name__}: {bug}") +
                         " (set CABLE_DEBUG=1 for the traceback)\n")
        sys.exit(Exit.INTERNAL_ERROR)
    except SystemExit as done:
        # Typer turns Ctrl-C into exit 130 and a broken pipe into exit 1
        # (after wrapping stdout); neither exception reaches us as such.
        if done.code == Exit.INTERRUPTED:
            sys.stderr.write("cable: interrupted\n")
            raise
        if done.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _quiet_broken_pipe()
        if done.code not in (0, None):
            raise
        _flush_or_quiet()
        raise


def _flush_or_quiet() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()


def _quiet_broken_pipe() -> None:
    """``cable ... | head``: stop without a traceback or 'Exception ignored'."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
