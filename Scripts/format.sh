#!/usr/bin/env bash
# Formats the project's Swift with the toolchain's swift-format and the
# configuration in .swift-format (generated files opt out with their
# `// swift-format-ignore-file` header; symbolic links are formatted at
# their target).
#
#   Scripts/format.sh           rewrite the files in place
#   Scripts/format.sh --check   list what would change, exit 1 if anything would
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Plugins Tests Benchmarks Fuzz Examples)
if [[ "${1:-}" == "--check" ]]; then
    changed=0
    while IFS= read -r -d '' file; do
        if ! swift format "$file" | cmp -s - "$file"; then
            echo "$file"
            changed=1
        fi
    done < <(find "${paths[@]}" -type f -name '*.swift' -not -path '*/.build*' -print0)
    exit $changed
fi
find "${paths[@]}" -type f -name '*.swift' -not -path '*/.build*' -print0 | xargs -0 swift format --in-place --parallel
