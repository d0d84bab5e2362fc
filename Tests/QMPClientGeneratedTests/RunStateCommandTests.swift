import QMPClient
import QMPClientTestSupport
import XCTest

/// The commands and events of `run-state.json` through the generated
/// client: commands' events arrive as the generated `Event` enum, before
/// the command's answer (spec E3).
final class RunStateCommandTests: MonitorClientTestCase {
    /// The first `count` events of `events`.
    private func first(_ count: Int, of events: AsyncThrowingStream<Event, any Error>) async throws -> [Event] {
        var received: [Event] = []
        for try await event in events {
            received.append(event)
            if received.count == count { break }
        }
        return received
    }

    func testStopAndContSendStopAndResumeAndChangeTheStatus() async throws {
        let events = client.events(as: Event.self)
        try await client.stop()
        let paused = try await client.queryStatus()
        XCTAssertEqual(paused, StatusInfo(running: false, singlestep: false, status: .paused))
        try await client.cont()
        let running = try await client.queryStatus()
        XCTAssertEqual(running.status, .running)
        let received = try await first(2, of: events)
        XCTAssertEqual(received, [.stop(Events.Stop()), .resume(Events.Resume())])
    }

    func testTypedFilterYieldsOnlyResume() async throws {
        let resumes = client.events(Events.Resume.self)
        try await client.stop()
        try await client.cont()
        var iterator = resumes.makeAsyncIterator()
        let resume = try await iterator.next()
        XCTAssertEqual(resume, Events.Resume())
    }

    func testSystemResetSendsResetWithItsReason() async throws {
        let events = client.events(as: Event.self)
        try await client.systemReset()
        let received = try await first(1, of: events)
        XCTAssertEqual(received, [.reset(Events.Reset(guest: false, reason: .hostQmpSystemReset))])
    }

    func testSystemPowerdownSendsPowerdown() async throws {
        let events = client.events(as: Event.self)
        try await client.systemPowerdown()
        let received = try await first(1, of: events)
        XCTAssertEqual(received, [.powerdown(Events.Powerdown())])
    }

    func testQuitSendsShutdownAndTheDaemonExits() async throws {
        let (_, shutdown) = try await client.execute(Commands.Quit.self, thenWaitFor: Events.Shutdown.self)
        XCTAssertEqual(shutdown, Events.Shutdown(guest: false, reason: .hostQmpQuit))
        XCTAssertEqual(daemon.waitForExit(), 0)
    }

    func testQuitMethodAnswersBeforeTheConnectionEnds() async throws {
        let events = client.events(as: Event.self)
        try await client.quit()
        var received: [Event] = []
        let end = await thrownError { for try await event in events { received.append(event) } }
        XCTAssertEqual(received, [.shutdown(Events.Shutdown(guest: false, reason: .hostQmpQuit))])
        XCTAssertEqual(end as? QMPClientError, .disconnected(.closedByServer))
    }
}
