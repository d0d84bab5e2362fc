import Foundation
import QAPIRuntime
import QMPClient
import XCTest

/// Block nodes and a block job.
final class BlockTests: XCTestCase {
    func testBlockdevAddOfANullNodeShowsInQueryNamedBlockNodesUntilBlockdevDel() async throws {
        try await withLiveQEMU { qmp in
            let options = BlockdevOptions(nodeName: "null0", branch: .nullCo(BlockdevOptionsNull(size: 1 << 20)))
            try await qmp.blockdevAdd(options)
            // Untyped: QEMU 7.2's BlockDeviceInfo lacks 10.0's mandatory
            // 'active' (DriftTests shows the typed call's error).
            let nodes = try await qmp.execute("query-named-block-nodes").arrayValue ?? []
            let node = nodes.first { $0.objectValue?["node-name"] == .string("null0") }?.objectValue
            XCTAssertEqual(node?["drv"], .string("null-co"))
            XCTAssertEqual(node?["image"]?.objectValue?["virtual-size"]?.int64Value, 1 << 20)
            try await qmp.blockdevDel(nodeName: "null0")
            let nodesAfter = try await qmp.execute("query-named-block-nodes")
            XCTAssertEqual(nodesAfter, .array([]))
        }
    }

    func testBlockdevCreateRunsAJobThatTheJobHelperFollowsToItsEnd() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qmp-live-\(UUID().uuidString.prefix(8)).img"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withLiveQEMU { qmp in
            let options = BlockdevCreateOptions(branch: .file(BlockdevCreateOptionsFile(filename: path, size: 1 << 20)))
            let job = try await qmp.runJob(
                Commands.BlockdevCreate.self, .init(jobId: "create0", options: options), jobID: "create0",
                timeout: .seconds(10))
            XCTAssertEqual(job?.status, .concluded)
            XCTAssertEqual(job?.type, .create)
            XCTAssertNil(job?.error)
            let jobsAfter = try await qmp.queryJobs()
            XCTAssertEqual(jobsAfter, [], "the helper dismisses the concluded job")
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        XCTAssertEqual(size, 1 << 20)
    }
}
