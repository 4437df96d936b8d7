"""Text from the input made safe to show on a terminal or in a document.

A case's `id` is free text, and an error message may quote what was typed: a control
character (an escape sequence could recolour the terminal or move the cursor) or a
right-to-left override (it could make text read differently from what it is) is shown
as a visible escape such as \\x1b instead.
"""

from __future__ import annotations

_INVISIBLE = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F),
              *range(0x2066, 0x206A)]
_ESCAPES = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _INVISIBLE}
_ESCAPES_BUT_LINES = {code: escape for code, escape in _ESCAPES.items() if code not in (ord("\n"), ord("\t"))}


def printable(text: str, keep_line_breaks: bool = True) -> str:
    """The text with control and direction characters shown as escapes; a message keeps to one line."""
    return text.translate(_ESCAPES_BUT_LINES if keep_line_breaks else _ESCAPES)
