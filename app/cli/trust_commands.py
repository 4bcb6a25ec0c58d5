"""CLI commands for trust: verify (a folder or a deployed address) and keys (the signing key and
the trust store). Thin handlers over vitrine.exporters.trust."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vitrine.app.cli.errors import EXIT_OK, EXIT_PROBLEMS, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check a bundle's files, signature and publisher key (exit 1 unless all hold)")
    p.add_argument("bundle", metavar="DIR|URL", help="a bundle folder or its http(s) address")
    p.add_argument("--key", "--fingerprint", dest="key", metavar="FINGERPRINT",
                   help="accept only this publisher key (SHA256: fingerprint, publisher-key.json, PEM or base64)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="for an address: the most the whole check may take (default 30)")
    p.set_defaults(handler=verify_command)

    p = sub.add_parser("keys", help="the museum signing key and the keys this machine trusts")
    keys = p.add_subparsers(dest="keys_command", metavar="ACTION")
    k = keys.add_parser("new", help="create the signing key in the user's configuration folder")
    k.add_argument("--force", action="store_true", help="replace an existing key (prefer 'rotate')")
    k.set_defaults(handler=keys_new_command)
    k = keys.add_parser("trust", help="trust a publisher key: SHA256:<hex>, a publisher-key.json or a bundle folder")
    k.add_argument("source", metavar="SOURCE")
    k.add_argument("--name", default="", help="who the key belongs to (shown by verify)")
    k.set_defaults(handler=keys_trust_command)
    k = keys.add_parser("list", help="list this machine's own keys, trusted and revoked keys")
    k.add_argument("--json", action="store_true", help="machine-readable output")
    k.set_defaults(handler=keys_list_command)
    k = keys.add_parser("forget", help="stop trusting a key (a revocation stays)")
    k.add_argument("fingerprint")
    k.set_defaults(handler=keys_forget_command)
    k = keys.add_parser("revoke", help="refuse a key from now on, even if trusted")
    k.add_argument("fingerprint")
    k.set_defaults(handler=keys_revoke_command)
    k = keys.add_parser("export-public", help="the public key (with rotations) to publish on the museum's website")
    k.add_argument("--out", type=Path, help="write to FILE instead of standard output")
    k.set_defaults(handler=keys_export_public_command)
    k = keys.add_parser("rotate", help="replace the signing key; the old key signs a statement naming the new one")
    k.set_defaults(handler=keys_rotate_command)
    p.set_defaults(handler=lambda args: (_ for _ in ()).throw(CliError("keys: give an action, e.g. 'vitrine keys list'")))


def _one_line(exc: Exception) -> CliError:
    for line in getattr(exc, "details", []):
        print(f"  {line}", file=sys.stderr)
    return CliError(str(exc))


def verify_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.check import verify_folder
    from vitrine.exporters.trust.remote import is_url, verify_url
    try:
        if is_url(args.bundle):
            if not args.timeout > 0:
                raise CliError(f"--timeout {args.timeout:g}: give a number of seconds above 0")
            report = verify_url(args.bundle, args.key, timeout=args.timeout)
        else:
            report = verify_folder(Path(args.bundle), args.key)
    except ExportError as exc:
        raise _one_line(exc) from None
    for line in report.lines():
        print(line)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def keys_new_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.signing_keys import new_key
    try:
        key = new_key(force=args.force)
    except ExportError as exc:
        raise _one_line(exc) from None
    print(f"created {key.path}")
    print(f"fingerprint {key.public.fingerprint}")
    return EXIT_OK


def keys_trust_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.store import TrustStore, source_key
    try:
        fingerprint, _ = source_key(args.source)
        store = TrustStore.load()
        name = args.name.strip() or fingerprint[:15]
        store.trust(fingerprint, name)
        store.save()
    except ExportError as exc:
        raise _one_line(exc) from None
    print(f"trusted {fingerprint} ({name})")
    if fingerprint in store.revoked:
        print(f"note: {fingerprint} is revoked; verification still refuses it")
    return EXIT_OK


def _fingerprint_arg(text: str) -> str:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.store import normalise_fingerprint
    try:
        return normalise_fingerprint(text)
    except ExportError as exc:
        raise _one_line(exc) from None


def keys_list_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.store import TrustStore, own_fingerprints
    try:
        store, own = TrustStore.load(), own_fingerprints()
    except ExportError as exc:
        raise _one_line(exc) from None
    if args.json:
        print(json.dumps({"own": [{"fingerprint": fp, "current": n == 0} for n, fp in enumerate(own)],
                          "trusted": [store.keys[k] for k in sorted(store.keys)],
                          "revoked": [store.revoked[k] for k in sorted(store.revoked)]},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    for n, fp in enumerate(own):
        print(f"own      {fp}  ({'your signing key' if n == 0 else 'your retired signing key'})")
    for fp in sorted(store.keys):
        print(f"trusted  {fp}  {store.keys[fp].get('name', '')}" + ("  [revoked]" if fp in store.revoked else ""))
    for fp in sorted(store.revoked):
        print(f"revoked  {fp}  on {str(store.revoked[fp].get('revoked_at', ''))[:10]}")
    if not own and not store.keys and not store.revoked:
        print("no keys: 'vitrine keys trust SOURCE --name NAME' trusts a publisher")
    return EXIT_OK


def keys_forget_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.trust.store import TrustStore
    fp = _fingerprint_arg(args.fingerprint)
    store = TrustStore.load()
    if not store.forget(fp):
        raise CliError(f"{fp}: not in the trust store", EXIT_PROBLEMS)
    store.save()
    print(f"forgot {fp}" + (" (it stays revoked)" if fp in store.revoked else ""))
    return EXIT_OK


def keys_revoke_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.trust.store import TrustStore
    fp = _fingerprint_arg(args.fingerprint)
    store = TrustStore.load()
    store.revoke(fp)
    store.save()
    print(f"revoked {fp} on {store.revoked[fp]['revoked_at'][:10]}")
    return EXIT_OK


def keys_export_public_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.store import export_public
    from vitrine.scenes.storage.atomic_files import atomic_write
    try:
        text = json.dumps(export_public(), indent=1) + "\n"
        if args.out:
            atomic_write(args.out, text.encode("ascii"))
    except ExportError as exc:
        raise _one_line(exc) from None
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write ({exc.strerror or exc})") from None
    if args.out:
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def keys_rotate_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.store import retired_key_path, rotate_own_key
    try:
        old, new, _ = rotate_own_key()
    except ExportError as exc:
        raise _one_line(exc) from None
    print(f"rotated {old.public.fingerprint} -> {new.public.fingerprint}")
    print(f"the old key is kept at {retired_key_path(old.public.fingerprint)}; "
          "bundles exported from now on carry the rotation statement")
    return EXIT_OK
