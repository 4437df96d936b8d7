"""The base of her2nav's frozen values: one `__repr__` shared by all, instead of one per class.

attrs writes and compiles a `__repr__` for every class it builds, about a third of the
cost of building one, and a command builds some forty at start-up; the classes say
`@frozen(repr=False)` and inherit this one, which prints the same `Name(field=value, ...)`.
Unlike attrs' own it has no guard against a value that contains itself: values hold tuples,
never themselves.
"""

from __future__ import annotations

from typing import cast


class Value:
    __slots__ = ()

    def __repr__(self) -> str:
        from attrs import AttrsInstance, fields

        every = fields(cast("type[AttrsInstance]", type(self)))
        shown = ", ".join(f"{field.name}={_shown(field.repr, getattr(self, field.name))}"
                          for field in every if field.repr)
        return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({shown})"


def _shown(how: object, value: object) -> str:
    """A field's value as attrs shows it: by the field's own repr function where it gives one."""
    return str(how(value)) if callable(how) else repr(value)
