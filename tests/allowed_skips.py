"""The only skips a CI run (env CI=true) accepts: reason pattern -> why it is not breakage.

Any other skip fails the run (tests/skip_policy.py). Add an entry only for something CI
legitimately lacks, and say why; a missing build step, tool, display or scan is breakage
there (.ci/run refuses to start without ../shared/scans, and .ci/setup installs the rest).
"""
from __future__ import annotations

ALLOWED_SKIPS: dict[str, str] = {
    r"^needs /dev/zero and /dev/urandom$":
        "the device-file attack needs Unix device files; Windows has none",
    r"^needs os\.fork$":
        "killing a forked writer mid-save needs fork(); Windows has none",
}
