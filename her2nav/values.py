"""The base of her2nav's frozen values: one `__repr__` shared by all, instead of one per class.

attrs writes and compiles a `__repr__` for every class it builds, about a third of the
cost of building one, and a command builds some forty at start-up; the classes say
`@frozen(repr=False)` and inherit this one, which prints the same `Name(field=value, ...)`.
"""

from __future__ import annotations

from typing import cast


class Value:
    __slots__ = ()

    def __repr__(self) -> str:
        from attrs import AttrsInstance, fields

        every = fields(cast("type[AttrsInstance]", type(self)))
        shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in every if field.repr)
        return f"{type(self).__qualname__}({shown})"
