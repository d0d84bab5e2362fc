#!/usr/bin/env bash
# Installs the outside peers the tests and benchmarks talk to:
#   - the Python qemu.qmp library (PyPI), whose QMPClient the end-to-end
#     test drives qmp-monitor with;
#   - with --qemu, QEMU itself (Debian package qemu-system-x86), which
#     QMPClientLiveTests drive and the qmp-bench benchmark compares against,
#     and socat (Debian package socat), which PipedClientTests feed from a
#     pipe as the README's connect hint does.
# Usage: Scripts/install-test-peers.sh [--qemu]
set -euo pipefail

if ! python3 -c 'import qemu.qmp' 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check 'qemu.qmp>=0.0.3'
fi
python3 -c 'import qemu.qmp; print("qemu.qmp available")'

if [[ "${1:-}" == "--qemu" ]]; then
    packages=()
    command -v qemu-system-x86_64 >/dev/null || packages+=(qemu-system-x86)
    command -v socat >/dev/null || packages+=(socat)
    if [[ ${#packages[@]} -gt 0 ]]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
    fi
fi
