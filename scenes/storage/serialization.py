"""Dataclasses to JSON-ready dicts and back, driven by the model's type hints.

``from_dict`` expects data already validated against the JSON Schema; it builds
the typed objects (tuples for vectors, nested dataclasses) and fills defaults.
"""
from __future__ import annotations

import copy
import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Convert a model object (dataclass, list, dict, tuple, scalar) to plain JSON data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """Build an instance of dataclass ``cls`` from plain JSON data."""
    return _convert(cls, data)


def _convert(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        non_none = [a for a in args if a is not type(None)]
        return _convert(non_none[0], data)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if isinstance(data, dict) and f.name in data:
                kwargs[f.name] = _convert(hints[f.name], data[f.name])
        return tp(**kwargs)
    if origin is tuple:
        return tuple(_convert(args[0] if args else Any, v) for v in data)
    if origin is list:
        return [_convert(args[0] if args else Any, v) for v in data]
    if origin is dict:
        value_type = args[1] if len(args) == 2 else Any
        return {str(k): _convert(value_type, v) for k, v in data.items()}
    if tp is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if tp is Any:
        return copy.deepcopy(data)
    return data


def clone(obj: T) -> T:
    """A deep copy of a model object (commands keep their own copies of values)."""
    return copy.deepcopy(obj)
