"""The shipped static word vectors: paraphrases score close, the pure-Python reader and its file format."""

from __future__ import annotations

import math
import random
import struct
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from knowledge import wordvectors
from knowledge.wordvectors import DEFAULT_PATH, VERSION, WordVectors, cosine, default_vectors, dump

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wv() -> WordVectors:
    return default_vectors()


def sim(wv: WordVectors, a: str, b: str) -> float:
    va, vb = wv.vec(a), wv.vec(b)
    assert va is not None and vb is not None, (a, b)
    return cosine(va, vb)


def plain_mean(wv: WordVectors, words: list[str], weights: list[float]) -> list[float]:
    """The obvious weighted mean, element by element, L2-normalised: the reference for mean()."""
    total = [0.0] * wv.dims
    for word, weight in zip(words, weights, strict=True):
        v = wv.vec(word)
        if v is not None:
            total = [t + weight * x for t, x in zip(total, v, strict=True)]
    norm = math.sqrt(sum(t * t for t in total))
    return [t / norm for t in total]


def test_shipped_file_loads_with_a_large_everyday_vocabulary(wv: WordVectors) -> None:
    assert DEFAULT_PATH.stat().st_size < 4 * 1024 * 1024
    assert wv.dims == 64 and len(wv) > 35_000
    for word in ("the", "buy", "purchase", "physician", "sacked", "automobile", "1st", "co2"):
        assert word in wv and len(wv.vec(word)) == 64
    # wordfreq writes multi-digit runs as zeros; such stand-ins are not words and are left out.
    assert not [w for w in wv.index if "00" in w]


@pytest.mark.parametrize(
    ("word", "paraphrase", "unrelated"),
    [
        ("buy", "purchase", "banana"),
        ("doctor", "physician", "carpet"),
        ("sacked", "fired", "violin"),
        ("car", "automobile", "poetry"),
        ("rise", "increase", "spoon"),
        ("big", "large", "pencil"),
        ("said", "told", "orange"),
    ],
)
def test_paraphrases_score_closer_than_unrelated_words(
    wv: WordVectors, word: str, paraphrase: str, unrelated: str
) -> None:
    assert sim(wv, word, paraphrase) > sim(wv, word, unrelated) + 0.15


def test_a_word_is_its_own_nearest_and_unknown_words_give_none(wv: WordVectors) -> None:
    assert sim(wv, "purchase", "purchase") == pytest.approx(1.0, abs=1e-6)
    assert wv.vec("qzxvjk") is None
    assert wv.vec("Buy") is None  # callers pass folded tokens
    assert wv.mean(["qzxvjk", "zzqqx"]) is None
    assert wv.mean([]) is None


def test_mean_equals_the_plain_weighted_mean_and_is_unit_length(wv: WordVectors) -> None:
    words = "the minister was sacked after he bought a car for the doctor qzxvjk said".split()
    weights = [0.5 + 0.37 * i for i in range(len(words))]
    for w in (None, weights):
        got = wv.mean(words, w)
        want = plain_mean(wv, words, w or [1.0] * len(words))
        assert max(abs(g - x) for g, x in zip(got, want, strict=True)) < 1e-5
        assert math.hypot(*got) == pytest.approx(1.0, abs=1e-5)


def test_mean_follows_the_weights(wv: WordVectors) -> None:
    only_buy = wv.mean(["buy", "banana"], [1.0, 0.0])
    assert cosine(only_buy, wv.vec("buy")) == pytest.approx(1.0, abs=1e-5)
    leaning = wv.mean(["buy", "banana"], [4.0, 1.0])
    assert cosine(leaning, wv.vec("buy")) > cosine(leaning, wv.vec("banana"))
    # A sentence about buying a car sits nearer a paraphrase of it than an unrelated sentence.
    asked = wv.mean(["who", "purchased", "the", "automobile"])
    assert cosine(asked, wv.mean(["she", "bought", "the", "car"])) > cosine(
        asked, wv.mean(["she", "painted", "the", "fence"])
    )
    with pytest.raises(ValueError, match="weights must be >= 0"):
        wv.mean(["buy"], [-1.0])


def test_mean_is_exact_at_the_int8_extremes(tmp_path: Path) -> None:
    rows = array("b", [127, -127, 0, -1, -127, 127, 1, 0, -127, -127, -127, -127])
    path = tmp_path / "tiny.bin"
    dump(path, ["a", "b", "c"], [0.5, 0.25, 2.0], rows.tobytes())
    wv = WordVectors.load(path)
    assert list(wv.vec("b")) == [-31.75, 31.75, 0.25, 0.0]
    assert list(wv.mean(["a", "b", "c"], [1.0, 3.0, 1e-3])) == pytest.approx(
        plain_mean(wv, ["a", "b", "c"], [1.0, 3.0, 1e-3]), abs=1e-6
    )


def test_cosine_handles_lists_arrays_and_zero_vectors() -> None:
    assert cosine([1.0, 0.0], array("f", [1.0, 1.0])) == pytest.approx(math.sqrt(0.5))
    assert cosine([1.0, 2.0], [-1.0, -2.0]) == pytest.approx(-1.0)
    assert cosine([0.0, 0.0], [1.0, 2.0]) == 0.0


