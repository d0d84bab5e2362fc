import QAPIRuntime
import QMPClient
import XCTest

/// Run state commands and the events that announce them (spec S rules).
final class RunStateTests: XCTestCase {
    func testStopAndContAreAnnouncedWithStopAndResume() async throws {
        try await withLiveQEMU { qmp in
            let events = qmp.events(as: Event.self)
            _ = try await qmp.execute(Commands.Stop.self, thenWaitFor: Events.Stop.self, timeout: .seconds(10))
            let stopped = try await qmp.queryStatus().status
            XCTAssertEqual(stopped, .paused)
            _ = try await qmp.execute(Commands.Cont.self, thenWaitFor: Events.Resume.self, timeout: .seconds(10))
            let resumed = try await qmp.queryStatus().status
            XCTAssertEqual(resumed, .running)
            // Both events came before cont's wait ended: the stream has them.
            var seen: [String] = []
            for try await event in events {
                switch event {
                case .stop: seen.append("STOP")
                case .resume: seen.append("RESUME")
                default: seen.append("\(event)")
                }
                if seen.count == 2 { break }
            }
            XCTAssertEqual(seen, ["STOP", "RESUME"])
        }
    }

    func testSystemResetIsAnnouncedWithReset() async throws {
        try await withLiveQEMU { qmp in
            let (_, reset) = try await qmp.execute(
                Commands.SystemReset.self, thenWaitFor: Events.Reset.self, timeout: .seconds(10))
            XCTAssertFalse(reset.guest)
            XCTAssertEqual(reset.reason, .hostQmpSystemReset)
        }
    }

    func testQuitIsAnnouncedWithShutdownAndEndsTheConnection() async throws {
        try await withLiveQEMU { qmp in
            let (_, shutdown) = try await qmp.execute(
                Commands.Quit.self, thenWaitFor: Events.Shutdown.self, timeout: .seconds(10))
            XCTAssertFalse(shutdown.guest)
            XCTAssertEqual(shutdown.reason, .hostQmpQuit)
            do {
                for try await _ in qmp.events() {}
                XCTFail("the event stream ended normally")
            } catch QMPClientError.disconnected(let reason) {
                XCTAssertEqual(reason, .closedByServer)
            }
        }
    }
}
