import QAPIRuntime
import XCTest

/// Spec T4: QDict bucket order, and the layouts observed from QEMU.
final class QDictOrderTests: XCTestCase {
    private func qemu(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: JSONWriter.qmpMessage(value, pretty: pretty, memberOrder: .qdict), as: UTF8.self)
    }

    func testT4BucketsOfTheListedKeys() {
        let expected: KeyValuePairs<String, Int> = [
            "seconds": 5, "timestamp": 26, "name": 39, "QMP": 99, "exec-oob": 162, "version": 184,
            "class": 211, "capabilities": 216, "micro": 225, "minor": 225, "qemu": 232, "pty": 248,
            "frontend-open": 298, "execute": 299, "filename": 313, "package": 326, "event": 361,
            "allow-oob": 367, "microseconds": 374, "label": 374, "desc": 377, "return": 401,
            "meta-type": 429, "arguments": 447, "major": 481, "id": 486, "error": 489, "data": 505,
        ]
        for (key, bucket) in expected {
            XCTAssertEqual(QDictOrder.bucket(of: key), bucket, key)
        }
    }

    func testT4BucketsOfOtherKeys() {
        XCTAssertEqual(QDictOrder.bucket(of: ""), 57)
        XCTAssertEqual(QDictOrder.bucket(of: "control"), 263)
        XCTAssertEqual(QDictOrder.bucket(of: "é"), 100)
        // QEMU stores U+0000 as C0 80: the key hashes as two bytes, not one NUL.
        XCTAssertEqual(QDictOrder.bucket(of: "\u{0}"), 195)
    }

    func testT4SuccessResponseLayout() {
        let response = QMPResponse(id: 1, result: .success([:]))
        XCTAssertEqual(qemu(response.json), "{\"return\": {}, \"id\": 1}\r\n")
    }

    func testT4ErrorResponseLayout() {
        let response = QMPResponse(
            id: 1, result: .failure(QMPError(.commandNotFound, "The command x has not been found")))
        XCTAssertEqual(
            qemu(response.json),
            #"{"id": 1, "error": {"class": "CommandNotFound", "desc": "The command x has not been found"}}"# + "\r\n")
    }

    func testT4EventLayout() {
        let message = QMPEventMessage(
            name: "SHUTDOWN", data: ["guest": false, "reason": "host-qmp-quit"],
            timestamp: QMPTimestamp(seconds: 1_700_000_000, microseconds: 42))
        XCTAssertEqual(
            qemu(message.json),
            #"{"timestamp": {"seconds": 1700000000, "microseconds": 42}, "event": "SHUTDOWN", "#
                + #""data": {"guest": false, "reason": "host-qmp-quit"}}"# + "\r\n")
    }

    /// The greeting as QEMU builds it: VersionInfo's members in schema
    /// order (qemu: major, minor, micro; then package), then capabilities.
    private let greeting: JSONValue = [
        "QMP": [
            "version": ["qemu": ["major": 10, "minor": 0, "micro": 0], "package": ""],
            "capabilities": ["oob"],
        ]
    ]

    func testT4GreetingLayout() {
        XCTAssertEqual(
            qemu(greeting),
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "#
                + #""capabilities": ["oob"]}}"# + "\r\n")
    }

    func testT4GreetingLayoutPretty() {
        XCTAssertEqual(
            qemu(greeting, pretty: true),
            "{\r\n    \"QMP\": {\r\n        \"version\": {\r\n            \"qemu\": {\r\n"
                + "                \"micro\": 0,\r\n                \"minor\": 0,\r\n"
                + "                \"major\": 10\r\n            },\r\n            \"package\": \"\"\r\n"
                + "        },\r\n        \"capabilities\": [\r\n            \"oob\"\r\n        ]\r\n    }\r\n}\r\n")
    }

    func testT4QueryChardevElementLayout() {
        let element: JSONValue = ["label": "mon0", "filename": "unix:/tmp/m,server=on", "frontend-open": true]
        XCTAssertEqual(
            JSONWriter(memberOrder: .qdict).string([element]),
            #"[{"frontend-open": true, "filename": "unix:/tmp/m,server=on", "label": "mon0"}]"#)
    }

    func testT4SameBucketLaterInsertedFirst() {
        // microseconds and label share bucket 374.
        XCTAssertEqual(
            JSONWriter(memberOrder: .qdict).string(["label": 1, "microseconds": 2]),
            #"{"microseconds": 2, "label": 1}"#)
        XCTAssertEqual(
            JSONWriter(memberOrder: .qdict).string(["microseconds": 2, "label": 1]),
            #"{"label": 1, "microseconds": 2}"#)
    }

    func testInsertionOrderIsTheDefault() {
        XCTAssertEqual(JSONWriter().string(["id": 1, "return": [:]]), #"{"id": 1, "return": {}}"#)
        XCTAssertEqual(JSONWriter(memberOrder: .qdict).string(["id": 1, "return": [:]]), #"{"return": {}, "id": 1}"#)
    }

    func testQDictOrderedReordersEveryNestedObject() {
        let value: JSONValue = ["data": [["id": 1, "return": 2]], "event": ["minor": 1, "micro": 2, "major": 3]]
        let reordered = value.qdictOrdered()
        XCTAssertEqual(
            JSONWriter().string(reordered),
            #"{"event": {"micro": 2, "minor": 1, "major": 3}, "data": [{"return": 2, "id": 1}]}"#)
        XCTAssertEqual(JSONWriter().string(reordered), JSONWriter(memberOrder: .qdict).string(value))
        XCTAssertEqual(reordered, value)
    }

    func testPositions() {
        XCTAssertEqual(
            QDictOrder.positions(of: ["error": 1, "id": 2, "class": 3, "minor": 4, "micro": 5]), [2, 4, 3, 1, 0])
        XCTAssertEqual(QDictOrder.positions(of: [:]), [])
    }
}
