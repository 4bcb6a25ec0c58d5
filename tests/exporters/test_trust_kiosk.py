"""`vitrine kiosk`: verify before anything starts, serve only signed bytes on 127.0.0.1, pass the
pin, keep the browser running (issue 10). The browser is a fake script that records its argv and
either exits at once ('crash') or waits ('stay')."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from vitrine.app.cli import main
from vitrine.exporters.trust.kiosk_launcher import KIOSK_FLAGS, Kiosk, KioskRefused
from tests.trust_attacks import rehash_without_resign, resign_with_new_key, swap_viewer_js


def _fake_browser(tmp_path: Path, mode: str) -> Path:
    """A browser that writes its arguments to launches/<pid>.txt, then exits 3 or waits."""
    (tmp_path / "launches").mkdir(exist_ok=True)
    script = tmp_path / f"browser-{mode}"
    tail = "exit 3" if mode == "crash" else "exec sleep 120"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/launches/$$.txt"\n{tail}\n')
    script.chmod(0o755)
    return script


def _launches(tmp_path: Path, expect: int = 0) -> list[list[str]]:
    """The recorded argv of every launch, once ``expect`` fake browsers have written theirs."""
    for _ in range(3000):  # a started process writes its file a moment later
        files = sorted((tmp_path / "launches").glob("*.txt"))
        if len(files) >= expect and all(f.stat().st_size for f in files):
            break
        time.sleep(0.01)
    return [p.read_text().splitlines() for p in files]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _get(kiosk: Kiosk, path: str, method: str = "GET") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", kiosk.server.server_address[1], timeout=10)
    try:
        conn.request(method, path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.fixture
def kiosk_factory(tmp_path):
    made = []

    def make(bundle: Path, mode: str = "stay", **kw) -> Kiosk:
        kiosk = Kiosk(bundle, browser=str(_fake_browser(tmp_path, mode)), log_file=tmp_path / "kiosk.log",
                      profile_dir=tmp_path / "profile", **kw)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.stop()


def test_kiosk_refuses_a_resigned_bundle_and_launches_nothing(bundle_copy, it_machine, tmp_path, capsys):
    attacker = resign_with_new_key(bundle_copy, institution="City Museum")
    browser = _fake_browser(tmp_path, "stay")
    capsys.readouterr()
    rc = main(["kiosk", str(bundle_copy), "--browser", str(browser), "--log", str(tmp_path / "k.log")])
    got = capsys.readouterr()
    line = (f"{bundle_copy}: not starting the kiosk: untrusted: signed by {attacker}, a key this machine does not "
            f"trust (if it is the publisher's, run: vitrine keys trust {attacker} --name NAME)")
    assert (rc, got.out, got.err) == (1, "", f"vitrine: {line}\n")
    assert _launches(tmp_path) == []
    assert f"ERROR not starting {bundle_copy}: untrusted: signed by {attacker}" in (tmp_path / "k.log").read_text()


@pytest.mark.parametrize("attack", ["rehash", "swap"])
def test_kiosk_refuses_tampered_bundles(bundle_copy, it_machine, kiosk_factory, tmp_path, attack):
    if attack == "rehash":
        rehash_without_resign(bundle_copy, "models/painted-vase/low.glb", b"glTF forged")
        reason = "signature: manifest.sig does not match manifest.json and publisher-key.json"
    else:
        swap_viewer_js(bundle_copy)
        reason = "changed: viewer.js"
    kiosk = kiosk_factory(bundle_copy)
    with pytest.raises(KioskRefused) as refused:
        kiosk.start()
    assert str(refused.value) == f"{bundle_copy}: not starting the kiosk: {reason}"
    assert kiosk.server is None and _launches(tmp_path) == []


def test_kiosk_passes_the_pin_with_kiosk_flags_on_loopback(bundle_copy, it_machine, kiosk_factory, tmp_path):
    kiosk = kiosk_factory(bundle_copy)
    kiosk.start()
    host, port = kiosk.server.server_address[:2]
    assert host == "127.0.0.1"
    (argv,) = _launches(tmp_path, 1)
    assert argv[-1] == f"http://127.0.0.1:{port}/index.html?profile=kiosk#key={it_machine}"
    assert argv[:-2] == list(KIOSK_FLAGS) and argv[-2] == f"--user-data-dir={tmp_path / 'profile'}"
    for flag in ("--kiosk", "--noerrdialogs", "--incognito", "--disable-pinch", "--overscroll-history-navigation=0"):
        assert flag in argv


def test_kiosk_server_serves_only_signed_bytes(bundle_copy, it_machine, kiosk_factory, tmp_path):
    kiosk = kiosk_factory(bundle_copy)
    kiosk.start()
    assert _get(kiosk, "/") == (200, (bundle_copy / "index.html").read_bytes())
    assert _get(kiosk, "/models/painted-vase/low.glb") == (200, (bundle_copy / "models/painted-vase/low.glb").read_bytes())
    for extra in ("manifest.json", "manifest.sig", "data/manifest.js", "publisher-key.json"):
        assert _get(kiosk, "/" + extra) == (200, (bundle_copy / extra).read_bytes())
    swap_viewer_js(bundle_copy)  # the attacker writes to the folder while the kiosk runs
    assert _get(kiosk, "/viewer.js") == (403, b"refused: does not match the signed manifest\n")
    (bundle_copy / "manifest.json").write_text("{}")  # the manifest too: served as verified at start
    assert json.loads(_get(kiosk, "/manifest.json")[1])["files"]
    (bundle_copy / "extra.html").write_text("<script>evil()</script>")
    assert _get(kiosk, "/extra.html")[0] == 403
    assert _get(kiosk, "/../../etc/passwd")[0] == 403
    assert _get(kiosk, "/anything", "POST")[0] == 403
    log = (tmp_path / "kiosk.log").read_text()
    assert "WARNING refused viewer.js: does not match the signed manifest" in log
    assert "WARNING refused extra.html: not listed in the manifest" in log


def test_kiosk_restarts_a_crashed_browser(bundle_copy, it_machine, kiosk_factory, tmp_path):
    kiosk = kiosk_factory(bundle_copy, mode="crash")
    kiosk.start()
    for launch in (1, 2):
        assert kiosk.launches == launch
        assert kiosk.process.wait(30) == 3
        kiosk.step()
    assert kiosk.launches == 3 and len(_launches(tmp_path, 3)) == 3
    assert (tmp_path / "kiosk.log").read_text().count("the browser exited with status 3; restarting it") == 2


def test_kiosk_restarts_a_browser_whose_page_stopped_its_heartbeat(bundle_copy, it_machine, kiosk_factory, tmp_path):
    clock = Clock()
    kiosk = kiosk_factory(bundle_copy, clock=clock, hang_after=60)
    kiosk.start()
    first = kiosk.process
    kiosk.step()
    assert kiosk.launches == 1  # no heartbeat yet: never killed for that
    assert _get(kiosk, "/__kiosk/heartbeat", "POST") == (204, b"")
    kiosk.content.last_heartbeat = clock.now  # the heartbeat as seen on the test's clock
    clock.now += 59
    kiosk.step()
    assert kiosk.launches == 1 and kiosk.process is first
    clock.now += 2
    kiosk.step()
    assert kiosk.launches == 2 and first.poll() is not None and kiosk.process.poll() is None
    assert "the page sent no heartbeat for 61 s; restarting the browser" in (tmp_path / "kiosk.log").read_text()


def test_kiosk_stops_showing_a_bundle_that_stops_verifying(bundle_copy, bundle, it_machine, kiosk_factory, tmp_path):
    clock = Clock()
    kiosk = kiosk_factory(bundle_copy, clock=clock, check_every=600)
    kiosk.start()
    attacker = resign_with_new_key(bundle_copy)
    clock.now += 599
    kiosk.step()
    # not re-checked yet, but the changed file is refused by the serving check already
    assert _get(kiosk, "/exhibit.json") == (403, b"refused: does not match the signed manifest\n")
    assert _get(kiosk, "/viewer.js")[0] == 200
    clock.now += 1
    kiosk.step()
    status, body = _get(kiosk, "/index.html")
    assert status == 503 and b"<body" in body and b"script" not in body
    assert _get(kiosk, "/manifest.json")[0] == 503
    assert kiosk.launches == 2  # restarted so that nothing stays on screen
    assert f"no longer verifies, stopped showing it: untrusted: signed by {attacker}" in (tmp_path / "kiosk.log").read_text()
    shutil.rmtree(bundle_copy)  # IT puts the signed bundle back
    shutil.copytree(bundle[0], bundle_copy)
    clock.now += 600
    kiosk.step()
    assert _get(kiosk, "/index.html") == (200, (bundle_copy / "index.html").read_bytes())
    assert kiosk.launches == 3


def test_kiosk_serves_a_new_export_of_the_museum(bundle_copy, it_machine, kiosk_factory, tiny_project, viewer_dir,
                                                  isolated_config_dir, monkeypatch):
    """The museum re-exports into the kiosk's folder (same key, new manifest): the next check
    serves the new files, and only those."""
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    clock = Clock()
    kiosk = kiosk_factory(bundle_copy, clock=clock, check_every=600)
    kiosk.start()
    assert _get(kiosk, "/models/painted-vase/thumbnail.glb")[0] == 200
    it_config = os.environ["VITRINE_CONFIG_DIR"]
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(isolated_config_dir))  # the museum's machine exports
    export_bundle(tiny_project, bundle_copy, viewer_dir=viewer_dir, levels=["low", "medium"])
    monkeypatch.setenv("VITRINE_CONFIG_DIR", it_config)
    clock.now += 600
    kiosk.step()
    assert _get(kiosk, "/exhibit.json") == (200, (bundle_copy / "exhibit.json").read_bytes())
    assert _get(kiosk, "/manifest.json") == (200, (bundle_copy / "manifest.json").read_bytes())
    assert _get(kiosk, "/models/painted-vase/thumbnail.glb")[0] == 403
    assert kiosk.launches == 2


def test_kiosk_command_bad_input(tmp_path, capsys):
    capsys.readouterr()
    assert main(["kiosk", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"vitrine: {tmp_path / 'nope'}: no such bundle folder\n"
    assert main(["kiosk", str(tmp_path), "--check-every", "0"]) == 2
    assert capsys.readouterr().err == "vitrine: --check-every 0: give a number of minutes above 0\n"
    assert not os.path.exists(tmp_path / "launches")


def test_files_swapped_between_the_check_and_the_start_are_not_served(bundle_copy, it_machine):
    """The attacker races the launcher: re-signs right after it verified. The server's own read of
    the manifest must still be signed by the key that verified, or nothing is served."""
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.kiosk_server import VerifiedContent
    resign_with_new_key(bundle_copy)
    content = VerifiedContent(bundle_copy)
    with pytest.raises(ExportError, match="the manifest changed while the kiosk was starting; not serving it"):
        content.load(it_machine)
    assert content.bytes_for("index.html") == (None, "not serving: the bundle no longer verifies")


@pytest.mark.browser
def test_real_chromium_kiosk_page_sends_its_heartbeat(bundle_copy, it_machine, tmp_path):
    """The whole chain with Debian's Chromium: the launcher verifies, serves, pins, and the viewer,
    opened as a kiosk on 127.0.0.1, beats (so a hung page can be told from a living one)."""
    chromium = os.environ.get("VITRINE_CHROMIUM", "/usr/bin/chromium")
    wrapper = tmp_path / "chromium-headless"
    # root in CI needs --no-sandbox; headless because CI has no screen for a kiosk window
    wrapper.write_text(f'#!/bin/sh\nexec "{chromium}" --headless=new --no-sandbox --disable-gpu '
                       '--disable-background-networking --disable-component-update --disable-sync "$@"\n')
    wrapper.chmod(0o755)
    kiosk = Kiosk(bundle_copy, browser=str(wrapper), log_file=tmp_path / "kiosk.log", profile_dir=tmp_path / "profile")
    try:
        kiosk.start()
        deadline = time.monotonic() + 90
        while kiosk.content.last_heartbeat is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert kiosk.content.last_heartbeat is not None, (tmp_path / "kiosk.log").read_text()[-2000:]
        log = (tmp_path / "kiosk.log").read_text()
        assert "refused" not in log.lower(), log[-2000:]
    finally:
        kiosk.stop()
