"""`vitrine verify DIR` against the attacker of tests/trust_attacks.py (issue 10).

The IT machine trusts the museum's key in its trust store; every attack must end in exit 1 and
the exact line of trust_contract.md, never in 'ok:'.
"""
from __future__ import annotations

import json

from vitrine.app.cli import main
from tests.trust_attacks import delete_manifest, rehash_without_resign, resign_with_new_key, swap_viewer_js


def _verify(capsys, *args: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    rc = main(["verify", *args])
    return rc, capsys.readouterr().out.splitlines()


def test_untouched_bundle_is_trusted_through_the_trust_store(bundle_copy, it_machine, capsys):
    rc, lines = _verify(capsys, str(bundle_copy))
    n = len(json.loads((bundle_copy / "manifest.json").read_text())["files"])
    assert (rc, lines) == (0, [f"ok: {n} files match the manifest; signed by {it_machine} (trusted: trust store: City Museum)"])


def test_own_signing_key_is_trusted_on_the_machine_that_holds_it(bundle_copy, bundle, capsys):
    rc, lines = _verify(capsys, str(bundle_copy))
    assert rc == 0 and lines[-1].endswith(f"signed by {bundle[1].fingerprint} (trusted: your signing key)")


def test_resigned_with_a_new_key_is_untrusted(bundle_copy, it_machine, capsys):
    attacker = resign_with_new_key(bundle_copy, institution="City Museum")
    rc, lines = _verify(capsys, str(bundle_copy))
    assert rc == 1
    assert lines == [f"untrusted: signed by {attacker}, a key this machine does not trust "
                     f"(if it is the publisher's, run: vitrine keys trust {attacker} --name NAME)"]


def test_resigned_bundle_is_refused_with_the_museum_key_given(bundle_copy, bundle, capsys):
    attacker = resign_with_new_key(bundle_copy)
    rc, lines = _verify(capsys, str(bundle_copy), "--key", bundle[1].fingerprint)
    assert (rc, lines) == (1, [f"untrusted: signed by {attacker}, not the key given with --key ({bundle[1].fingerprint})"])


def test_resigned_bundle_is_untrusted_even_on_the_museum_machine(bundle_copy, bundle, capsys):
    attacker = resign_with_new_key(bundle_copy)
    rc, lines = _verify(capsys, str(bundle_copy))
    assert rc == 1 and lines[0].startswith(f"untrusted: signed by {attacker}, a key this machine does not trust")


def test_swapped_viewer_js(bundle_copy, it_machine, capsys):
    swap_viewer_js(bundle_copy)
    assert _verify(capsys, str(bundle_copy)) == (1, ["changed: viewer.js"])


def test_swapped_glb_rehashed_without_resigning(bundle_copy, it_machine, capsys):
    rel = "models/painted-vase/low.glb"
    rehash_without_resign(bundle_copy, rel, (bundle_copy / "models/globe/medium.glb").read_bytes())
    assert _verify(capsys, str(bundle_copy)) == (
        1, ["signature: manifest.sig does not match manifest.json and publisher-key.json"])


def test_deleted_manifest_is_unsigned(bundle_copy, it_machine, capsys):
    assert delete_manifest(bundle_copy) == ["manifest.json", "manifest.sig", "data/manifest.js", "publisher-key.json"]
    rc, lines = _verify(capsys, str(bundle_copy))
    assert rc == 1
    assert lines[0] == "missing: manifest.json"
    assert "not listed in the manifest: viewer.js" in lines
    assert lines[-1] == "signature: manifest.json is missing, so nothing in this folder is signed"


def test_revoked_key_is_refused_even_when_trusted(bundle_copy, it_machine, capsys):
    assert main(["keys", "revoke", it_machine]) == 0
    today = capsys.readouterr().out.split(" on ")[-1].strip()
    rc, lines = _verify(capsys, str(bundle_copy))
    assert (rc, lines) == (1, [f"revoked: signed by {it_machine}, which was revoked on {today}"])
    assert main(["keys", "forget", it_machine]) == 0  # forgetting keeps the revocation
    assert _verify(capsys, str(bundle_copy)) == (1, [f"revoked: signed by {it_machine}, which was revoked on {today}"])


def test_revoking_the_own_key_refuses_it_too(bundle_copy, bundle, capsys, tmp_path, monkeypatch):
    import shutil
    import os
    own = tmp_path / "own-config"
    shutil.copytree(os.environ["VITRINE_CONFIG_DIR"], own)  # the museum machine, not to be changed for others
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(own))
    assert main(["keys", "revoke", bundle[1].fingerprint]) == 0
    rc, lines = _verify(capsys, str(bundle_copy))
    assert rc == 1 and lines[0].startswith(f"revoked: signed by {bundle[1].fingerprint}, which was revoked on ")


def test_key_given_on_the_command_line_is_enough(bundle_copy, bundle, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "empty"))
    rc, lines = _verify(capsys, str(bundle_copy))
    assert rc == 1 and lines[0].startswith("untrusted: ")
    rc, lines = _verify(capsys, str(bundle_copy), "--key", str(bundle_copy / "publisher-key.json"))
    assert rc == 0 and lines[0].endswith(f"signed by {bundle[1].fingerprint} (trusted: --key)")


def test_bad_key_argument_and_missing_folder_are_one_line_errors(bundle_copy, tmp_path, capsys):
    capsys.readouterr()
    assert main(["verify", str(bundle_copy), "--key", "SHA256:zz"]) == 2
    err = capsys.readouterr().err
    assert err == "vitrine: SHA256:zz: not a key fingerprint (expected SHA256: and 64 hex digits)\n"
    assert main(["verify", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"vitrine: {tmp_path / 'nope'}: no such bundle folder\n"
