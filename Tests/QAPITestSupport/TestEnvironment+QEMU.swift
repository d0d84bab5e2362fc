import Foundation

/// The installed QEMU that live tests drive.
///
/// A missing QEMU is a skip, unless `QAPI_REQUIRE_QEMU=1` (CI sets it, after
/// `Scripts/install-test-peers.sh --qemu`), which makes it a failure, the
/// way `QAPI_REQUIRE_SHARED` does for the shared material.
public extension TestEnvironment {
    /// The path of `qemu-system-x86_64` in `$PATH`; when there is none, a
    /// skip or a failure that says so (`skipOrFail`).
    static func qemuSystemX86() throws -> String {
        guard let path = executableInPath("qemu-system-x86_64") else {
            try skipOrFail(
                "qemu-system-x86_64 not found in PATH (Scripts/install-test-peers.sh --qemu installs it)",
                requiredBy: "QAPI_REQUIRE_QEMU")
        }
        return path
    }
}
