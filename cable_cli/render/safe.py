"""Cable text is data: it must never drive the terminal.

Control characters (C0 but newline and tab, DEL, C1) and the Unicode
bidirectional controls are made visible as escapes (``\\x1b``, ``\\u202e``)
in everything meant for a terminal; Rich markup is never interpreted
because cable text only ever reaches Rich as ``Text``.
"""

from __future__ import annotations

import re

from .. import patterns

_UNSAFE = patterns.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every terminal-controlling character shown as an escape."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def json_safe(serialized: str) -> str:
    """Escape what ``json.dumps(ensure_ascii=False)`` leaves raw (C1, BiDi).

    Such characters can only stand inside JSON strings, so ``\\uXXXX``
    escapes keep the document valid and equal when read back.
    """
    if serialized.isascii() and "\x7f" not in serialized:
        return serialized  # the usual case, tested at C speed
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", serialized) if _UNSAFE.search(serialized) else serialized
