"""citebot's knowledge: derive a cited fact base from articles, store it, match questions to it."""

from .errors import KnowledgeError
from .factbase import DEFAULT_SOURCES, FactBase, build_file
from .model import Answer, Citation, EntityInfo, FactRef, Focus, ReloadReport, SourceInfo, Summary

__all__ = [
    "DEFAULT_SOURCES",
    "Answer",
    "Citation",
    "EntityInfo",
    "FactBase",
    "FactRef",
    "Focus",
    "KnowledgeError",
    "ReloadReport",
    "SourceInfo",
    "Summary",
    "build_file",
]
