#!/usr/bin/env bash
# Generates Swift from QEMU's schemas with qapi-gen, the typed client
# included (--client), and builds it against QAPIRuntime and QMPClient,
# failing on any error or warning:
#   1. the project's own schema (qapi/)
#   2. the workshop schema of QAPIGeneratedTests (CONFIG_ALPHA, CONFIG_BETA)
#   3. the corpus's qapi-schema-test.json
#   4. QEMU 10.0's whole schema with every condition symbol defined
#   5. the same schema with no symbol defined
# Prints the generation and build time of each. Needs ../shared (or
# QAPI_SHARED_DIR). Usage: Scripts/build-generated-schemas.sh
set -euo pipefail

source "$(dirname "$0")/lib/qemu-schema.sh"
find_qemu_schema build-generated-schemas
build_qapi_gen
read_condition_symbols

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
write_generated_package "$work" generated-check QMPClient --warnings-as-errors

check() {
    local label="$1"; shift
    rm -f "$work/Sources/Generated/"*.swift
    local start end
    start=$(date +%s%N)
    "$qapi_gen" -o "$work/Sources/Generated" --client "$@"
    end=$(date +%s%N)
    local files lines
    files=$(ls "$work/Sources/Generated" | wc -l)
    lines=$(cat "$work/Sources/Generated/"*.swift | wc -l)
    printf '%s: generated %d files, %d lines in %d ms\n' "$label" "$files" "$lines" $(( (end - start) / 1000000 ))
    start=$(date +%s%N)
    if ! swift build --package-path "$work" --target Generated >"$work/build.log" 2>&1; then
        grep -E "error|warning" "$work/build.log" | head -40 >&2
        echo "$label: the generated Swift does not build" >&2
        exit 1
    fi
    end=$(date +%s%N)
    if grep -q "warning:" "$work/build.log"; then
        grep "warning:" "$work/build.log" | head -20 >&2
        echo "$label: the generated Swift builds with warnings" >&2
        exit 1
    fi
    printf '%s: built with no warnings in %d ms\n' "$label" $(( (end - start) / 1000000 ))
}

# Build the runtime and the client library once so that the timings below
# are the generated code's.
"$qapi_gen" -o "$work/Sources/Generated" --client "$repo/qapi/qapi-schema.json"
swift build --package-path "$work" --target Generated >/dev/null 2>&1 || true

check "qapi/qapi-schema.json" "$repo/qapi/qapi-schema.json"
check "workshop schema" -D CONFIG_ALPHA -D CONFIG_BETA "$repo/Tests/QAPIGeneratedTests/schema/qapi-schema.json"
check "qapi-schema-test.json" "$shared/qapi-conformance/cases/qapi-schema-test.json"
check "QEMU schema, all symbols" "${symbols[@]}" "$schema"
check "QEMU schema, no symbols" "$schema"
