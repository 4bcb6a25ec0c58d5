"""A pytest plugin: under CI (env CI=true) a skip whose reason is not on the explained list
in tests/allowed_skips.py fails the run, so breakage cannot hide as a skip.

tests/conftest.py loads it; ``pytest -p tests.skip_policy`` loads it elsewhere (its own test).
"""
from __future__ import annotations

import os
import re

import pytest

from tests.allowed_skips import ALLOWED_SKIPS


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_reason(report: pytest.TestReport) -> str:
    """The reason a skipped report gives, without pytest's ``Skipped: `` prefix."""
    longrepr = report.longrepr
    text = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return text[len("Skipped: "):] if text.startswith("Skipped: ") else text


def is_allowed(reason: str) -> bool:
    return any(re.search(pattern, reason) for pattern in ALLOWED_SKIPS)


class SkipPolicy:
    """Collects unexplained skips; under CI turns a passing run into a failed one."""

    def __init__(self) -> None:
        self.unexplained: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = skip_reason(report)
            if not is_allowed(reason):
                self.unexplained.append(f"{report.nodeid}: {reason}")

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if under_ci() and self.unexplained and exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter, exitstatus: int, config: pytest.Config) -> None:
        if under_ci() and self.unexplained:
            terminalreporter.section("skips not on tests/allowed_skips.py fail the run under CI=true", red=True)
            for line in self.unexplained:
                terminalreporter.line(line)


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("vitrine-skip-policy"):
        config.pluginmanager.register(SkipPolicy(), "vitrine-skip-policy")
