#!/usr/bin/env bash
# Installs the outside peers the tests and benchmarks talk to:
#   - the Python qemu.qmp library (PyPI), whose QMPClient the end-to-end
#     test drives qmp-monitor with;
#   - with --qemu, QEMU itself (Debian package qemu-system-x86), which
#     QMPClientLiveTests drive and the qmp-bench benchmark compares against.
# Usage: Scripts/install-test-peers.sh [--qemu]
set -euo pipefail

if ! python3 -c 'import qemu.qmp' 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check 'qemu.qmp>=0.0.3'
fi
python3 -c 'import qemu.qmp; print("qemu.qmp available")'

if [[ "${1:-}" == "--qemu" ]] && ! command -v qemu-system-x86_64 >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-system-x86
fi
