#!/usr/bin/env bash
# Runs the tests under a sanitizer and fails on any report.
#   Scripts/sanitize.sh thread    ThreadSanitizer on the runtime, monitor and client targets (QMPClient*),
#                                 the generator's (it makes and writes its output on parallel jobs)
#                                 and the parallel schema reading's (SpeculativeReadingTests)
#   Scripts/sanitize.sh address   AddressSanitizer (with leak checks) on the whole suite
# Each sanitizer builds in its own scratch path (.build-tsan, .build-asan).
# LeakSanitizer reads Scripts/lsan-suppressions.txt (the toolchain's own
# leaks, each explained there); the tests' child processes inherit it.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
thread)
    scratch=.build-tsan
    filter=(--filter 'QAPIRuntimeTests|QMPMonitorTests|QMPMonitorEndToEndTests|QMPClient|QAPICodegenTests|SpeculativeReadingTests')
    pattern='WARNING: ThreadSanitizer|ERROR: ThreadSanitizer'
    ;;
address)
    scratch=.build-asan
    filter=()
    pattern='ERROR: AddressSanitizer|ERROR: LeakSanitizer'
    export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    ;;
*)
    echo "usage: $0 thread|address" >&2
    exit 2
    ;;
esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --sanitize="$1" --scratch-path "$scratch" "${filter[@]}" 2>&1 | tee "$log" || status=$?
reports=$(grep -cE "$pattern" "$log" || true)
echo "sanitize $1: exit status $status, $reports sanitizer report(s)"
[ "$status" -eq 0 ] && [ "$reports" -eq 0 ]
