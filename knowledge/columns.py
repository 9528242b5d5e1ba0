"""Compact columns for the stored index: many strings, or many lists of integers, in two buffers each.

A column is a flat buffer plus the end offset of every item, so storing it is writing two blobs and
opening it is casting those blobs to integers: no per-item object exists until an item is asked for.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

ENDS = "q"  # end offsets: 64-bit, a column may pass 2 GB
VALUES = "i"  # integer items: ids of terms, words, sentences, units (a base stays under 2**31 of each)
BYTEORDER = sys.byteorder
Buffer = bytes | memoryview | array  # what a column part is stored from


def as_ints(data: bytes | memoryview, code: str) -> memoryview:
    """*data* read as native integers of type *code*, without copying; ValueError if it cannot be."""
    view = memoryview(data)
    if view.nbytes % array(code).itemsize:
        raise ValueError("a column's length is not a whole number of items")
    return view.cast("B").cast(code)


@dataclass(frozen=True)
class Strings(Sequence[str]):
    """Strings packed as UTF-8 in one buffer; an item is decoded when read."""

    data: bytes | memoryview
    ends: Sequence[int]

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        if i < 0:
            i += len(self.ends)
        start = self.ends[i - 1] if i else 0
        return bytes(self.data[start : self.ends[i]]).decode()

    def __iter__(self) -> Iterator[str]:
        data, start = bytes(self.data), 0
        for end in self.ends:
            yield data[start:end].decode()
            start = end

    def parts(self) -> dict[str, Buffer]:
        return {"data": self.data, "ends": _buffer(self.ends, ENDS)}

    @classmethod
    def load(cls, parts: dict[str, bytes]) -> Strings:
        ends = as_ints(parts["ends"], ENDS)
        _check_ends(ends, len(parts["data"]))
        return cls(parts["data"], ends)


@dataclass(frozen=True)
class Ragged(Sequence[Sequence[int]]):
    """Lists of integers packed end to end; `row(i)` is a slice, copied out only when asked."""

    values: Sequence[int]
    ends: Sequence[int]

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> Sequence[int]:  # type: ignore[override]
        return self.row(i)

    def row(self, i: int) -> Sequence[int]:
        start = self.ends[i - 1] if i else 0
        return self.values[start : self.ends[i]]

    def span(self, first: int, last: int) -> Sequence[int]:
        """The values of rows first..last-1, end to end."""
        start = self.ends[first - 1] if first else 0
        end = self.ends[last - 1] if last else 0
        return self.values[start:end]

    def parts(self) -> dict[str, Buffer]:
        return {"values": _buffer(self.values, VALUES), "ends": _buffer(self.ends, ENDS)}

    @classmethod
    def load(cls, parts: dict[str, bytes]) -> Ragged:
        values, ends = as_ints(parts["values"], VALUES), as_ints(parts["ends"], ENDS)
        _check_ends(ends, len(values))
        return cls(values, ends)


class StringsBuilder:
    """Appends strings to a growing Strings column."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.ends = array(ENDS)

    def append(self, text: str) -> None:
        self.data += text.encode()
        self.ends.append(len(self.data))

    def done(self) -> Strings:
        return Strings(bytes(self.data), self.ends)


class RaggedBuilder:
    """Appends integer lists to a growing Ragged column."""

    def __init__(self) -> None:
        self.values = array(VALUES)
        self.ends = array(ENDS)

    def append(self, row: Iterable[int]) -> None:
        self.values.extend(row)
        self.ends.append(len(self.values))

    def done(self) -> Ragged:
        return Ragged(self.values, self.ends)


def group(keys: Iterable[Iterable[int]], n_groups: int) -> Ragged:
    """Invert rows of keys (iterated twice): row k of the result lists, ascending, the rows holding k."""
    counts = [0] * n_groups
    for row in keys:
        for k in row:
            counts[k] += 1
    ends = array(ENDS)
    at = []
    total = 0
    for c in counts:
        at.append(total)
        total += c
        ends.append(total)
    values = array(VALUES, bytes(array(VALUES).itemsize * total))
    for i, row in enumerate(keys):
        for k in row:
            values[at[k]] = i
            at[k] += 1
    return Ragged(values, ends)


def _buffer(items: Sequence[int], code: str) -> Buffer:
    """*items* as a buffer of *code* integers, copied only when they are held otherwise."""
    if isinstance(items, memoryview) and items.format == code:
        return items
    if isinstance(items, array) and items.typecode == code:
        return items
    return array(code, items)


def _check_ends(ends: Sequence[int], size: int) -> None:
    """The last offset must be the buffer's end: a cut or padded column is refused, not misread."""
    if (ends[-1] if len(ends) else 0) != size:
        raise ValueError("a column's offsets do not match its data")
