import QAPICodegen
import Testing

/// The QAPI-to-Swift name rules, as tables: one test case per name.
@Suite struct SwiftNamingTests {
    @Test(
        "type names",
        arguments: [
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
            // Each character outside ASCII is one `_`, however many bytes.
            ("Caf\u{E9}-Info", "Caf__Info"),
            ("\u{1F600}x", "_x"),
        ])
    func typeNames(_ qapi: String, _ swift: String) {
        #expect(SwiftNaming.typeName(qapi) == swift)
    }

    @Test(
        "member names are lowerCamel",
        arguments: [
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
        ])
    func memberNamesAreLowerCamel(_ qapi: String, _ swift: String) {
        #expect(SwiftNaming.lowerCamel(qapi) == swift)
    }

    @Test(
        "namespace names are UpperCamel",
        arguments: [
            ("query-version", "QueryVersion"),
            ("SHUTDOWN", "Shutdown"),
            ("BLOCK_JOB_COMPLETED", "BlockJobCompleted"),
            ("qmp_capabilities", "QmpCapabilities"),
            ("x-debug-query-block-graph", "XDebugQueryBlockGraph"),
            ("__com.redhat_drive-mirror", "ComRedhatDriveMirror"),
            ("type", "Type_"),
            ("self", "Self_"),
        ])
    func namespaceNamesAreUpperCamel(_ qapi: String, _ swift: String) {
        #expect(SwiftNaming.upperCamel(qapi) == swift)
    }

    @Test(
        "keywords are escaped",
        arguments: [
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
        ])
    func keywordsAreEscaped(_ qapi: String, _ swift: String) {
        #expect(SwiftNaming.memberName(qapi) == swift)
    }

    @Test("bare removes the backquotes of an escaped keyword only")
    func bareRemovesBackquotes() {
        #expect(SwiftNaming.bare("`default`") == "default")
        #expect(SwiftNaming.bare("self_") == "self_")
    }
}
