# Sourced (not run) by the scripts that work on QEMU 10.0.13's whole schema
# in ../shared: finding it, building qapi-gen, the condition symbols, and a
# scratch package whose one target, Generated, links QAPIRuntime.

# The repository this file belongs to.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Sets `shared` and `schema` (QEMU's qapi-schema.json); exits with a message
# naming the calling script `$1` when ../shared (or QAPI_SHARED_DIR) lacks it.
find_qemu_schema() {
    shared="${QAPI_SHARED_DIR:-$repo/../shared}"
    schema="$shared/qemu-10.0.13/qapi/qapi-schema.json"
    if [[ ! -f "$schema" ]]; then
        echo "$1: $schema not found; set QAPI_SHARED_DIR" >&2
        exit 1
    fi
}

# Builds qapi-gen in configuration `$1` (default debug) and sets `qapi_gen`.
build_qapi_gen() {
    local configuration="${1:-debug}"
    swift build --package-path "$repo" -c "$configuration" --product qapi-gen >/dev/null
    qapi_gen="$(swift build --package-path "$repo" -c "$configuration" --show-bin-path)/qapi-gen"
}

# Sets the array `symbols` to a `-D SYMBOL` pair for every condition symbol
# of QEMU's schema, so that everything is generated.
read_condition_symbols() {
    symbols=()
    local symbol
    while read -r symbol; do symbols+=("-D" "$symbol"); done < <(
        python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["symbols"]))' \
            "$shared/qemu-10.0.13/reference/introspect-conditions.json")
}

# Writes a package named `$2` in folder `$1` that depends on this checkout by
# path, with one empty library target, Generated, on QAPIRuntime and the
# further products named after (e.g. QMPClient); `--warnings-as-errors`
# among them makes any warning in the target an error.
write_generated_package() {
    local folder=$1 name=$2 argument settings=""
    local products=(QAPIRuntime)
    shift 2
    for argument; do
        case $argument in
        --warnings-as-errors) settings=', swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]' ;;
        *) products+=("$argument") ;;
        esac
    done
    local dependencies="" product
    for product in "${products[@]}"; do
        dependencies+="${dependencies:+, }.product(name: \"$product\", package: \"$(basename "$repo")\")"
    done
    mkdir -p "$folder/Sources/Generated"
    cat > "$folder/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "$name",
    dependencies: [.package(path: "$repo")],
    targets: [
        .target(name: "Generated", dependencies: [$dependencies]$settings),
    ],
    swiftLanguageModes: [.v6])
MANIFEST
}
