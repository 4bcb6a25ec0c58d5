"""Hostile scan files never cost a curator work: every mutated file ends in a
one-line ScanError or a valid Scan, quickly, in bounded memory, without a crash.

The loads run in worker processes (tests/robustness/fuzz_harness.py) so that a
segfault in a C extension is reported here, with the offending file saved,
instead of killing pytest.  Mutations are seeded: a failure is reproducible.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan

from .fuzz_harness import FamilyResult, fuzz_all, fuzz_family
from .fuzz_seeds import FAMILIES
from .fuzz_worker import check_valid

CI_FILES_PER_FAMILY = 1000
MAX_SECONDS_PER_LOAD = 10.0       # a hang check, not a speed target
MAX_RSS_GROWTH = 256 * 2**20      # seeds are a few KiB: growth beyond this means a lying count was trusted


def _assert_clean(r: FamilyResult, expected_files: int) -> None:
    assert r.files == expected_files, r.line()
    assert r.crashes == 0 and r.hangs == 0, f"{r.line()}\n{r.failures[:5]}"
    assert r.exceptions == 0 and r.bad_errors == 0 and r.invalid == 0, f"{r.line()}\n{r.failures[:5]}"
    assert r.errors + r.valid == r.files
    assert r.max_seconds < MAX_SECONDS_PER_LOAD, r.line()
    assert r.rss_growth < MAX_RSS_GROWTH, r.line()


def test_every_format_family_survives_a_thousand_mutations(tmp_path: Path) -> None:
    results = fuzz_all(CI_FILES_PER_FAMILY, crash_dir=tmp_path / "crashes")
    print()
    for r in results:
        print("fuzz", r.line())
    total = sum(r.files for r in results)
    print(f"fuzz total: {total} files, {sum(r.errors for r in results)} clean errors, "
          f"{sum(r.valid for r in results)} valid, {sum(r.crashes + r.hangs for r in results)} crashes/hangs, "
          f"max {max(r.max_seconds for r in results):.3f} s, "
          f"max RSS growth {max(r.rss_growth for r in results) / 2**20:.1f} MiB")
    assert {r.family for r in results} == set(FAMILIES)
    for r in results:
        _assert_clean(r, CI_FILES_PER_FAMILY)
        # The mutations must reach both outcomes, else they only test the first header check.
        assert r.errors > 0 and r.valid > 0, r.line()
    assert total >= 6000


def test_heads_of_real_scans_fuzzed(scans_dir: Path, tmp_path: Path) -> None:
    """Heads of the real scans (headers claim the full counts) mixed into the seeds."""
    for family in ("ply", "obj", "stl", "glb"):
        r = fuzz_family(family, 200, master_seed=7, scans_dir=scans_dir, crash_dir=tmp_path / "crashes")
        print("fuzz real-heads", r.line())
        _assert_clean(r, 200)


@pytest.mark.parametrize("rel", ["igea/igea.ply", "gargoyle/gargoyle.ply", "stanford-bunny/bunny-points.ply",
                                 "stanford-bunny/bunny.stl", "balinese-mask/mask.glb", "stanford-bunny/bunny.obj"])
def test_truncated_real_scans(scan, rel: str, tmp_path: Path) -> None:
    data = scan(rel).read_bytes()
    target = tmp_path / Path(rel).name
    fractions = (0.001, 0.5, 0.999) if rel.endswith(".obj") else (0.0001, 0.01, 0.3, 0.5, 0.9, 0.999)
    for frac in fractions:
        target.write_bytes(data[:max(1, int(len(data) * frac))])
        try:
            result = load_scan(target)
        except ScanError as err:
            assert "\n" not in str(err) and str(err).startswith(target.name + ": ")
            continue
        # Text formats may legitimately load a prefix; it must still be a sound scan.
        assert check_valid(result) is None, (rel, frac)
        assert rel.endswith(".obj"), f"{rel} truncated at {frac:.2%} loaded instead of being refused"


def test_harness_reports_a_segfault_and_saves_the_input(tmp_path: Path) -> None:
    """The crash isolation itself: a worker killed by SIGSEGV is a reported failure, not a dead pytest."""
    r = fuzz_family("off", 30, crash_dir=tmp_path / "crashes", selftest={"selftest_crash_at": 12})
    assert r.crashes == 1 and r.files == 30 and r.errors + r.valid == 29
    failure = r.failures[0]
    assert failure["index"] == 12 and failure["outcome"] == "crash"
    assert Path(failure["saved"]).is_file() and Path(failure["saved"]).suffix == ".off"


def test_harness_reports_a_hang(tmp_path: Path) -> None:
    r = fuzz_family("ply", 10, crash_dir=tmp_path / "crashes", hang_seconds=3.0,
                    selftest={"selftest_hang_at": 4})
    assert r.hangs == 1 and r.files == 10 and r.failures[0]["index"] == 4
