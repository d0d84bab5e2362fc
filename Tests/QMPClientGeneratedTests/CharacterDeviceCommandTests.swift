import QMPClient
import QMPClientTestSupport
import XCTest

/// The commands of `char.json`, on a ring buffer character device.
final class CharacterDeviceCommandTests: MonitorClientTestCase {
    private func ringbuf(size: Int64) -> ChardevBackend {
        ChardevBackend(branch: .ringbuf(ChardevRingbufWrapper(data: ChardevRingbuf(size: size))))
    }

    func testRingBufferKeepsWhatIsWrittenUntilRead() async throws {
        let added = try await client.chardevAdd(id: "ring", backend: ringbuf(size: 64))
        XCTAssertEqual(added, ChardevReturn())
        try await client.ringbufWrite(device: "ring", data: "hello")
        try await client.ringbufWrite(device: "ring", data: "IQ==", format: .base64)
        let text = try await client.ringbufRead(device: "ring", size: 64)
        XCTAssertEqual(text, "hello!")
        let empty = try await client.ringbufRead(device: "ring", size: 64, format: .base64)
        XCTAssertEqual(empty, "")
    }

    func testQueryChardevFollowsAddChangeAndRemove() async throws {
        _ = try await client.chardevAdd(id: "ring", backend: ringbuf(size: 64))
        var devices = try await client.queryChardev()
        XCTAssertEqual(devices.first { $0.label == "ring" }?.filename, "ringbuf")
        _ = try await client.chardevChange(id: "ring", backend: ChardevBackend(branch: .null(.init(data: .init()))))
        devices = try await client.queryChardev()
        XCTAssertEqual(devices.first { $0.label == "ring" }?.filename, "null")
        try await client.chardevRemove(id: "ring")
        devices = try await client.queryChardev()
        XCTAssertFalse(devices.contains { $0.label == "ring" })
    }

    func testRemovingAnUnknownDeviceFailsWithGenericErrorAsQEMUDoes() async throws {
        let error = await thrownError { try await client.chardevRemove(id: "nothing") }
        XCTAssertEqual((error as? QMPCommandError)?.errorClass, .genericError)
        XCTAssertEqual("\(error!)", "chardev-remove failed: GenericError: Chardev 'nothing' not found")
    }
}
