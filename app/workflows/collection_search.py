"""Searching a prepared collection the way a curator types: words match the name, format or
a problem; ``>5MB`` / ``<200kb`` bound the file size; ``problems`` keeps scans with problems.

    matches(entry, parse_query("vase ply >2MB problems"))
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_SIZE = re.compile(r"^([<>])(\d+(?:\.\d+)?)(kb|mb|gb)$", re.IGNORECASE)
_UNITS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30}
PROBLEM_WORDS = ("problems", "problem", "有问题")


@dataclass
class Query:
    words: list[str] = field(default_factory=list)  # lower-case; every one must match
    min_bytes: int = 0
    max_bytes: int = 0  # 0: no bound
    with_problems: bool = False


def parse_query(text: str) -> Query:
    """A query from what the curator typed (see the module docstring)."""
    query = Query()
    for token in text.split():
        size = _SIZE.match(token)
        if size:
            amount = int(float(size.group(2)) * _UNITS[size.group(3).lower()])
            if size.group(1) == ">":
                query.min_bytes = amount
            else:
                query.max_bytes = amount
        elif token.lower() in PROBLEM_WORDS:
            query.with_problems = True
        else:
            query.words.append(token.lower())
    return query


def problems_of(entry: dict[str, Any]) -> list[str]:
    """The entry's problem lines: its inspection problems, or the error of a failed scan."""
    if entry.get("status") == "failed":
        return [entry.get("error", "")]
    return list(entry.get("summary", {}).get("problems", []))


def matches(entry: dict[str, Any], query: Query) -> bool:
    size = int(entry.get("file_size", 0))
    if size < query.min_bytes or (query.max_bytes and size > query.max_bytes):
        return False
    problems = problems_of(entry)
    if query.with_problems and not problems:
        return False
    haystack = " ".join([entry.get("name", ""), entry.get("format", ""), *problems]).lower()
    return all(word in haystack for word in query.words)
