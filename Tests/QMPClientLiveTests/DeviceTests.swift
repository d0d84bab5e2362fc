import QAPIRuntime
import QMPClient
import XCTest

/// Device hotplug on a PC that runs no guest (`-M pc -S`): a USB keyboard
/// on an xHCI controller, which leaves at once, without the guest.
final class DeviceTests: XCTestCase {
    func testDeviceAddAndTheDeleteHelperWaitForDeviceDeleted() async throws {
        try await withLiveQEMU(.pc) { qmp in
            try await qmp.deviceAdd(driver: "qemu-xhci", id: "xhci")
            try await qmp.deviceAdd(driver: "usb-kbd", bus: "xhci.0", id: "kbd0")
            let type = try await qmp.qomGet(path: "/machine/peripheral/kbd0", property: "type")
            XCTAssertEqual(type, .string("usb-kbd"))
            let deleted = try await qmp.deleteDevice(id: "kbd0", timeout: .seconds(10))
            XCTAssertEqual(deleted.device, "kbd0")
            XCTAssertEqual(deleted.path, "/machine/peripheral/kbd0")
            let error = await commandError { try await qmp.deviceDel(id: "kbd0") }
            XCTAssertEqual(error?.errorClass, .deviceNotFound)
        }
    }
}
