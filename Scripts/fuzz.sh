#!/usr/bin/env bash
# Fuzzing with libFuzzer: one harness per directory of Fuzz/Targets.
#
#   Scripts/fuzz.sh --list              the targets, one per line
#   Scripts/fuzz.sh NAME SECONDS        build NAME's harness and run it for SECONDS
#   Scripts/fuzz.sh --all SECONDS       the same for every target, one after the other
#
# Exit status: 0 when nothing was found, 1 on a finding (a crash, a failed
# check, a leak, a hang longer than 10 s, more than 2 GB of memory; the script
# prints where libFuzzer saved the input and the command that replays it),
# 2 for a usage or build error.
#
# How it builds. `swift build -Xswiftc -sanitize=fuzzer` would instrument
# every target of the build, qapi-gen (the build plugin's tool) included,
# and link a libFuzzer `main` into every executable. So this script
# compiles the libraries a harness needs itself, with swiftc: one
# whole-module compile per library, instrumented with
# -sanitize=fuzzer,address, into .build-fuzz/ (ignored by git). A library
# is recompiled only when its sources, its dependencies or the flags
# change. QMPMonitorSchema and WorkshopSchema are the Swift that qapi-gen
# (built the ordinary way, with `swift build --product qapi-gen`) writes
# for qapi/ and for Tests/QAPIGeneratedTests/schema. Every library gets
# the same -package-name, so harnesses see `package` declarations. A
# harness is the sources of Fuzz/Support and Fuzz/Targets/NAME, linked
# with those objects; libFuzzer supplies `main`.
#
# How it runs. The harness reads Fuzz/Corpus/NAME (the seeds, kept in the
# repository) and .build-fuzz/corpus/NAME (what earlier runs found
# interesting; new inputs go there), with the dictionary
# Fuzz/Targets/NAME/dictionary when there is one. The schema target also
# reads the project's schemas and a copy, made in /tmp for the run, of
# QEMU's conformance cases from ../shared (or $QAPI_SHARED_DIR) when they
# are there. The full log goes to .build-fuzz/logs/NAME.log.
#
# Adding a target, for example `introspection`:
#   1. Fuzz/Targets/introspection/IntrospectionHarness.swift: a function
#      `@_cdecl("LLVMFuzzerTestOneInput") public func fuzzIntrospection(_
#      data: UnsafePointer<UInt8>, _ size: Int) -> CInt` that calls
#      fuzzCheck (Fuzz/Support) for its properties; ChunkPlan splits an
#      input into chunks.
#   2. Fuzz/Targets/introspection/libraries: the libraries it imports, on
#      one line (dependencies are added by this script). A library that
#      is not in `library_dependencies` below gets a line there (and one
#      in `library_sources` when its sources are not Sources/NAME); a
#      library of generated Swift also gets a line in `generate_sources`.
#   3. Seeds in Fuzz/Corpus/introspection/, and optionally a libFuzzer
#      dictionary in Fuzz/Targets/introspection/dictionary.
#   4. Optionally Fuzz/Targets/introspection/type-lists: generated
#      libraries (QMPMonitorSchema, WorkshopSchema) whose types the
#      harness wants as a list; the script writes `enum <Library>Types {
#      static let all: [any FuzzCodable.Type] }` for each (see
#      write_type_list).
# It then shows in --list, and --all (and so .ci/run) runs it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build="$root/.build-fuzz"
shared="${QAPI_SHARED_DIR:-$root/../shared}"
swift_flags=(-swift-version 6 -O -g -sanitize=fuzzer,address -parse-as-library -package-name swift_qapi_fuzz)
libfuzzer_options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)

usage() {
    sed -n '4,6p' "$0" | sed 's/^#   //' >&2
    exit 2
}

