"""Run every benchmark in this folder and print its figures as one table.

Each ``bench_*.py`` module defines ``run(quick: bool) -> list[dict]``; each row
has ``benchmark``, ``case``, ``metric``, ``value``, ``unit`` and optionally
``target`` (text such as "<= 1.0 s") and ``note``.

Usage: ``python benchmarks/run.py [--quick] [--only NAME] [--json FILE]``
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _format_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def print_table(rows: list[dict]) -> None:
    cols = ["benchmark", "case", "metric", "value", "unit", "target", "note"]
    cells = [[_format_value(r.get(c, "")) for c in cols] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    parser.add_argument("--only", action="append", default=[], help="run only bench_NAME.py (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    args = parser.parse_args(argv)
    rows: list[dict] = []
    failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem[len("bench_"):]
        if args.only and name not in args.only:
            continue
        print(f"== {name}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            rows.extend(_load(path).run(quick=args.quick))
        except Exception:  # a broken benchmark must not hide the others' figures
            failed += 1
            traceback.print_exc()
            rows.append({"benchmark": name, "case": "-", "metric": "error", "value": "failed"})
        print(f"   {time.perf_counter() - start:.1f} s", file=sys.stderr)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
