#!/usr/bin/env bash
# Prints the wall time of whole `qapi-gen -o DIR` processes (release build)
# on QEMU 10.0.13's whole schema, every condition symbol defined: the
# minimum and the median of RUNS runs, and the reference figure for QEMU's
# own Python generator (not in ../shared, so quoted from issue 11).
# Needs ../shared (or QAPI_SHARED_DIR).
#
#   Scripts/bench-qapi-gen.sh [RUNS]    (default 30)
set -euo pipefail

source "$(dirname "$0")/lib/qemu-schema.sh"
find_qemu_schema bench-qapi-gen
runs="${1:-30}"
build_qapi_gen release
read_condition_symbols

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
times=()
for ((run = 0; run < runs; run++)); do
    rm -rf "$work/out"
    start=$(date +%s%N)
    "$qapi_gen" -o "$work/out" "${symbols[@]}" "$schema"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
printf 'qapi-gen -o, whole process, %d runs: min %.1f ms, median %.1f ms (load %s)\n' "$runs" \
    "$(echo "${sorted[0]} / 1000" | bc -l)" "$(echo "${sorted[$((runs / 2))]} / 1000" | bc -l)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
echo "reference (issue 11): QEMU's qapi-gen.py 1250 ms; goal <= 62 ms (20x)"