list_targets() {
    local directory
    for directory in Fuzz/Targets/*/; do basename "$directory"; done
}

# The libraries library $1 imports.
library_dependencies() {
    case "$1" in
    QAPIRuntime | QAPISchema | CEPoll) ;;
    QAPICodegen) echo QAPISchema ;;
    QMPMonitorSchema | WorkshopSchema) echo QAPIRuntime ;;
    QMPReactor) echo QAPIRuntime CEPoll ;;
    QMPMonitor) echo QAPIRuntime QMPMonitorSchema QMPReactor ;;
    QMPClient) echo QAPIRuntime QMPReactor ;;
    *)
        echo "fuzz.sh: unknown library '$1': add it to library_dependencies and library_sources" >&2
        exit 2
        ;;
    esac
}

# Writes the sources of the libraries qapi-gen generates; no-op for others.
generate_sources() {
    local output="$build/generated/$1"
    case "$1" in
    QMPMonitorSchema) # as Sources/QMPMonitorSchema/qapi-gen.json asks
        run_qapi_gen -o "$output" --access package qapi/qapi-schema.json ;;
    WorkshopSchema) # as Tests/QAPIGeneratedTests/qapi-gen.json asks, with package access
        run_qapi_gen -o "$output" --access package -D CONFIG_ALPHA -D CONFIG_BETA \
            Tests/QAPIGeneratedTests/schema/qapi-schema.json ;;
    esac
}

# The Swift sources of library $1, one per line, sorted.
library_sources() {
    case "$1" in
    QMPMonitorSchema) find Sources/QMPMonitorSchema "$build/generated/$1" -name '*.swift' ;;
    WorkshopSchema) find "$build/generated/$1" -name '*.swift' ;;
    *) find "Sources/$1" -name '*.swift' ;;
    esac | LC_ALL=C sort
}

qapi_gen=""
run_qapi_gen() {
    if [[ -z $qapi_gen ]]; then
        echo "fuzz.sh: building qapi-gen" >&2
        swift build --product qapi-gen >&2 || { echo "fuzz.sh: building qapi-gen failed" >&2; exit 2; }
        qapi_gen="$(swift build --show-bin-path)/qapi-gen"
    fi
    "$qapi_gen" "$@"
}

# A key for a build step: everything on stdin, hashed.
step_key() {
    { swiftc --version 2>&1; cat; } | sha256sum | cut -d' ' -f1
}

declare -A built=()
c_module_flags=()

# Makes the header-only C target $1 (Sources/$1/include) importable: a
# module map over its headers in the modules folder, as SwiftPM writes one.
build_c_module() {
    local library=$1 headers header
    mapfile -t headers < <(find "$root/Sources/$library/include" -name '*.h' | LC_ALL=C sort)
    mkdir -p "$build/objects" "$build/modules/$library"
    {
        echo "module $library {"
        for header in "${headers[@]}"; do echo "    header \"$header\""; done
        echo "    export *"
        echo "}"
    } >"$build/modules/$library/module.modulemap"
    cat "${headers[@]}" | step_key >"$build/objects/$library.key"
    c_module_flags+=(-Xcc "-fmodule-map-file=$build/modules/$library/module.modulemap")
}

# Compiles library $1 (after its dependencies) unless it is up to date.
build_library() {
    local library=$1 dependency
    [[ -n ${built[$library]:-} ]] && return
    if [[ -d Sources/$library/include ]]; then
        build_c_module "$library"
        built[$library]=1
        return
    fi
    local dependencies
    dependencies=$(library_dependencies "$library")
    for dependency in $dependencies; do build_library "$dependency"; done
    generate_sources "$library"
    local sources
    mapfile -t sources < <(library_sources "$library")
    local object="$build/objects/$library.o" stamp="$build/objects/$library.key" key
    key=$( {
        echo "${swift_flags[*]}"
        for dependency in $dependencies; do cat "$build/objects/$dependency.key"; done
        sha256sum "${sources[@]}"
    } | step_key)
    if [[ ! -f $object || ! -f $stamp || $(cat "$stamp") != "$key" ]]; then
        echo "fuzz.sh: compiling $library" >&2
        mkdir -p "$build/objects" "$build/modules"
        rm -f "$stamp"
        swiftc "${swift_flags[@]}" -module-name "$library" -wmo \
            -emit-module -emit-module-path "$build/modules/$library.swiftmodule" -I "$build/modules" \
            "${c_module_flags[@]}" -c -o "$object" "${sources[@]}" || { echo "fuzz.sh: compiling $library failed" >&2; exit 2; }
        echo "$key" >"$stamp"
    fi
    built[$library]=1
}

# Library $1 and everything it depends on, dependencies first, once each.
library_closure() {
    local library dependency
    for library in "$@"; do
        for dependency in $(library_dependencies "$library"); do library_closure "$dependency"; done
        echo "$library"
    done
}

# Writes `enum <Library>Types` listing every type the generated library
# $1 declares: named types, command arguments and results, events.
write_type_list() {
    local library=$1 output=$2 directory="$build/generated/$1" file
    for file in "$directory"/qapi-types-1.swift "$directory"/qapi-commands.swift "$directory"/qapi-events.swift; do
        [[ -f $file ]] || { echo "fuzz.sh: qapi-gen wrote no $(basename "$file") for $library" >&2; exit 2; }
    done
    {
        echo "// Written by Scripts/fuzz.sh from the Swift qapi-gen generated for $library. Do not edit."
        echo "import QAPIRuntime"
        echo "import $library"
        echo
        echo "/// Every type $library declares: named types, command arguments and results, events."
        echo "enum ${library}Types {"
        echo "    /// The types."
        echo "    static let all: [any FuzzCodable.Type] = ["
        sed -nE "s/^(public |package |internal )?(indirect )?(struct|enum) ([A-Za-z_][A-Za-z0-9_]*): .*QAPI.*/        $library.\\4.self,/p" \
            "$directory"/qapi-types*.swift
        sed -nE "s/^extension Commands\\.([A-Za-z_][A-Za-z0-9_]*): QMP(InBand|OutOfBand)Command.*/        $library.Commands.\\1.Arguments.self,\\n        $library.Commands.\\1.Result.self,/p" \
            "$directory/qapi-commands.swift"
        sed -nE "s/^    (public |package |internal )?struct ([A-Za-z_][A-Za-z0-9_]*): QMPEvent.*/        $library.Events.\\2.self,/p" \
            "$directory/qapi-events.swift"
        echo "    ]"
        echo "}"
    } >"$output"
    if ! grep -q '\.self,' "$output"; then
        echo "fuzz.sh: found no type in the Swift generated for $library" >&2
        exit 2
    fi
}

