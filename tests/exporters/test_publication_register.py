"""The publication register attacked as a forger would: every change is refused with its line and reason."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from vitrine.app.cli import main
from vitrine.exporters.errors import ExportError
from vitrine.exporters.publication.register import (
    GENESIS, append_entry, canonical_bytes, entry_hash, register_path, verify_register,
)
from vitrine.exporters.publication.museum_secret import known_fingerprints
from vitrine.exporters.trust.signing_keys import SigningKey, load_or_create_key
from vitrine.scenes.storage.project_store import Project

import base64
import hashlib


def _fields(n: int) -> dict:
    return {"export_id": f"{n:032x}", "recipient": f"Partner {n}", "profile": "web",
            "exported_at": f"2026-12-0{n}T10:00:00Z", "manifest_sha256": "ab" * 32,
            "artifacts": [{"artifact_id": "art-0123456789ab", "name": "Vase",
                           "levels": [{"level": "high", "asset_sha256": "cd" * 32}]}]}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "reg.vitrine", title="Register", languages=["en"])
    key, _ = load_or_create_key()
    for n in (1, 2, 3):
        append_entry(project.path, key, _fields(n))
    return project


def _lines(project: Project) -> list[str]:
    return register_path(project.path).read_text("utf-8").splitlines(keepends=True)


def _write(project: Project, lines: list[str]) -> None:
    register_path(project.path).write_text("".join(lines), encoding="utf-8")


def _verify_cli(project: Project, capsys) -> tuple[int, str]:
    status = main(["publications", str(project.path), "--verify"])
    return status, capsys.readouterr().out


def test_a_sound_register_is_chained_signed_and_listed(project: Project, capsys) -> None:
    entries = [json.loads(line) for line in _lines(project)]
    assert entries[0]["prev_hash"] == GENESIS
    assert [e["prev_hash"] for e in entries[1:]] == [e["hash"] for e in entries[:-1]]
    for e in entries:
        assert e["hash"] == hashlib.sha256(canonical_bytes(e)).hexdigest()
        assert e["key_fingerprint"] in known_fingerprints()
    status, out = _verify_cli(project, capsys)
    assert status == 0 and out.splitlines()[-1].startswith("ok: 3 entries")
    assert "Partner 2" in out and f"{2:032x}" in out
    assert main(["publications", str(project.path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["entries"]
    assert [e["recipient"] for e in listed] == ["Partner 1", "Partner 2", "Partner 3"]


def test_an_edited_recipient_is_refused(project: Project, capsys) -> None:
    lines = _lines(project)
    lines[1] = lines[1].replace('"Partner 2"', '"Someone else"')
    _write(project, lines)
    status, out = _verify_cli(project, capsys)
    assert status == 1
    assert out.splitlines()[-1] == (f"bad: {register_path(project.path)} line 2: changed after it was written "
                                    "(its hash does not match its content)")


def test_a_deleted_entry_is_refused(project: Project, capsys) -> None:
    lines = _lines(project)
    _write(project, [lines[0], lines[2]])
    status, out = _verify_cli(project, capsys)
    assert status == 1
    assert out.splitlines()[-1].endswith("line 2: does not follow line 1 (an entry was removed, inserted or "
                                         "reordered: its previous hash is not line 1's hash)")
    _write(project, lines[1:])
    status, out = _verify_cli(project, capsys)
    assert out.splitlines()[-1].endswith("line 1: does not start the register (entries before it were removed)")


def test_reordered_entries_are_refused(project: Project, capsys) -> None:
    lines = _lines(project)
    _write(project, [lines[0], lines[2], lines[1]])
    status, out = _verify_cli(project, capsys)
    assert status == 1 and "line 2: does not follow line 1" in out.splitlines()[-1]


def test_an_entry_re_signed_with_another_key_is_refused(project: Project, capsys) -> None:
    forger = SigningKey(Ed25519PrivateKey.generate())
    lines = _lines(project)
    entry = json.loads(lines[1])
    entry["recipient"] = "Someone else"
    entry["public_key"], entry["key_fingerprint"] = forger.public.base64, forger.public.fingerprint
    entry["hash"] = entry_hash(entry)
    entry["signature"] = base64.b64encode(forger.sign(canonical_bytes(entry))).decode()
    lines[1] = json.dumps(entry) + "\n"
    _write(project, lines)
    status, out = _verify_cli(project, capsys)
    assert status == 1
    assert out.splitlines()[-1].endswith(f"line 2: signed by {forger.public.fingerprint}, which is not this "
                                         "museum's signing key")
    # keeping the museum's key id but signing with the forger's key fails the signature itself
    real = json.loads(_lines(project)[0])
    entry["public_key"], entry["key_fingerprint"] = real["public_key"], real["key_fingerprint"]
    entry["hash"] = entry_hash(entry)
    entry["signature"] = base64.b64encode(forger.sign(canonical_bytes(entry))).decode()
    lines[1] = json.dumps(entry) + "\n"
    _write(project, lines)
    status, out = _verify_cli(project, capsys)
    assert status == 1 and out.splitlines()[-1].endswith("line 2: the signature does not verify")


def test_a_truncated_last_line_is_refused_and_blocks_the_next_append(project: Project, capsys) -> None:
    lines = _lines(project)
    _write(project, lines[:2] + [lines[2][:40]])
    status, out = _verify_cli(project, capsys)
    assert status == 1 and out.splitlines()[-1].endswith("line 3: incomplete (the file was cut off)")
    key, _ = load_or_create_key()
    with pytest.raises(ExportError, match="the last entry is incomplete"):
        append_entry(project.path, key, _fields(4))
    assert verify_register(project.path).bad_line == 3  # nothing was appended to the damaged file


def test_bad_input_is_one_line_and_an_empty_register_says_so(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.vitrine"
    assert main(["publications", str(missing), "--verify"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("vitrine: ") and "nowhere.vitrine" in err[0]
    project = Project.create(tmp_path / "empty.vitrine", title="Empty", languages=["en"])
    assert main(["publications", str(project.path)]) == 0
    assert capsys.readouterr().out.strip() == f"{register_path(project.path)}: no exports recorded yet"
    assert main(["publications", str(project.path), "--verify"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("ok: 0 entries")
