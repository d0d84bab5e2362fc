import QAPIRuntime
import QMPClient
import XCTest

/// QEMU's error classes, as `QMPCommandError` keeps them (spec A).
final class ErrorClassTests: XCTestCase {
    func testACommandOfQEMU10ThatQEMU7LacksFailsWithCommandNotFound() async throws {
        try await withLiveQEMU { qmp in
            let error = await commandError { try await qmp.queryCryptodev() }
            XCTAssertEqual(error?.command, "query-cryptodev")
            XCTAssertEqual(error?.errorClass, .commandNotFound)
            XCTAssertEqual(error?.desc, "The command query-cryptodev has not been found")
        }
    }

    func testDeviceDelOfAnUnknownDeviceFailsWithDeviceNotFound() async throws {
        try await withLiveQEMU { qmp in
            let error = await commandError { try await qmp.deviceDel(id: "nope") }
            XCTAssertEqual(error?.errorClass, .deviceNotFound)
            XCTAssertEqual(error?.desc, "Device 'nope' not found")
        }
    }

    func testQueryBalloonWithoutABalloonFailsWithDeviceNotActive() async throws {
        try await withLiveQEMU { qmp in
            let error = await commandError { try await qmp.queryBalloon() }
            XCTAssertEqual(error?.errorClass, .deviceNotActive)
            XCTAssertEqual(error?.desc, "No balloon device has been activated")
        }
    }

    func testADuplicateObjectIDFailsWithGenericError() async throws {
        try await withLiveQEMU { qmp in
            let secret = ObjectOptions(id: "sec0", branch: .secret(SecretProperties(data: "x")))
            try await qmp.objectAdd(secret)
            let error = await commandError { try await qmp.objectAdd(secret) }
            XCTAssertEqual(error?.errorClass, .genericError)
            XCTAssertEqual(error?.desc, "attempt to add duplicate property 'sec0' to object (type 'container')")
            XCTAssertEqual("\(error.map { "\($0)" } ?? "")", "object-add failed: GenericError: \(error?.desc ?? "")")
        }
    }
}
