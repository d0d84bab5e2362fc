#!/usr/bin/env bash
# Shows where a release build of the Swift generated from QEMU 10.0.13's
# whole schema (every condition symbol defined) spends its time: the
# compiler's phases, and the SIL optimizer's time summed by kind of
# function (member decoders and encoders, synthesized Hashable, property
# accessors, protocol witnesses, specializations of runtime generics...).
# The layout is Scripts/bench-generated-build.sh's: a scratch package
# whose one target holds the generated files, QAPIRuntime built first.
# Takes several minutes: printing every pass's time slows the compiler.
# Needs ../shared (or QAPI_SHARED_DIR), python3 and swift-demangle.
#
#   Scripts/profile-generated-build.sh [ROWS]   (default: 25 rows per table)
set -euo pipefail

source "$(dirname "$0")/lib/qemu-schema.sh"
find_qemu_schema profile-generated-build
rows="${1:-25}"
build_qapi_gen
read_condition_symbols

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
write_generated_package "$work" generated-build-profile
mkdir -p "$work/stats"

# The same flags for QAPIRuntime and for the generated target, so that
# the second build compiles the generated target alone.
flags=(-c release -Xswiftc -stats-output-dir -Xswiftc "$work/stats"
    -Xswiftc -Xllvm -Xswiftc -sil-print-pass-time)
echo 'public let placeholder = 0' > "$work/Sources/Generated/Placeholder.swift"
swift build --package-path "$work" "${flags[@]}" --target Generated >/dev/null 2>&1
rm -f "$work/Sources/Generated/Placeholder.swift" "$work/stats/"*
"$qapi_gen" -o "$work/Sources/Generated" "${symbols[@]}" "$schema"
rm -rf "$work/.build/release/Generated.build" "$work/.build/release/Modules/Generated."*
swift build --package-path "$work" "${flags[@]}" --target Generated >"$work/passes.log" 2>&1 || {
    grep -E "error" "$work/passes.log" | head -20 >&2
    exit 1
}

python3 - "$work/stats" "$work/passes.log" "$rows" <<'PYTHON'
import collections, glob, json, re, subprocess, sys

stats_dir, log, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])

print("compiler phases of the generated target (user seconds):")
for path in glob.glob(stats_dir + "/*Generated*.json"):
    stats = json.load(open(path))
    for key, value in sorted(stats.items(), key=lambda item: -item[1]):
        if key.startswith("time.swift") and key.endswith(".user") and value >= 0.5:
            print(f"  {value:8.1f}  {key[len('time.'):-len('.user')]}")

per_pass, per_function = collections.Counter(), collections.Counter()
for line in open(log, errors="replace"):
    match = re.match(r"\s*([\d.]+) ms: (\S+) #\d+(?: @(\S+))?", line)
    if match:
        per_pass[match.group(2)] += float(match.group(1))
        if match.group(3):
            per_function[match.group(3)] += float(match.group(1))
print(f"\nSIL optimizer: {sum(per_pass.values()) / 1000:.1f} s over {len(per_function)} functions; passes:")
for name, ms in per_pass.most_common(rows // 2):
    print(f"  {ms / 1000:8.1f}  {name}")

# The kind of each function, from its demangled name; the first pattern
# that matches wins.
KINDS = [
    ("member decoder init(qapiMembers:)", r"init\(qapiMembers:\)"),
    ("member encoder encodeMembers(to:)", r"encodeMembers\(to:\)"),
    ("Equatable ==", r"__derived_(struct|enum)_equals|== infix"),
    ("Hashable hash(into:)/hashValue", r"hash\(into:\)|hashValue|_rawHashValue|_hashValue"),
    ("enum init(knownName:)", r"init\(knownName:\)"),
    ("enum rawValue", r"rawValue"),
    ("value init(qapi:)/qapiDecode", r"init\(qapi:\)|qapiDecode"),
    ("value qapiEncoded()", r"qapiEncoded"),
    ("closure", r"closure #"),
    ("global or static initializer", r"one-time initialization|variable initialization expression"),
    ("property accessor", r"\.(getter|setter|modify|unsafeMutableAddressor)"),
    ("memberwise init", r"\.init\("),
]
mangled = list(per_function)
demangled = subprocess.run(
    ["swift-demangle", "--simplified"], input="\n".join(mangled), capture_output=True, text=True
).stdout.split("\n")
per_kind, counts = collections.Counter(), collections.Counter()
for name, readable in zip(mangled, demangled):
    plain = re.sub(r"<[^<>]*>", "", readable)
    kind = next((label for label, pattern in KINDS if re.search(pattern, plain)), "other")
    if plain.startswith("protocol witness"):
        kind = "protocol witness thunk"
    elif plain.startswith("specialized"):
        kind = "specialized: " + kind
    per_kind[kind] += per_function[name]
    counts[kind] += 1
print("\nSIL optimizer by kind of function (seconds, functions):")
for kind, ms in per_kind.most_common(rows):
    print(f"  {ms / 1000:8.1f}  {counts[kind]:6d}  {kind}")
PYTHON
