import QAPICodegen
import XCTest

/// The QAPI-to-Swift name rules, as a table.
final class SwiftNamingTests: XCTestCase {
    func testTypeNames() {
        let table: [(String, String)] = [
            ("MonitorInfo", "MonitorInfo"),
            ("__org.qemu_x-Struct", "__org_qemu_x_Struct"),
            ("QType", "QType"),
            ("Self", "Self_"),
            ("Type", "Type_"),
            ("Protocol", "Protocol_"),
            ("Any", "Any_"),
            ("Swift", "Swift_"),
            ("QAPIRuntime", "QAPIRuntime_"),
            ("String", "String"),
            ("1Type", "_1Type"),
        ]
        for (qapi, swift) in table {
            XCTAssertEqual(SwiftNaming.typeName(qapi), swift, qapi)
        }
    }

    func testMemberNamesAreLowerCamel() {
        let table: [(String, String)] = [
            ("node-name", "nodeName"),
            ("id", "id"),
            ("x-perf", "xPerf"),
            ("l1_update", "l1Update"),
            ("ACPI", "acpi"),
            ("VNC_CONNECTED", "vncConnected"),
            ("fooBar", "fooBar"),
            ("__org.qemu_x-member", "orgQemuXMember"),
            ("host-qmp-quit", "hostQmpQuit"),
            ("640x480", "_640x480"),
            ("a--b", "aB"),
            ("qmp_capabilities", "qmpCapabilities"),
        ]
        for (qapi, swift) in table {
            XCTAssertEqual(SwiftNaming.lowerCamel(qapi), swift, qapi)
        }
    }

    func testNamespaceNamesAreUpperCamel() {
        let table: [(String, String)] = [
            ("query-version", "QueryVersion"),
            ("SHUTDOWN", "Shutdown"),
            ("BLOCK_JOB_COMPLETED", "BlockJobCompleted"),
            ("qmp_capabilities", "QmpCapabilities"),
            ("x-debug-query-block-graph", "XDebugQueryBlockGraph"),
            ("__com.redhat_drive-mirror", "ComRedhatDriveMirror"),
            ("type", "Type_"),
            ("self", "Self_"),
        ]
        for (qapi, swift) in table {
            XCTAssertEqual(SwiftNaming.upperCamel(qapi), swift, qapi)
        }
    }

    func testKeywordsAreEscaped() {
        let table: [(String, String)] = [
            ("default", "`default`"),
            ("protocol", "`protocol`"),
            ("class", "`class`"),
            ("in", "`in`"),
            ("true", "`true`"),
            ("nil", "`nil`"),
            ("import", "`import`"),
            ("self", "self_"),
            ("init", "init_"),
            ("Type", "type"),
            ("type", "type"),
            ("data", "data"),
        ]
        for (qapi, swift) in table {
            XCTAssertEqual(SwiftNaming.memberName(qapi), swift, qapi)
        }
        XCTAssertEqual(SwiftNaming.bare("`default`"), "default")
        XCTAssertEqual(SwiftNaming.bare("self_"), "self_")
    }
}
