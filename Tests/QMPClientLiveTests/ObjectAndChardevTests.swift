import QAPIRuntime
import QMPClient
import XCTest

/// Objects and character devices added and removed at run time.
final class ObjectAndChardevTests: XCTestCase {
    func testObjectAddAndObjectDelOfASecret() async throws {
        try await withLiveQEMU { qmp in
            try await qmp.objectAdd(ObjectOptions(id: "sec0", branch: .secret(SecretProperties(data: "letmein"))))
            let objects = try await qmp.qomList(path: "/objects")
            XCTAssertEqual(objects.first { $0.name == "sec0" }?.type, "child<secret>")
            try await qmp.objectDel(id: "sec0")
            let stillThere = try await qmp.qomList(path: "/objects").contains { $0.name == "sec0" }
            XCTAssertFalse(stillThere)
        }
    }

    func testObjectAddAndObjectDelOfAnIOThread() async throws {
        try await withLiveQEMU { qmp in
            try await qmp.objectAdd(ObjectOptions(id: "io0", branch: .iothread(IothreadProperties(pollMaxNs: 12_345))))
            let objects = try await qmp.qomList(path: "/objects")
            XCTAssertEqual(objects.first { $0.name == "io0" }?.type, "child<iothread>")
            let pollMaxNs = try await qmp.qomGet(path: "/objects/io0", property: "poll-max-ns")
            XCTAssertEqual(pollMaxNs.int64Value, 12_345, "\(pollMaxNs)")
            try await qmp.objectDel(id: "io0")
            let stillThere = try await qmp.qomList(path: "/objects").contains { $0.name == "io0" }
            XCTAssertFalse(stillThere)
        }
    }

    func testARingBufferChardevKeepsWhatIsWrittenUntilRead() async throws {
        try await withLiveQEMU { qmp in
            let backend = ChardevBackend(branch: .ringbuf(ChardevRingbufWrapper(data: ChardevRingbuf(size: 1024))))
            let created = try await qmp.chardevAdd(id: "rb0", backend: backend)
            XCTAssertNil(created.pty)
            try await qmp.ringbufWrite(device: "rb0", data: "hello, QEMU")
            let read = try await qmp.ringbufRead(device: "rb0", size: 100)
            XCTAssertEqual(read, "hello, QEMU")
            let readAgain = try await qmp.ringbufRead(device: "rb0", size: 100)
            XCTAssertEqual(readAgain, "")
            try await qmp.chardevRemove(id: "rb0")
            let error = await commandError { try await qmp.ringbufRead(device: "rb0", size: 1) }
            XCTAssertEqual(error?.errorClass, .genericError)
        }
    }
}
