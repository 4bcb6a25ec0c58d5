"""`vitrine kiosk`: verify a bundle against this machine's trust, serve it from the verifying server
on 127.0.0.1, open Chromium in kiosk mode with the trusted key pinned in the address, and keep it so.

Supervision (``Kiosk.step``, run every ``poll`` seconds by ``Kiosk.run``):
- a browser that exited or crashed is started again;
- a page whose heartbeats (see kiosk_server) stopped for ``hang_after`` seconds is killed and restarted
  (checked once the page has sent its first heartbeat, so a viewer without heartbeats is never killed);
- a browser whose process tree's resident memory (from /proc) passes ``memory_limit_mb`` is restarted
  cleanly, a last line of defence against a leak; its memory is logged every ``memory_log_every``
  seconds and at every verification check;
- every ``check_every`` seconds the bundle is verified again; when it no longer verifies, content
  stops (every request gets a blank 503) and the browser is restarted so nothing stays on screen;
  when it verifies again, or verifies with a new manifest (a new export), it serves that one.
The browser command is injectable (``browser`` = any executable; tests pass a fake script).
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable

from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.signing_keys import config_dir
from .check import verify_folder
from .kiosk_server import VerifiedContent, make_kiosk_server
from .process_memory import tree_rss_bytes
from .store import TrustStore

DEFAULT_BROWSER = "/usr/bin/chromium"
# A kiosk's Chromium showing an exhibit holds some 300-700 MB; 2 GB leaves room for big models and
# still restarts well before a 4 GB kiosk PC starts swapping.
DEFAULT_MEMORY_LIMIT_MB = 2048
MB = 1024 * 1024
# What an unattended touch kiosk needs: full screen with no way out, no dialogs, bubbles, infobars,
# first-run or update prompts, no swipe-back or pinch zoom leaving the exhibit, sound without a tap,
# no translation offer, and a dedicated, throw-away profile.
KIOSK_FLAGS = ("--kiosk", "--noerrdialogs", "--disable-session-crashed-bubble", "--disable-infobars",
               "--no-first-run", "--no-default-browser-check", "--overscroll-history-navigation=0",
               "--disable-pinch", "--check-for-update-interval=31536000", "--disable-component-update",
               "--autoplay-policy=no-user-gesture-required", "--disable-features=Translate",
               "--password-store=basic", "--incognito")


class KioskRefused(ExportError):
    """The bundle does not verify: nothing is launched (the message is the one reason line)."""


def browser_command(browser: str, url: str, profile_dir: Path) -> list[str]:
    """The argv that opens ``url`` in kiosk mode with a dedicated profile folder."""
    return [browser, *KIOSK_FLAGS, f"--user-data-dir={profile_dir}", url]


def make_logger(log_file: Path | None) -> logging.Logger:
    """A logger writing to a rotating file (1 MB x 5)."""
    log = logging.getLogger(f"vitrine.kiosk.{id(object())}")
    log.setLevel(logging.INFO)
    log.propagate = False
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    if log_file is not None:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(fmt)
        log.addHandler(handler)
    return log


class Kiosk:
    """One kiosk: ``start()``, then ``step()`` per supervision cycle (or ``run()``), then ``stop()``."""

    def __init__(self, bundle: Path, *, browser: str = DEFAULT_BROWSER, port: int = 0,
                 check_every: float = 3600.0, hang_after: float = 60.0, log_file: Path | None = None,
                 profile_dir: Path | None = None, store: TrustStore | None = None,
                 clock: Callable[[], float] = time.monotonic, memory_limit_mb: float = DEFAULT_MEMORY_LIMIT_MB,
                 memory_log_every: float = 600.0) -> None:
        self.bundle = Path(bundle)
        self.memory_limit_mb, self.memory_log_every = memory_limit_mb, memory_log_every
        self.next_memory_log = 0.0
        self.memory_restarts = 0
        self.browser, self.port, self.check_every, self.hang_after = browser, port, check_every, hang_after
        self.profile_dir = profile_dir or config_dir() / "kiosk-browser"
        self.store, self.clock = store, clock
        self.log_file = log_file
        self.log = make_logger(log_file)
        self.content = VerifiedContent(self.bundle)
        self.server = None
        self.process: subprocess.Popen | None = None
        self.launches = 0
        self.anchor = self.signer = ""
        self.next_check = 0.0

    # --- verification ---------------------------------------------------------------------
    def check(self) -> str:
        """Verify the bundle now; returns "" when it verifies (and sets the pin), else the reason line."""
        try:
            report = verify_folder(self.bundle, store=self.store)
        except ExportError as exc:
            return str(exc)
        if report.ok:
            self.anchor, self.signer = report.decision.anchor, report.result.fingerprint
            self.log.info("%s verifies: %s", self.bundle, report.lines()[-1])
            return ""
        d = report.decision
        return d.line if d is not None and not d.trusted else report.lines()[0]

    @property
    def url(self) -> str:
        # ?profile=kiosk keeps the page a kiosk even if a re-signed exhibit.json said "web"
        return f"http://127.0.0.1:{self.server.server_address[1]}/index.html?profile=kiosk#key={self.anchor}"

    # --- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        """Verify, serve, launch; KioskRefused (nothing started) when the bundle does not verify."""
        problem = self.check()
        if problem:
            self.log.error("not starting %s: %s", self.bundle, problem)
            raise KioskRefused(f"{self.bundle}: not starting the kiosk: {problem}")
        try:
            self.content.load(self.signer)
        except ExportError as exc:
            self.log.error("not starting: %s", exc)
            raise KioskRefused(str(exc)) from None
        self.server = make_kiosk_server(self.content, self.log, self.port)
        threading.Thread(target=self.server.serve_forever, name="kiosk-server", daemon=True).start()
        self.log.info("serving %s on %s", self.bundle, self.url)
        self.next_check = self.clock() + self.check_every
        self.launch()

    def launch(self) -> None:
        """Start the browser on the pinned address."""
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        argv = browser_command(self.browser, self.url, self.profile_dir)
        self.content.last_heartbeat = None
        try:
            self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            self.process = None
            self.log.error("cannot start the browser %s: %s", self.browser, exc.strerror or exc)
            return
        self.launches += 1
        self.log.info("started the browser (pid %d, launch %d)", self.process.pid, self.launches)

    def kill_browser(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
            try:
                os.killpg(proc.pid, sig)  # Chromium's helper processes too
            except ProcessLookupError:
                return
            try:
                proc.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def step(self) -> None:
        """One supervision cycle: re-verify when due, restart a browser that exited or hangs."""
        now = self.clock()
        checking = now >= self.next_check
        if checking:
            self.next_check = now + self.check_every
            problem = self.check()
            if problem and self.content.serving:
                self.content.stop()
                self.log.error("%s no longer verifies, stopped showing it: %s", self.bundle, problem)
                self.kill_browser()
            elif not problem and (not self.content.serving or self.content.manifest_changed()):
                try:  # back, or re-exported by the museum: serve the newly verified manifest
                    self.content.load(self.signer)
                    self.log.info("%s verifies, showing it as now signed", self.bundle)
                    self.kill_browser()
                except ExportError as exc:
                    self.content.stop()
                    self.log.error("%s", exc)
        self.watch_memory(now, log_now=checking or now >= self.next_memory_log)
        if self.process is not None and self.process.poll() is not None:
            self.log.warning("the browser exited with status %s; restarting it", self.process.returncode)
            self.process = None
        beat = self.content.last_heartbeat
        if self.process is not None and beat is not None and now - beat > self.hang_after:
            self.log.warning("the page sent no heartbeat for %.0f s; restarting the browser", now - beat)
            self.kill_browser()
        if self.process is None:
            self.launch()

    def watch_memory(self, now: float, log_now: bool) -> None:
        """Log the browser's resident memory when due; restart the browser when it passes the limit."""
        if self.process is None or self.process.poll() is not None:
            return
        mb = tree_rss_bytes(self.process.pid) / MB
        if mb > self.memory_limit_mb:
            self.memory_restarts += 1
            self.log.warning("the browser uses %.0f MB, over the %.0f MB limit; restarting it", mb, self.memory_limit_mb)
            self.kill_browser()
            self.next_memory_log = now + self.memory_log_every
        elif log_now:
            self.log.info("browser memory: %.0f MB (limit %.0f MB)", mb, self.memory_limit_mb)
            self.next_memory_log = now + self.memory_log_every

    def run(self, cycles: int | None = None, poll: float = 2.0) -> None:
        """Supervise for ``cycles`` cycles (None: until interrupted), ``poll`` seconds apart."""
        n = 0
        while cycles is None or n < cycles:
            time.sleep(poll)
            self.step()
            n += 1

    def echo(self) -> None:
        """Also log to stderr (the CLI does once the kiosk has started)."""
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        self.log.addHandler(console)

    def stop(self) -> None:
        self.kill_browser()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        for handler in list(self.log.handlers):
            handler.close()
            self.log.removeHandler(handler)
