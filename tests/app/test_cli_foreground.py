"""`vitrine serve` and `vitrine kiosk` stop one way: Ctrl-C says "stopped" (no traceback), and what
they opened is closed whether they stop or fail."""
from __future__ import annotations

import pytest

from vitrine.app.cli.foreground import run_until_interrupted


def test_ctrl_c_says_stopped_and_closes(capsys):
    closed = []

    def run():
        raise KeyboardInterrupt

    assert run_until_interrupted(run, lambda: closed.append(True)) == 0
    assert capsys.readouterr().err == "stopped\n" and closed == [True]


def test_a_failure_still_closes_and_is_not_swallowed(capsys):
    closed = []

    def run():
        raise OSError("port gone")

    with pytest.raises(OSError, match="port gone"):
        run_until_interrupted(run, lambda: closed.append(True))
    assert closed == [True] and capsys.readouterr().err == ""
