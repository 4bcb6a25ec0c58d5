"""`vitrine keys rotate`: the old key signs a statement naming the new one; machines that trust
the old key accept bundles signed by the new one, and say so (issue 10, trust_contract.md)."""
from __future__ import annotations

import base64
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from vitrine.app.cli import main
from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.exporters.trust.manifest import write_signed_manifest
from vitrine.exporters.trust.signing_keys import SigningKey, load_key
from vitrine.exporters.trust.rotation import canonical_bytes, check_chain, make_statement
from vitrine.exporters.trust.store import TrustStore, find_signing_key, retired_key_path


@pytest.fixture
def museum(tiny_project, viewer_dir, tmp_path, monkeypatch) -> dict:
    """A museum machine that exported, rotated its key twice and exported again; returns
    {old, mid, new: fingerprints, before, after: bundle folders, config: its config folder}."""
    config = tmp_path / "museum-config"
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(config))
    old = export_bundle(tiny_project, tmp_path / "before", viewer_dir=viewer_dir).fingerprint
    assert main(["keys", "rotate"]) == 0
    mid = load_key().public.fingerprint
    assert main(["keys", "rotate"]) == 0
    new = export_bundle(tiny_project, tmp_path / "after", viewer_dir=viewer_dir).fingerprint
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "it-config"))  # the tests run on IT's machine
    return {"old": old, "mid": mid, "new": new, "before": tmp_path / "before", "after": tmp_path / "after",
            "config": config}


def _verify(capsys, *args) -> tuple[int, list[str]]:
    capsys.readouterr()
    rc = main(["verify", *map(str, args)])
    return rc, capsys.readouterr().out.splitlines()


def _trust(fp: str, name: str = "City Museum") -> TrustStore:
    store = TrustStore.load()
    store.trust(fp, name)
    store.save()
    return store


def test_bundle_carries_the_chain(museum):
    pub = json.loads((museum["after"] / "publisher-key.json").read_text())
    assert pub["fingerprint"] == museum["new"]
    assert [(s["old_fingerprint"], s["new_fingerprint"]) for s in pub["rotations"]] == [
        (museum["old"], museum["mid"]), (museum["mid"], museum["new"])]
    script = (museum["after"] / "data" / "manifest.js").read_text()
    assert json.loads(script[len("window.VITRINE_MANIFEST = "):-2])["rotations"] == pub["rotations"]
    assert check_chain(pub["rotations"], museum["new"]).fingerprints == [museum["old"], museum["mid"], museum["new"]]
    assert json.loads((museum["before"] / "publisher-key.json").read_text())["rotations"] == []


def test_trusting_the_old_key_accepts_the_new_one_and_says_so(museum, capsys):
    _trust(museum["old"])
    rc, lines = _verify(capsys, museum["after"])
    assert rc == 0
    assert lines[0].endswith(f"signed by {museum['new']} (trusted: through rotation from {museum['old']} (City Museum))")
    rc, lines = _verify(capsys, museum["after"], "--key", museum["mid"])
    assert rc == 0 and lines[0].endswith(f"(trusted: through rotation from {museum['mid']} (--key))")
    assert _verify(capsys, museum["before"])[0] == 0


def test_the_pin_for_a_rotated_key_is_the_trusted_key(museum):
    """The kiosk pins the key the machine trusts; the viewer follows the bundle's chain from it."""
    from vitrine.exporters.trust.check import verify_folder
    _trust(museum["old"])
    assert verify_folder(museum["after"]).decision.anchor == museum["old"]
    _trust(museum["new"])
    assert verify_folder(museum["after"]).decision.anchor == museum["new"]


def test_trusting_the_new_key_does_not_accept_the_old_one(museum, capsys):
    _trust(museum["new"])
    rc, lines = _verify(capsys, museum["before"])
    assert rc == 1 and lines[0].startswith(f"untrusted: signed by {museum['old']}, a key this machine does not trust")


def test_a_revoked_key_in_the_chain_stops_it(museum, capsys):
    store = _trust(museum["old"])
    store.revoke(museum["mid"])
    store.save()
    rc, lines = _verify(capsys, museum["after"])
    assert rc == 1 and lines == [
        f"untrusted: signed by {museum['new']}, a key this machine does not trust "
        f"(if it is the publisher's, run: vitrine keys trust {museum['new']} --name NAME)"]


def _resign(bundle: Path, key: SigningKey, rotations: list[dict]) -> None:
    (bundle / "publisher-key.json").write_text(json.dumps({**key.public.to_json(), "rotations": rotations}))
    write_signed_manifest(bundle, key, generator="attacker", created="now", institution="City Museum",
                          rotations=rotations)


def test_a_forged_rotation_statement_is_refused(museum, capsys):
    """The attacker claims the museum's key rotated to theirs, signing the statement themselves."""
    _trust(museum["old"])
    attacker = SigningKey(Ed25519PrivateKey.generate())
    statement = make_statement(attacker, attacker.public)
    old_pub = json.loads((museum["before"] / "publisher-key.json").read_text())
    statement.update(old_public_key=old_pub["public_key"], old_fingerprint=museum["old"])
    statement["signature"] = base64.b64encode(attacker.sign(canonical_bytes(statement))).decode()  # not the museum's
    _resign(museum["after"], attacker, [statement])
    rc, lines = _verify(capsys, museum["after"])
    assert rc == 1 and lines == [
        f"rotation: rotation statement 1 is not signed by its old key {museum['old']}",
        f"untrusted: signed by {attacker.public.fingerprint}, a key this machine does not trust "
        f"(if it is the publisher's, run: vitrine keys trust {attacker.public.fingerprint} --name NAME)"]


def test_a_real_statement_cannot_be_reused_for_another_key(museum, capsys):
    """Replaying the museum's genuine statements in front of the attacker's key breaks the chain's end."""
    _trust(museum["old"])
    genuine = json.loads((museum["after"] / "publisher-key.json").read_text())["rotations"]
    attacker = SigningKey(Ed25519PrivateKey.generate())
    _resign(museum["after"], attacker, genuine)
    rc, lines = _verify(capsys, museum["after"])
    assert rc == 1 and lines[0] == (f"rotation: the last rotation leads to {museum['new']}, "
                                    f"not to the signer {attacker.public.fingerprint}")


def test_retired_keys_are_kept_private_and_found_for_tracing(museum, monkeypatch):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(museum["config"]))
    for fp in (museum["old"], museum["mid"]):
        path = retired_key_path(fp)
        assert path == museum["config"] / "retired-keys" / (fp[7:] + ".pem")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert load_key(path).public.fingerprint == fp == find_signing_key(fp).public.fingerprint
    assert stat.S_IMODE(os.stat(museum["config"] / "retired-keys").st_mode) == 0o700
    assert find_signing_key(museum["new"]).path == museum["config"] / "signing-key.pem"
    assert stat.S_IMODE(os.stat(museum["config"] / "signing-key.pem").st_mode) == 0o600
    shutil.rmtree(museum["config"] / "retired-keys")
    with pytest.raises(Exception, match="no such signing key on this machine"):
        find_signing_key(museum["old"])


def test_export_public_carries_the_rotations(museum, monkeypatch, capsys):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(museum["config"]))
    capsys.readouterr()
    assert main(["keys", "export-public"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads((museum["after"] / "publisher-key.json").read_text())