# Builds the harness of target $1 unless it is up to date.
build_target() {
    local name=$1 directory="Fuzz/Targets/$1"
    [[ -d $directory ]] || { echo "fuzz.sh: no target '$name' (see --list)" >&2; exit 2; }
    local libraries library
    mapfile -t libraries < <(library_closure $(cat "$directory/libraries") | awk '!seen[$0]++')
    for library in "${libraries[@]}"; do build_library "$library"; done
    local generated="$build/harness/$name"
    rm -rf "$generated"
    mkdir -p "$generated" "$build/bin"
    if [[ -f $directory/type-lists ]]; then
        for library in $(cat "$directory/type-lists"); do
            write_type_list "$library" "$generated/${library}Types.swift"
        done
    fi
    local sources objects=() binary="$build/bin/fuzz-$name" stamp="$build/bin/fuzz-$name.key" key
    mapfile -t sources < <(find "$root/Fuzz/Support" "$root/$directory" "$generated" -name '*.swift' | LC_ALL=C sort)
    for library in "${libraries[@]}"; do
        [[ -f $build/objects/$library.o ]] && objects+=("$build/objects/$library.o")
    done
    key=$( {
        echo "${swift_flags[*]}"
        for library in "${libraries[@]}"; do cat "$build/objects/$library.key"; done
        sha256sum "${sources[@]}"
    } | step_key)
    if [[ ! -x $binary || ! -f $stamp || $(cat "$stamp") != "$key" ]]; then
        echo "fuzz.sh: building the $name harness" >&2
        rm -f "$stamp"
        # In the harness's folder: the debug module swiftc writes beside the binary goes there.
        (cd "$generated" && swiftc "${swift_flags[@]}" -warnings-as-errors -module-name "fuzz_${name//-/_}" -wmo \
            -I "$build/modules" "${c_module_flags[@]}" -use-ld=lld -o "$binary" "${sources[@]}" "${objects[@]}") ||
            { echo "fuzz.sh: building the $name harness failed" >&2; exit 2; }
        echo "$key" >"$stamp"
    fi
}

