"""Distractor articles for the benchmarks: real English prose gathered offline from this machine.

`make_distractor_sources(folder, n_sentences=100_000)` fills *folder* with the shipped article
sources (knowledge/sources/*) plus plain-text "articles" made of the Python standard library's own
docstrings (modules, classes, functions and methods), about 200 sentences a file, each file starting
with a headline line. When the docstrings hold fewer sentences than asked for, varied copies are
added (sentence order shuffled within paragraphs, a few words swapped for synonyms, numbers changed,
a discourse opener added) with a fixed random seed, so the same *n_sentences* always writes the same
files on the same Python.

The standard library yields about 8,500 distinct prose sentences on Python 3.11, so 100,000
sentences are those plus about eleven varied copies of each.

Sentences are counted the way citebot counts them (knowledge.text.split_sentences per paragraph,
plus the headline), so a built base holds about *n_sentences* distractor sentences besides the
article's own.

The docstrings are collected in a child interpreter (`python -I`) so that importing ~400 standard
library modules neither pollutes the caller's process (memory, imported modules) nor lets a module's
import-time side effects reach it; modules that fail to import are skipped, and modules with visible
side effects (antigravity, this, idlelib, tkinter, turtle*, test packages, __main__ modules) are never
imported.

    python benchmarks/distractors.py /tmp/distractors 100000   # write a folder and print its counts
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from knowledge.text import split_sentences  # noqa: E402

SHIPPED_SOURCES = ROOT / "knowledge" / "sources"
SENTENCES_PER_FILE = 200
SEED = 20240618
PREFIX = "stdlib-docs-"

# Modules never imported: they open browsers or windows, print on import, or are test suites.
SKIP = {
    "antigravity",
    "this",
    "idlelib",
    "tkinter",
    "turtle",
    "turtledemo",
    "test",
    "tests",
    "idle_test",
    "__main__",
    "lib2to3",
    "ensurepip",
    "pydoc_data",
    "encodings",  # ~120 codec modules with one-line docstrings
}

# Collected in a child interpreter; prints JSON [[module, [docstring, ...]], ...] to the file in argv[1].
_COLLECT = r"""
import inspect, io, json, pkgutil, sys, warnings, contextlib
warnings.simplefilter("ignore")
SKIP = set(json.loads(sys.argv[2]))

def skipped(name):
    parts = name.split(".")
    return any(p in SKIP or p.startswith("_") or p.startswith("test") for p in parts)

names = sorted(
    {m.name for m in pkgutil.iter_modules() if m.name in sys.stdlib_module_names}
    | {n for n in sys.builtin_module_names if n in sys.stdlib_module_names}
)
todo = [n for n in names if not skipped(n)]
out, seen_docs, done = [], set(), set()
sink = io.StringIO()

def docs_of(mod):
    found = []
    def add(obj):
        try:
            doc = inspect.getdoc(obj)
        except Exception:
            return
        if doc and doc not in seen_docs:
            seen_docs.add(doc)
            found.append(doc)
    add(mod)
    for name, obj in sorted(vars(mod).items(), key=lambda kv: kv[0]):
        if name.startswith("_"):
            continue
        owner = getattr(obj, "__module__", None) or ""
        if owner != mod.__name__ and not owner.startswith("_") and owner != "builtins":
            continue  # defined elsewhere: documented with its own module (C parts such as _io count)
        if inspect.isclass(obj):
            add(obj)
            for mname, member in sorted(vars(obj).items(), key=lambda kv: kv[0]):
                if mname.startswith("_"):
                    continue
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if inspect.isfunction(member) or inspect.isroutine(member) or isinstance(member, property):
                    add(member)
        elif inspect.isroutine(obj):
            add(obj)
    return found

i = 0
while i < len(todo):
    name = todo[i]
    i += 1
    if name in done:
        continue
    done.add(name)
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            mod = __import__(name, fromlist=["_"])
    except BaseException:
        continue
    out.append([name, docs_of(mod)])
    path = getattr(mod, "__path__", None)
    if path:
        subs = sorted(m.name for m in pkgutil.iter_modules(path, name + "."))
        todo[i:i] = [s for s in subs if not skipped(s)]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(out, f)
