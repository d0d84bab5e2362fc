#!/usr/bin/env bash
# Prints how well the Swift generated from QEMU's whole schema reads in
# Quick Help and DocC: the "The `x` member." placeholders (members with no
# description at all), raw `@name` references left in doc comments, and
# lines over 120 columns outside the introspection payload.
# Usage: Scripts/generated-doc-stats.sh [QAPI_GEN]   (default: the debug build)
set -euo pipefail
source "$(dirname "$0")/lib/qemu-schema.sh"
find_qemu_schema generated-doc-stats
qapi_gen="${1:-}"
[[ -n "$qapi_gen" ]] || build_qapi_gen
read_condition_symbols
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$qapi_gen" -o "$out" "${symbols[@]}" "$schema"
code=$(ls "$out"/*.swift | grep -v -e introspection -e '_introspection' || true)
printf 'placeholders "The `x` member.":  %d\n' "$(cat $code | grep -cE '/// The `[^`]+` member\.$' || true)"
printf 'raw @name in doc comments:        %d\n' "$(cat $code | grep -E '^\s*///' | grep -cE '(^|[^A-Za-z0-9_])@[A-Za-z_]' || true)"
printf 'lines over 120 columns:           %d\n' "$(cat $code | awk 'length($0) > 120' | wc -l)"
