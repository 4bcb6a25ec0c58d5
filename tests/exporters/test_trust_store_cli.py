"""`vitrine keys trust|list|forget|revoke|export-public`: the trust store IT keeps (issue 10)."""
from __future__ import annotations

import json
import os
import stat

from vitrine.app.cli import main
from vitrine.exporters.trust.signing_keys import config_dir


def _run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(list(args))
    got = capsys.readouterr()
    return rc, got.out, got.err


def test_trust_from_a_fingerprint_a_key_file_and_a_bundle(bundle, tmp_path, monkeypatch, capsys):
    fp = bundle[1].fingerprint
    for n, source in enumerate([fp.upper().replace("SHA256:", "sha256:"), str(bundle[0] / "publisher-key.json"),
                                str(bundle[0])]):
        monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / f"m{n}"))
        assert _run(capsys, "keys", "trust", source, "--name", "City Museum") == (0, f"trusted {fp} (City Museum)\n", "")
        rc, out, _ = _run(capsys, "verify", str(bundle[0]))
        assert rc == 0 and out.endswith("(trusted: trust store: City Museum)\n")


def test_list_json_forget_and_file_format(bundle, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "it"))
    fp = bundle[1].fingerprint
    assert _run(capsys, "keys", "trust", fp, "--name", "Museum 博物馆")[0] == 0
    rc, out, _ = _run(capsys, "keys", "list", "--json")
    listed = json.loads(out)
    assert rc == 0 and listed["own"] == [] and listed["revoked"] == []
    assert [(k["fingerprint"], k["name"]) for k in listed["trusted"]] == [(fp, "Museum 博物馆")]
    stored = json.loads((config_dir() / "trusted-keys.json").read_text("utf-8"))
    assert stored["format"] == "vitrine-trust-store" and stored["keys"][0]["fingerprint"] == fp
    assert _run(capsys, "keys", "forget", fp) == (0, f"forgot {fp}\n", "")
    assert json.loads(_run(capsys, "keys", "list", "--json")[1])["trusted"] == []
    assert _run(capsys, "keys", "forget", fp) == (1, "", f"vitrine: {fp}: not in the trust store\n")
    rc, out, _ = _run(capsys, "verify", str(bundle[0]))
    assert rc == 1 and out.startswith(f"untrusted: signed by {fp}")


def test_revocation_survives_forget_and_trust_again(bundle, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "it"))
    fp = bundle[1].fingerprint
    _run(capsys, "keys", "trust", fp, "--name", "City Museum")
    _run(capsys, "keys", "revoke", fp)
    _run(capsys, "keys", "forget", fp)
    rc, out, _ = _run(capsys, "keys", "trust", fp, "--name", "City Museum")
    assert rc == 0 and out.endswith(f"note: {fp} is revoked; verification still refuses it\n")
    rc, out, _ = _run(capsys, "verify", str(bundle[0]))
    assert rc == 1 and out.startswith(f"revoked: signed by {fp}, which was revoked on ")
    assert [k["fingerprint"] for k in json.loads(_run(capsys, "keys", "list", "--json")[1])["revoked"]] == [fp]


def test_export_public_is_publisher_key_shaped(bundle, tmp_path, capsys):
    rc, out, _ = _run(capsys, "keys", "export-public")
    pub = json.loads(out)
    assert rc == 0 and pub == {**json.loads((bundle[0] / "publisher-key.json").read_text()), "rotations": []}
    out_file = tmp_path / "museum-key.json"
    assert _run(capsys, "keys", "export-public", "--out", str(out_file)) == (0, f"wrote {out_file}\n", "")
    assert json.loads(out_file.read_text()) == pub
    assert stat.S_IMODE(os.stat(config_dir() / "signing-key.pem").st_mode) == 0o600


def test_bad_sources_are_one_line_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "it"))
    (tmp_path / "empty").mkdir()
    assert _run(capsys, "keys", "trust", str(tmp_path / "empty")) == (
        2, "", f"vitrine: {tmp_path / 'empty'}: no publisher-key.json (is this a Vitrine bundle?)\n")
    assert _run(capsys, "keys", "revoke", "SHA256:1234") == (
        2, "", "vitrine: SHA256:1234: not a key fingerprint (expected SHA256: and 64 hex digits)\n")
    (config_dir()).mkdir(parents=True)
    (config_dir() / "trusted-keys.json").write_text("{not json")
    rc, out, err = _run(capsys, "keys", "list")
    assert (rc, out) == (2, "") and err == f"vitrine: {config_dir() / 'trusted-keys.json'}: not a readable trust store (fix or remove it)\n"
    assert _run(capsys, "keys", "export-public")[0] == 2  # no signing key on this machine
