"""Static word vectors (distilled from a sentence model) for a paraphrase signal, in pure Python.

File format (little-endian), version 1:
    header  "<4sHHII": magic b"CBWV", version, dims, count, byte length of the word block
    words   UTF-8, the *count* words joined by "\\n"; row i belongs to word i
    scales  count float32, one per row
    rows    count * dims int8; the vector of row i is rows[i] * scales[i]
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import mul
from pathlib import Path

MAGIC = b"CBWV"
VERSION = 1
_HEADER = struct.Struct("<4sHHII")
DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "wordvectors.bin"

_sumprod = getattr(math, "sumprod", None)  # 3.12+: one C call instead of sum(map(mul, ...))


def dot(a: Sequence[float], b: Sequence[float]) -> float:
    """The dot product of two equally long vectors."""
    return _sumprod(a, b) if _sumprod else sum(map(mul, a, b))


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors; 0.0 when either is all zeros."""
    if isinstance(a, array):  # unboxing an array once in C beats boxing each float three times
        a = a.tolist()
    if isinstance(b, array):
        b = b.tolist()
    norms = math.hypot(*a) * math.hypot(*b)
    return dot(a, b) / norms if norms else 0.0


# Rows are kept as unsigned bytes (int8 value + 128) so that a row can be spread into the 64-bit
# fields of one Python int; see WordVectors.mean.
_UNSIGNED = bytes((b + 128) & 255 for b in range(256))
_FIELD = 8  # bytes per field of the packed integers in mean()
SPREAD_KEPT = 4096  # rows kept spread out (about 0.5 kB each)


@lru_cache(maxsize=4)
def _float32s(dims: int) -> struct.Struct:
    """*dims* native float32s, laid out as array("f") holds them."""
    return struct.Struct(f"={dims}f")


# a field holds sum(coef * (value + 128)) <= 255 * coef_sum: below 2**52 for coef sums under this
_EXPONENT_FITS = ((1 << 52) - 1) // 255
_EXPONENT_52 = 0x433 << 52  # the sign and exponent bits of a double in [2**52, 2**53)


@lru_cache(maxsize=4)
def _exponents(dims: int) -> int:
    """_EXPONENT_52 in each of *dims* 64-bit fields of one int (see WordVectors.mean_of_rows)."""
    return int.from_bytes(struct.pack(f"<{dims}Q", *[_EXPONENT_52] * dims), "little")


@lru_cache(maxsize=4)
def _float64s(dims: int) -> struct.Struct:
    """*dims* little-endian doubles."""
    return struct.Struct(f"<{dims}d")


@lru_cache(maxsize=4)
def _uint64s(dims: int) -> struct.Struct:
    """*dims* little-endian unsigned 64-bit fields: a summed spread row (see WordVectors.mean_of_rows)."""
    return struct.Struct(f"<{dims}Q")


