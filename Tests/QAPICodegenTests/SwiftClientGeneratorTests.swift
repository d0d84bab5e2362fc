import Foundation
import QAPICodegen
import QAPISchema
import XCTest

/// The typed client (`qapi-client.swift`): which methods and helpers a
/// schema gets. That the client compiles is checked by the golden files
/// (QAPIGeneratedTests builds the workshop's) and
/// Scripts/build-generated-schemas.sh (QEMU's whole schema).
final class SwiftClientGeneratorTests: XCTestCase {
    /// QEMU's device and job commands and events, reduced to what the
    /// helpers read.
    private static let deviceAndJobs = """
        { 'pragma': { 'command-name-exceptions': [ 'device_del' ] } }
        { 'command': 'device_del', 'data': { 'id': 'str' } }
        { 'event': 'DEVICE_DELETED', 'data': { '*device': 'str', 'path': 'str' } }
        { 'enum': 'JobStatus', 'data': [ 'running', 'concluded', 'null' ] }
        { 'struct': 'JobInfo', 'data': { 'id': 'str', 'status': 'JobStatus', '*error': 'str' } }
        { 'command': 'query-jobs', 'returns': [ 'JobInfo' ] }
        { 'command': 'job-dismiss', 'data': { 'id': 'str' } }
        { 'event': 'JOB_STATUS_CHANGE', 'data': { 'id': 'str', 'status': 'JobStatus' } }
        """

    /// The client file generated from schema `text`.
    private func client(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("client-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = try QAPICheckedSchema(fileName: file.path)
        let files = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions(client: true))
        return files.first { $0.name == QAPIOutputPlan.client }?.contents ?? ""
    }

    func testDeviceAndJobHelpersComeWithTheCommandsAndEventsTheyUse() throws {
        let text = try client(Self.deviceAndJobs)
        XCTAssertTrue(
            text.contains(
                "public func deleteDevice(id: String, timeout: Duration) async throws -> Events.DeviceDeleted {"))
        XCTAssertTrue(text.contains("thenWaitFor: Events.DeviceDeleted.self"))
        XCTAssertTrue(text.contains("public func runJob<Command: QMPInBandCommand>("))
        XCTAssertTrue(text.contains("thenWaitFor: Events.JobStatusChange.self"))
    }

    func testASchemaWithoutThemGetsNoHelpers() throws {
        let withoutEvents = Self.deviceAndJobs.split(separator: "\n").filter { !$0.contains("'event'") }.joined(
            separator: "\n")
        let text = try client(withoutEvents)
        XCTAssertTrue(text.contains("public func deviceDel(id: String, timeout: Duration? = nil) async throws {"))
        XCTAssertFalse(text.contains("deleteDevice"))
        XCTAssertFalse(text.contains("runJob"))
    }

    func testOnlyAllowOOBCommandsAreOnTheOutOfBandAccessor() throws {
        let text = try client(
            """
            { 'command': 'slow' }
            { 'command': 'urgent', 'allow-oob': true }
            """)
        let outOfBand = try XCTUnwrap(text.range(of: "extension QMPConnection.OutOfBand {"))
        XCTAssertTrue(
            text[outOfBand.upperBound...].contains("public func urgent(timeout: Duration? = nil) async throws {"))
        XCTAssertFalse(text[outOfBand.upperBound...].contains("func slow("))
        XCTAssertTrue(
            text[..<outOfBand.lowerBound].contains("public func slow(timeout: Duration? = nil) async throws {"))
        XCTAssertFalse(try client("{ 'command': 'slow' }").contains("OutOfBand"))
    }

    func testAMemberNamedTimeoutLeavesTheCallsTimeoutCallTimeout() throws {
        let text = try client("{ 'command': 'wait', 'data': { 'timeout': 'int' } }")
        XCTAssertTrue(text.contains("public func wait(timeout: Int64, callTimeout: Duration? = nil) async throws {"))
        XCTAssertTrue(text.contains(".init(timeout: timeout), timeout: callTimeout)"))
    }

    func testStandardTypesAreQualifiedWhenTheSchemaShadowsThem() throws {
        let shadows = """
            { 'struct': 'String', 'data': { 'x': 'int' } }
            { 'struct': 'Duration', 'data': { 'x': 'int' } }
            """
        let text = try client(Self.deviceAndJobs + "\n" + shadows)
        XCTAssertTrue(text.contains("public func deleteDevice(id: Swift.String, timeout: Swift.Duration)"))
        XCTAssertTrue(text.contains("jobID: Swift.String, timeout: Swift.Duration"))
        XCTAssertTrue(text.contains("public func jobDismiss(id: Swift.String, timeout: Swift.Duration? = nil)"))
    }
}
