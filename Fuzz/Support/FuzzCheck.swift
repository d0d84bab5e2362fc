/// Stops the run when `condition` does not hold. libFuzzer takes the trap
/// for a crash: it prints `message` and the stack, and saves the input.
func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard condition() else { fatalError(message(), file: file, line: line) }
}
