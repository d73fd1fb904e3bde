"""Exit codes: one table, documented in the README and in ``--help``."""

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    INTERNAL_ERROR = 1
    USAGE = 2
    INPUT_UNREADABLE = 3   # some input could not be read; the others were processed
    DEFECTS = 4            # defects found, under --strict
    INTERRUPTED = 130


EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 internal error; 2 usage error; 3 some input could not be read "
    "(the others were processed); 4 defects found under --strict; 130 interrupted."
)
