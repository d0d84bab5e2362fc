#!/usr/bin/env bash
# Prints how long a clean build of generated Swift takes: a library target
# holding what qapi-gen makes of QEMU 10.0.13's whole schema (every
# condition symbol defined, so every symbol), and of a 20-command subset
# (with the types those commands reach, and no event), each in debug and
# release: the wall time, and the CPU time of the build and its compiler
# jobs. The target sits in a scratch package that depends on this checkout
# by path; QAPIRuntime is built first, so each figure is the generated
# target alone. Needs ../shared (or QAPI_SHARED_DIR).
#
# Each figure is the fastest and the median of RUNS clean builds (default
# 3): on these machines the same build's time varies by a quarter from one
# run to the next, and a debug build's wall time is bimodal on two cores
# (SwiftPM runs the module job and two batch jobs two at a time, and in
# some runs the second batch starts only when the first has ended: the
# driver sees the module job's exit late, its process stays a zombie until
# the first batch ends).
#
#   Scripts/bench-generated-build.sh [--runs RUNS] [debug|release]...   (default: both)
set -euo pipefail

source "$(dirname "$0")/lib/qemu-schema.sh"
find_qemu_schema bench-generated-build
runs=3
if [[ ${1:-} == --runs ]]; then
    runs=${2:?"--runs needs a count"}
    shift 2
fi
configurations=("$@")
[[ ${#configurations[@]} -gt 0 ]] || configurations=(debug release)

# Commands a VM manager typically uses.
subset=query-version,query-status,stop,cont,system_reset,system_powerdown,quit,query-commands,query-qmp-schema
subset+=,qom-list,qom-get,qom-set,object-add,object-del,device_add,device_del,blockdev-add,blockdev-del
subset+=,query-named-block-nodes,chardev-add

build_qapi_gen
read_condition_symbols

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
write_generated_package "$work" generated-build-bench

# Builds QAPIRuntime in configuration $1 (not timed).
prepare() {
    echo 'public let placeholder = 0' > "$work/Sources/Generated/Placeholder.swift"
    swift build --package-path "$work" -c "$1" --target Generated >/dev/null
    rm -f "$work/Sources/Generated/Placeholder.swift"
}

# Generates with qapi-gen arguments "$@" and prints the time of $runs
# clean builds of the target in configuration $configuration, labelled
# $label: the fastest wall time (with that build's CPU time) and the median.
measure() {
    rm -f "$work/Sources/Generated/"*.swift
    "$qapi_gen" -o "$work/Sources/Generated" "$@"
    local lines run results=()
    lines=$(cat "$work/Sources/Generated/"*.swift | wc -l)
    for ((run = 0; run < runs; run++)); do
        # A clean build of the target: its objects and module go (left in
        # place, an object whose code is unchanged is reused and a debug
        # batch job takes half its time), the build plan that SwiftPM keeps
        # beside them (and does not remake for unchanged sources) stays.
        touch "$work/Sources/Generated/"*.swift
        find "$work/.build/$configuration/Generated.build" -type f \
            ! -name output-file-map.json ! -name sources -delete 2>/dev/null || true
        rm -rf "$work/.build/$configuration/Modules/Generated."*
        local TIMEFORMAT='%R %U %S' times status=0
        times=$( { time swift build --package-path "$work" -c "$configuration" --target Generated \
            >"$work/build.log" 2>&1 || status=$?; } 2>&1)
        if [[ $status -ne 0 ]]; then
            grep -E "error" "$work/build.log" | head -20 >&2
            echo "bench-generated-build: $label does not build" >&2
            exit 1
        fi
        read -r wall user system <<<"$times"
        results+=("$wall $(echo "$user + $system" | bc -l)")
    done
    local sorted fastest median
    sorted=$(printf '%s\n' "${results[@]}" | sort -n)
    fastest=$(head -1 <<<"$sorted")
    median=$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")
    printf '%-8s %-28s %6d lines  fastest %6.1f s (CPU %6.1f s)  median %6.1f s  of %d\n' \
        "$configuration" "$label" "$lines" ${fastest} "${median%% *}" "$runs"
}

for configuration in "${configurations[@]}"; do
    prepare "$configuration"
    label="whole schema (every symbol)" measure "${symbols[@]}" "$schema"
    label="20 commands" measure "${symbols[@]}" --commands "$subset" "$schema"
done
