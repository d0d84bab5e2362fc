import Foundation
import QMPMonitor
import XCTest

/// A listening unix socket chardev: filenames, events, one client at a
/// time (spec T7, C5), and frontends coming and going.
final class SocketLifecycleTests: ChardevTestCase {
    func testServerOpensAndClosesPerClient() throws {
        let chardev = try addUnixServer("mon0")
        let socketPath = path("qmp.sock")
        XCTAssertEqual(chardev.filename, "disconnected:unix:\(socketPath),server=on")
        XCTAssertEqual(chardev.backend, .socket)
        XCTAssertTrue(chardev.supportsIOThread)
        XCTAssertFalse(chardev.isBusy)
        XCTAssertFalse(chardev.frontendOpen)

        let frontend = RecordingFrontend { event, link in
            if case .received(let bytes) = event { link.write(Array("echo:".utf8) + bytes) }
        }
        let link = try chardev.attach(frontend)
        XCTAssertTrue(chardev.isBusy)
        XCTAssertTrue(chardev.frontendOpen)
        XCTAssertEqual(link.chardevID, "mon0")

        let client = try TestClient.unix(socketPath)
        frontend.wait("opened") { $0.openedCount == 1 }
        XCTAssertEqual(chardev.filename, "unix:\(socketPath),server=on")
        client.send("hello")
        XCTAssertEqual(client.readText(count: 10), "echo:hello")
        XCTAssertEqual(frontend.receivedText, "hello")

        client.close()
        frontend.wait("closed") { $0.closedCount == 1 }
        XCTAssertEqual(chardev.filename, "disconnected:unix:\(socketPath),server=on")
        XCTAssertEqual(frontend.connectionEvents, [.opened, .closed])
        link.detach()
    }

    func testSecondClientIsServedAfterTheFirstLeaves() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend { event, link in
            if event == .opened { link.write(Array("greeting\n".utf8)) }
            if case .received(let bytes) = event { link.write(bytes) }
        }
        let link = try chardev.attach(frontend)

        let first = try TestClient.unix(path("qmp.sock"))
        XCTAssertEqual(first.readText(count: 9), "greeting\n")
        let second = try TestClient.unix(path("qmp.sock"))
        second.send("from second\n")
        first.send("from first\n")
        XCTAssertEqual(first.readText(count: 11), "from first\n")
        XCTAssertEqual(frontend.receivedText, "from first\n", "the second client is not served yet")
        XCTAssertEqual(frontend.openedCount, 1)

        first.close()
        XCTAssertEqual(second.readText(count: 9 + 12), "greeting\nfrom second\n")
        XCTAssertEqual(frontend.connectionEvents, [.opened, .closed, .opened])
        XCTAssertEqual(frontend.receivedText, "from first\nfrom second\n")
        second.close()
        frontend.wait("second closed") { $0.closedCount == 2 }
        link.detach()
    }

    func testAttachingWhileConnectedAnnouncesTheConnection() throws {
        let chardev = try addUnixServer("mon0")
        let client = try TestClient.unix(path("qmp.sock"))
        client.send("early ")

        let first = RecordingFrontend()
        let firstLink = try chardev.attach(first)
        first.wait("opened, then the bytes sent before attaching") { $0.receivedText == "early " }
        XCTAssertEqual(first.recorded.first, .opened)

        firstLink.detach()
        XCTAssertFalse(chardev.isBusy)
        firstLink.write(Array("stale".utf8))
        client.send("late")

        let second = RecordingFrontend()
        let secondLink = try chardev.attach(second)
        second.waitForText("late")
        XCTAssertEqual(second.recorded.first, .opened)
        XCTAssertEqual(first.receivedText, "early ", "nothing reaches a detached frontend")
        secondLink.write(Array("fresh".utf8))
        XCTAssertEqual(client.readText(count: 5), "fresh", "a detached link's writes are dropped")
        secondLink.detach()
    }

    func testOneFrontendAtATime() throws {
        let chardev = try addUnixServer("mon0")
        let link = try chardev.attach(RecordingFrontend())
        let error = chardevError { _ = try chardev.attach(RecordingFrontend()) }
        XCTAssertEqual(error, ChardevError(.inUse, "chardev 'mon0' is already in use"))
        link.detach()
        try chardev.attach(RecordingFrontend()).detach()
    }

    func testDetachedFrontendGetsNoEvents() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend()
        try chardev.attach(frontend).detach()
        let watcher = RecordingFrontend()
        let link = try chardev.attach(watcher)
        let client = try TestClient.unix(path("qmp.sock"))
        watcher.wait("opened") { $0.openedCount == 1 }
        client.close()
        watcher.wait("closed") { $0.closedCount == 1 }
        XCTAssertEqual(frontend.recorded, [])
        link.detach()
    }

    func testRemovalUnlinksTheSocketPath() throws {
        try addUnixServer("mon0")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("qmp.sock")))
        try registry.remove(id: "mon0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("qmp.sock")))
        XCTAssertThrowsError(try TestClient.unix(path("qmp.sock")))
    }

    func testBindingReplacesAnExistingFile() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("qmp.sock"), contents: Data("old".utf8)))
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend()
        let link = try chardev.attach(frontend)
        _ = try TestClient.unix(path("qmp.sock"))
        frontend.wait("opened") { $0.openedCount == 1 }
        link.detach()
    }

    func testRemovingAChardevWithAClientClosesTheClient() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend()
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        frontend.wait("opened") { $0.openedCount == 1 }
        XCTAssertEqual(chardevError { try registry.remove(id: "mon0") }, ChardevError(.busy, "Chardev 'mon0' is busy"))
        link.detach()
        try registry.remove(id: "mon0")
        XCTAssertEqual(client.readToEnd(), [])
    }
}
