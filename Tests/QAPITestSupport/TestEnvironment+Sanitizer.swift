import Glibc

/// Which sanitizer the tests run under, for the few checks that one
/// makes meaningless.
public extension TestEnvironment {
    /// Whether this process runs under AddressSanitizer (`swift test
    /// --sanitize=address`, `Scripts/sanitize.sh address`): its runtime,
    /// linked into the test executable, defines `__asan_init`.
    static let isAddressSanitized: Bool = {
        guard let program = dlopen(nil, RTLD_NOW) else { return false }
        return dlsym(program, "__asan_init") != nil
    }()
}