"""


def collect_docstrings() -> list[tuple[str, list[str]]]:
    """(module, docstrings) for the importable standard library, in a fixed order."""
    fd, tmp = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        subprocess.run(
            [sys.executable, "-I", "-W", "ignore", "-c", _COLLECT, tmp, json.dumps(sorted(SKIP))],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=300,
            check=True,
            env={"PATH": os.environ.get("PATH", ""), "HOME": tempfile.gettempdir(), "LANG": "C.UTF-8"},
            cwd=tempfile.gettempdir(),
        )
        return [(m, docs) for m, docs in json.loads(Path(tmp).read_text("utf-8"))]
    finally:
        os.unlink(tmp)


# --- from docstrings to prose paragraphs ----------------------------------------

_CODE_LINE = re.compile(r"(>>>|^\.\.\. |::\s*$|^\s*[-=*+#|~^]{3,}|^\s*\$ |^\s*%)")
_FIELD = re.compile(r"^\s*(:param|:type|:return|:rtype|:raises|[A-Z][a-z]+( [a-z]+)?:$)")
_NOT_PROSE = re.compile(r"[{}<>`\\@|]|\w\.\w+\(|==|!=|\+=|->|\w_\w|__")
_SPACES = re.compile(r"\s+")


def _prose_paragraphs(doc: str) -> list[str]:
    """The paragraphs of a docstring that read as running text: no code, tables or field lists."""
    paras = []
    for block in re.split(r"\n\s*\n", doc):
        lines = block.splitlines()
        if not lines or any(_CODE_LINE.search(line) or _FIELD.match(line) for line in lines):
            continue
        if all(line.startswith((" ", "\t")) for line in lines):
            continue  # an indented example, definition list or signature
        text = _SPACES.sub(" ", " ".join(lines)).strip()
        if len(text) >= 20 and text.isascii():
            paras.append(text)
    return paras


def _sentences(paragraph: str) -> list[str]:
    """The sentences of *paragraph* that read as English prose."""
    out = []
    for start, end in split_sentences(paragraph):
        s = paragraph[start:end].strip()
        if (
            not 4 <= len(s.split()) <= 60
            or " -- " in s
            or not s[0].isupper()
            or s[-1] not in ".!?"
            or _NOT_PROSE.search(s)
        ):
            continue
        if sum(ch.isalpha() or ch == " " for ch in s) < 0.9 * len(s):
            continue
        out.append(s)
    return out


def _corpus() -> list[tuple[str, list[list[str]]]]:
    """(module, paragraphs as sentence lists), sentences deduplicated across the whole corpus."""
    seen: set[str] = set()
    corpus = []
    for module, docs in collect_docstrings():
        paras = []
        for doc in docs:
            for para in _prose_paragraphs(doc):
                sents = [s for s in _sentences(para) if s not in seen]
                seen.update(sents)
                if sents:
                    paras.append(sents)
        if paras:
            corpus.append((module, paras))
    return corpus


# --- deterministic variations --------------------------------------------------

_SYNONYMS = {
    "return": "produce",
    "returns": "produces",
    "returned": "produced",
    "function": "routine",
    "functions": "routines",
    "object": "item",
    "objects": "items",
    "value": "quantity",
    "values": "quantities",
    "string": "text",
    "strings": "texts",
    "file": "document",
    "files": "documents",
    "list": "sequence",
    "number": "count",
    "default": "standard",
    "argument": "parameter",
    "arguments": "parameters",
    "create": "make",
    "creates": "makes",
    "new": "fresh",
    "use": "employ",
    "used": "employed",
    "specified": "given",
    "instance": "example",
    "method": "procedure",
    "methods": "procedures",
    "called": "invoked",
    "call": "invoke",
    "error": "fault",
    "errors": "faults",
    "raise": "throw",
    "raised": "thrown",
    "raises": "throws",
    "current": "present",
    "set": "group",
    "data": "information",
    "name": "label",
    "names": "labels",
    "true": "correct",
    "false": "incorrect",
    "support": "handle",
    "supports": "handles",
    "empty": "blank",
    "first": "initial",
    "last": "final",
}
_SYN_RE = re.compile(r"\b(" + "|".join(sorted(_SYNONYMS, key=len, reverse=True)) + r")\b", re.I)
_NUM_RE = re.compile(r"\b\d+\b")
_OPENERS = (
    "In practice, ",
    "By default, ",
    "Note that ",
    "Generally, ",
    "As documented, ",
    "In short, ",
    "For example, ",
    "Typically, ",
)


def _vary(sentence: str, rng: random.Random) -> str:
    def swap(m: re.Match) -> str:
        if rng.random() < 0.5:
            return m.group(0)
        word = _SYNONYMS[m.group(0).lower()]
        return word.capitalize() if m.group(0)[0].isupper() else word

    s = _SYN_RE.sub(swap, sentence)
    s = _NUM_RE.sub(lambda m: str(rng.randint(2, 999)), s)
    if rng.random() < 0.5:
        s = rng.choice(_OPENERS) + s[0].lower() + s[1:]
    return s


def _paragraph_stream(corpus: list[tuple[str, list[list[str]]]]):
    """(module, paragraph text) forever: the originals, then varied copies (round 1, 2, ...)."""
    for module, paras in corpus:
        for sents in paras:
            yield module, " ".join(sents)
    round_ = 1
    while True:
        rng = random.Random(SEED + round_)
        for module, paras in corpus:
            for sents in paras:
                sents = [_vary(s, rng) for s in sents]
                rng.shuffle(sents)
                yield module, " ".join(sents)
        round_ += 1


def _count(paragraph: str) -> int:
    return len(split_sentences(paragraph))


def make_distractor_sources(folder: str | Path, n_sentences: int = 100_000) -> dict:
    """Write the shipped sources plus ~*n_sentences* distractor sentences into *folder*.

    The folder is emptied first. Returns {"files", "sentences", "original_sentences"}: the
    distractor files written, the distractor sentences they hold (headlines included) and how
    many of those are unvaried docstring sentences.
    """
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in sorted(SHIPPED_SOURCES.iterdir()):
        if path.is_file():
            shutil.copy2(path, folder / path.name)
    if n_sentences <= 0:
        return {"files": 0, "sentences": 0, "original_sentences": 0}
    corpus = _corpus()
    if not corpus:
        raise RuntimeError("no standard library docstrings could be collected")
    originals = sum(len(s) for _, paras in corpus for s in paras)
    total = files = 0
    stream = _paragraph_stream(corpus)
    while total < n_sentences:
        module, first = next(stream)
        files += 1
        headline = f"Notes on the {module} module, part {files}"
        paras, count = [first], 1 + _count(first)
        while count < SENTENCES_PER_FILE and total + count < n_sentences:
            _, para = next(stream)
            paras.append(para)
            count += _count(para)
        body = "\n\n".join(paras)
        (folder / f"{PREFIX}{files:05d}.txt").write_text(f"{headline}\n\n{body}\n", "utf-8")
        total += count
    return {"files": files, "sentences": total, "original_sentences": min(originals, total)}


if __name__ == "__main__":
    import time

    target = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="citebot-distractors-")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    t0 = time.perf_counter()
    info = make_distractor_sources(target, n)
    print(f"{target}: {info} in {time.perf_counter() - t0:.1f} s")
