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
# A debug build's wall time is bimodal on two cores: SwiftPM runs the
# module job and two batch jobs two at a time, and in some runs the second
# batch starts only when the first has ended. Its CPU time does not depend
# on that, so compare CPU times, or the lower wall times of several runs.
#
#   Scripts/bench-generated-build.sh [debug|release]...   (default: both)
set -euo pipefail

source "$(dirname "$0")/lib/qemu-schema.sh"
find_qemu_schema bench-generated-build
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

# Generates with qapi-gen arguments "$@" and prints a clean build's time
# of the target in configuration $configuration, labelled $label.
measure() {
    rm -f "$work/Sources/Generated/"*.swift
    "$qapi_gen" -o "$work/Sources/Generated" "$@"
    local lines
    lines=$(cat "$work/Sources/Generated/"*.swift | wc -l)
    rm -rf "$work/.build/$configuration/Generated.build" "$work/.build/$configuration/Modules/Generated."*
    local TIMEFORMAT='%R %U %S' times status=0
    times=$( { time swift build --package-path "$work" -c "$configuration" --target Generated \
        >"$work/build.log" 2>&1 || status=$?; } 2>&1)
    if [[ $status -ne 0 ]]; then
        grep -E "error" "$work/build.log" | head -20 >&2
        echo "bench-generated-build: $label does not build" >&2
        exit 1
    fi
    read -r wall user system <<<"$times"
    printf '%-8s %-34s %7d lines  %6.1f s  (CPU %6.1f s)\n' "$configuration" "$label" "$lines" \
        "$wall" "$(echo "$user + $system" | bc -l)"
}

for configuration in "${configurations[@]}"; do
    prepare "$configuration"
    label="whole schema (every symbol)" measure "${symbols[@]}" "$schema"
    label="20 commands" measure "${symbols[@]}" --commands "$subset" "$schema"
done