seed_copies=""
scratch=""
cleanup() {
    [[ -n $seed_copies ]] && rm -rf "$seed_copies"
    [[ -n $scratch ]] && rm -rf "$scratch"
    seed_copies=""
    scratch=""
}
trap cleanup EXIT

# Sets `seeds` to the read-only corpus directories of target $1.
find_seeds() {
    seeds=("Fuzz/Corpus/$1")
    [[ $1 == schema ]] || return 0
    seeds+=(qapi Tests/QAPIGeneratedTests/schema)
    if [[ -d $shared/qapi-conformance/cases ]]; then
        seed_copies=$(mktemp -d /tmp/qapi-fuzz-seeds.XXXXXX)
        cp "$shared"/qapi-conformance/cases/*.json "$seed_copies/"
        seeds+=("$seed_copies")
    else
        echo "fuzz.sh: $shared/qapi-conformance/cases not found; schema runs without QEMU's cases" >&2
    fi
}

# Builds and runs target $1 for $2 seconds; returns 1 on a finding.
run_target() {
    local name=$1 seconds=$2
    build_target "$name"
    local corpus="$build/corpus/$name" findings="$build/findings/$name/" log="$build/logs/$name.log"
    mkdir -p "$corpus" "$findings" "$build/logs"
    local options=("${libfuzzer_options[@]}" -max_total_time="$seconds" -artifact_prefix="$findings")
    [[ -f Fuzz/Targets/$name/dictionary ]] && options+=(-dict="Fuzz/Targets/$name/dictionary")
    local seeds
    find_seeds "$name"
    echo "fuzz.sh: fuzzing $name for $seconds s (log: ${log#"$root"/})" >&2
    local status=0
    # A scratch folder for harnesses that need files (schema), removed even after a crash.
    scratch=$(mktemp -d /tmp/qapi-fuzz-scratch.XXXXXX)
    # Swift's own crash backtracer would run inside the sanitizer and upset it; libFuzzer reports crashes.
    SWIFT_BACKTRACE=enable=no QAPI_FUZZ_SCRATCH="$scratch" "$build/bin/fuzz-$name" "${options[@]}" \
        "$corpus" "${seeds[@]}" </dev/null >"$log" 2>&1 || status=$?
    cleanup
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" |
        sed "s/^/  $name: /" >&2 || true
    if [[ $status -ne 0 ]]; then
        local input
        input=$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -1)
        echo "fuzz.sh: $name FAILED (exit status $status); the end of the log:" >&2
        tail -n 40 "$log" >&2
        if [[ -n $input ]]; then
            echo "fuzz.sh: the input is saved in ${input#"$root"/}" >&2
            echo "fuzz.sh: replay it with: SWIFT_BACKTRACE=enable=no .build-fuzz/bin/fuzz-$name ${input#"$root"/}" >&2
        fi
        return 1
    fi
}

case "${1:-}" in
--list)
    [[ $# -eq 1 ]] || usage
    list_targets
    ;;
--all)
    [[ $# -eq 2 && $2 =~ ^[0-9]+$ ]] || usage
    failed=()
    for target in $(list_targets); do
        run_target "$target" "$2" || failed+=("$target")
    done
    if [[ ${#failed[@]} -gt 0 ]]; then
        echo "fuzz.sh: findings in: ${failed[*]}" >&2
        exit 1
    fi
    ;;
-* | "")
    usage
    ;;
*)
    [[ $# -eq 2 && $2 =~ ^[0-9]+$ ]] || usage
    run_target "$1" "$2" || exit 1
    ;;
esac