@dataclass(frozen=True, slots=True)
class WordVectors:
    """Word -> row index plus the file's scales and rows, kept as flat blobs (no per-word lists)."""

    dims: int
    index: dict[str, int] = field(repr=False)
    scales: array = field(repr=False)  # array('f'), one per row
    rows: bytes = field(repr=False)  # len(index) * dims bytes, each the int8 value + 128
    # row index -> the row spread into one int (see mean), for the words last met: a question's words recur
    _spread: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | str = DEFAULT_PATH) -> WordVectors:
        """Read a vectors file; ValueError names what is wrong with a bad one."""
        return cls.from_bytes(Path(path).read_bytes(), name=str(path))

    @classmethod
    def from_bytes(cls, blob: bytes, name: str = "word vectors") -> WordVectors:
        """Parse the bytes of a vectors file (see the module docstring for the format)."""
        if len(blob) < _HEADER.size:
            raise ValueError(f"{name}: too short to be a word-vectors file ({len(blob)} bytes)")
        magic, version, dims, count, words_len = _HEADER.unpack_from(blob)
        if magic != MAGIC:
            raise ValueError(f"{name}: not a word-vectors file (magic {magic!r})")
        if version != VERSION:
            raise ValueError(f"{name}: word-vectors format version {version}, this code reads {VERSION}")
        words_at = _HEADER.size
        scales_at = words_at + words_len
        rows_at = scales_at + 4 * count
        if dims == 0 or len(blob) != rows_at + count * dims:
            raise ValueError(
                f"{name}: truncated or corrupt ({len(blob)} bytes, header promises {rows_at + count * dims})"
            )
        try:
            words = blob[words_at:scales_at].decode("utf-8").split("\n") if count else []
        except UnicodeDecodeError as exc:
            raise ValueError(f"{name}: corrupt word list ({exc.reason})") from None
        if len(words) != count:
            raise ValueError(f"{name}: {len(words)} words for {count} rows")
        index = dict(zip(words, range(count), strict=True))
        scales = array("f")
        scales.frombytes(blob[scales_at:rows_at])
        if sys.byteorder == "big":
            scales.byteswap()
        return cls(dims, index, scales, blob[rows_at:].translate(_UNSIGNED))

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, word: object) -> bool:
        return word in self.index

    def vec(self, word: str) -> array | None:
        """The vector of *word* (a folded token) as array('f'), or None for a word not in the file."""
        i = self.index.get(word)
        if i is None:
            return None
        at, scale = i * self.dims, self.scales[i]
        return array("f", [(u - 128) * scale for u in self.rows[at : at + self.dims]])

    def mean(self, words: Iterable[str], weights: Iterable[float] | None = None) -> array | None:
        """Weighted mean of the known words' vectors, L2-normalised; None when no word is known.

        Weights must be >= 0; a word of weight 0 is left out.
        """
        index, dims, scales = self.index, self.dims, self.scales
        pairs = zip(words, weights, strict=True) if weights is not None else ((w, 1.0) for w in words)
        starts: list[int] = []
        coefs: list[float] = []
        for word, weight in pairs:
            if not weight >= 0:
                raise ValueError(f"word weights must be >= 0, got {weight!r} for {word!r}")
            i = index.get(word)
            if i is not None and weight:
                starts.append(i * dims)
                coefs.append(scales[i] * weight)
        return self.mean_of_rows(starts, coefs)

    def row_of(self, word: str, weight: float) -> tuple[int, float] | None:
        """Where *word*'s row starts and its coefficient (scale times *weight*) as mean reads them;
        None for a word not in the file or of weight 0 (a caller may keep these per word)."""
        i = self.index.get(word)
        if i is None or not weight:
            return None
        return i * self.dims, self.scales[i] * weight

    def mean_of_rows(self, starts: Sequence[int], coefs: Sequence[float]) -> array | None:
        """mean of the rows starting at *starts* weighted by *coefs* (see row_of); None for none."""
        if not starts:
            return None
        dims = self.dims
        # Speed: each row is spread into the 64-bit fields of one big int, so summing the rows is one
        # C-level multiply-add per word instead of one Python operation per element. The coefficients
        # become integers (the largest = 2**24), fields hold sum(coef * (value + 128)) < 2**64 for any
        # realistic word count, and the 128 offset is taken off per field at the end.
        to_int = (1 << 24) / max(coefs)
        total = coef_sum = 0
        spread = self._spread
        for at, coef in zip(starts, coefs, strict=True):
            c = round(coef * to_int)
            total += c * (spread.get(at) or self._spread_row(at))
            coef_sum += c
        if coef_sum < _EXPONENT_FITS:
            # each field (< 2**52) becomes the mantissa of a double of exponent 52, read in C as
            # 2**52 + field; less 2**52 + offset that is field - offset exactly, as below, but
            # subtracted float from float (speed: int minus float takes twice as long)
            fields = _float64s(dims).unpack((total | _exponents(dims)).to_bytes(dims * _FIELD, "little"))
            bias = float((1 << 52) + 128 * coef_sum)
            # math.dist takes each f - bias in C and its norm as hypot does (the same vector_norm of
            # the same differences), so the differences are made once, scaled (speed: one pass less)
            norm = math.dist(fields, (bias,) * dims)
            if not norm:
                return None
            inv = 1.0 / norm
            scaled = [(f - bias) * inv for f in fields]
        else:  # a million words or more
            fields = _uint64s(dims).unpack(total.to_bytes(dims * _FIELD, "little"))
            offset = float(128 * coef_sum)
            # floats from here (cheaper for hypot and the scaling): exact while fields stay below 2**53
            summed = [f - offset for f in fields]
            norm = math.hypot(*summed)
            if not norm:
                return None
            inv = 1.0 / norm
            scaled = [x * inv for x in summed]
        # packed to float32 by struct, the same rounding as array("f", list) but without its per-item parsing
        out = array("f")
        out.frombytes(_float32s(dims).pack(*scaled))
        return out

    def _spread_row(self, at: int) -> int:
        """The row starting at byte *at*, one value per 64-bit field of an int (kept for the last words)."""
        got = self._spread.get(at)
        if got is None:
            spread = bytearray(self.dims * _FIELD)
            spread[::_FIELD] = self.rows[at : at + self.dims]
            got = int.from_bytes(spread, "little")
            if len(self._spread) >= SPREAD_KEPT:
                self._spread.clear()
            self._spread[at] = got
        return got


def dump(path: Path | str, words: Sequence[str], scales: Sequence[float], rows: bytes) -> None:
    """Write a vectors file: *rows* holds len(words) int8 rows back to back."""
    count = len(words)
    if any("\n" in w or not w for w in words) or len(set(words)) != count:
        raise ValueError("words must be distinct, non-empty and free of newlines")
    if len(scales) != count or (count and len(rows) % count):
        raise ValueError("one scale and one equally long row per word")
    dims = len(rows) // count if count else 0
    word_block = "\n".join(words).encode("utf-8")
    scale_block = array("f", scales)
    if sys.byteorder == "big":
        scale_block.byteswap()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(
        _HEADER.pack(MAGIC, VERSION, dims, count, len(word_block)) + word_block + scale_block.tobytes() + rows
    )


@lru_cache(maxsize=1)
def default_vectors() -> WordVectors:
    """The shipped vectors, loaded once per process."""
    return WordVectors.load(DEFAULT_PATH)