def test_the_default_vectors_load_once_per_process() -> None:
    assert default_vectors() is default_vectors()


def _write(path: Path, blob: bytes) -> Path:
    path.write_bytes(blob)
    return path


@pytest.fixture
def good_blob(tmp_path: Path) -> bytes:
    path = tmp_path / "good.bin"
    dump(path, ["one", "two"], [1.0, 0.5], array("b", [1, 2, 3, -4, -5, -6]).tobytes())
    return path.read_bytes()


def test_a_written_file_reads_back(tmp_path: Path, good_blob: bytes) -> None:
    wv = WordVectors.load(_write(tmp_path / "v.bin", good_blob))
    assert wv.dims == 3 and len(wv) == 2
    assert list(wv.vec("two")) == [-2.0, -2.5, -3.0]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b"", "too short"),
        (lambda b: b[:10], "too short"),
        (lambda b: b"XXXX" + b[4:], "not a word-vectors file"),
        (lambda b: b[:4] + struct.pack("<H", VERSION + 1) + b[6:], f"version {VERSION + 1}"),
        (lambda b: b[:-1], "truncated or corrupt"),
        (lambda b: b + b"\0", "truncated or corrupt"),
        (lambda b: b[:16] + b"\xff" + b[17:], "corrupt word list"),
    ],
)
def test_a_bad_file_raises_a_clear_value_error(tmp_path: Path, good_blob: bytes, damage, message) -> None:
    path = _write(tmp_path / "bad.bin", damage(good_blob))
    with pytest.raises(ValueError, match=message) as info:
        WordVectors.load(path)
    assert str(path) in str(info.value)


def test_reading_the_vectors_needs_no_numpy() -> None:
    # numpy and torch made unimportable: a development venv may have them, answering must not need them
    code = (
        "import sys; sys.modules.update(numpy=None, torch=None); "
        "from knowledge.wordvectors import default_vectors, cosine; v = default_vectors(); "
        "assert cosine(v.mean(['buy', 'car']), v.vec('purchase')) > 0.5"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_rows_kept_spread_out_give_the_same_mean_and_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # mean() keeps the last rows it spread into ints: whether a row comes from there or is spread
    # afresh, the mean is the same to the last bit, and no more than SPREAD_KEPT rows are kept
    monkeypatch.setattr(wordvectors, "SPREAD_KEPT", 3)
    fresh = WordVectors.load(DEFAULT_PATH)
    words = "the minister was sacked after he bought a car".split()
    weights = [1.0 + i for i in range(len(words))]
    first = fresh.mean(words, weights).tobytes()
    assert 0 < len(fresh._spread) <= 3
    again = fresh.mean(words, weights).tobytes()
    assert first == again == WordVectors.load(DEFAULT_PATH).mean(words, weights).tobytes()
    assert 0 < len(fresh._spread) <= 3


def _exact_mean(wv: WordVectors, words: list[str], weights: list[float]) -> bytes:
    """mean() by its definition: each row's int8 values summed in exact integers with the integer
    coefficients mean() rounds the weights to, then normalised and rounded to float32."""
    kept = [(wv.index[w], g) for w, g in zip(words, weights, strict=True) if w in wv.index and g]
    coefs = [wv.scales[i] * g for i, g in kept]
    to_int = (1 << 24) / max(coefs)
    sums = [0] * wv.dims
    for (i, _), coef in zip(kept, coefs, strict=True):
        c = round(coef * to_int)
        row = wv.rows[i * wv.dims : (i + 1) * wv.dims]
        sums = [s + c * (u - 128) for s, u in zip(sums, row, strict=True)]
    summed = [float(s) for s in sums]
    inv = 1.0 / math.hypot(*summed)
    return array("f", [x * inv for x in summed]).tobytes()


def test_mean_read_through_exponent_bits_is_its_exact_integer_sum(
    wv: WordVectors, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the summed fields are read as doubles by setting their exponent bits (speed): to the last bit
    # what exact integer sums give, and what the plain int-minus-float reading gives
    rng = random.Random(12)
    vocab = sorted(wv.index)[::97]
    lists = [[rng.choice(vocab) for _ in range(rng.randint(1, 40))] for _ in range(300)]
    weighted = [(ws, [rng.choice((0.0, 1.0, rng.uniform(0.01, 9.0))) for _ in ws]) for ws in lists]
    weighted = [(ws, gs) for ws, gs in weighted if any(gs)]
    read = []
    real = wordvectors._float64s
    monkeypatch.setattr(wordvectors, "_float64s", lambda dims: read.append(dims) or real(dims))
    fast = [wv.mean(ws, gs).tobytes() for ws, gs in weighted]
    assert len(read) == len(weighted) > 250
    assert fast == [_exact_mean(wv, ws, gs) for ws, gs in weighted]
    monkeypatch.setattr(wordvectors, "_EXPONENT_FITS", 0)  # the reading kept for a million words
    assert [wv.mean(ws, gs).tobytes() for ws, gs in weighted] == fast
