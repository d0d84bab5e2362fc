#!/usr/bin/env bash
# Prints how well the Swift generated from QEMU's whole schema reads in
# Quick Help and DocC: the "The `x` member." placeholders (members with no
# description at all), raw `@name` references left in doc comments, and
# lines over 120 columns outside the introspection payload.
# Usage: Scripts/generated-doc-stats.sh [QAPI_GEN]   (default: the debug build)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${QAPI_SHARED_DIR:-$repo/../shared}"
schema="$shared/qemu-10.0.13/qapi/qapi-schema.json"
[[ -f "$schema" ]] || { echo "generated-doc-stats: $schema not found; set QAPI_SHARED_DIR" >&2; exit 1; }
qapi_gen="${1:-}"
if [[ -z "$qapi_gen" ]]; then
    swift build --package-path "$repo" --product qapi-gen >/dev/null
    qapi_gen="$(swift build --package-path "$repo" --show-bin-path)/qapi-gen"
fi
symbols=()
while read -r symbol; do symbols+=("-D" "$symbol"); done < <(
    python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["symbols"]))' \
        "$shared/qemu-10.0.13/reference/introspect-conditions.json")
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$qapi_gen" -o "$out" "${symbols[@]}" "$schema"
code=$(ls "$out"/*.swift | grep -v -e introspection -e '_introspection' || true)
printf 'placeholders "The `x` member.":  %d\n' "$(cat $code | grep -cE '/// The `[^`]+` member\.$' || true)"
printf 'raw @name in doc comments:        %d\n' "$(cat $code | grep -E '^\s*///' | grep -cE '(^|[^A-Za-z0-9_])@[A-Za-z_]' || true)"
printf 'lines over 120 columns:           %d\n' "$(cat $code | awk 'length($0) > 120' | wc -l)"
