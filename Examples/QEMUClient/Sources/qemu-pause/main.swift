import Foundation
import QEMUClient

// qemu-pause SOCKET: runs the example against a QEMU started with
// -qmp unix:SOCKET,server=on,wait=off.
guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: qemu-pause SOCKET\n".utf8))
    exit(2)
}
for line in try await pauseAndResume(socketPath: CommandLine.arguments[1]) {
    print(line)
}
