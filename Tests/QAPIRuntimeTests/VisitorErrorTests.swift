import QAPIRuntime
import XCTest

/// `QMPError` and its wire form (spec R11), and how decoding errors
/// become QMP errors.
final class VisitorErrorTests: XCTestCase {
    func testR11ErrorClassNames() {
        XCTAssertEqual(
            QMPErrorClass.allCases.map(\.rawValue),
            ["GenericError", "CommandNotFound", "DeviceNotActive", "DeviceNotFound", "KVMMissingCap"])
    }

    func testR11WireFormHasClassThenDesc() {
        XCTAssertEqual(
            QMPError.generic("Parameter 'id' is missing").json.description,
            #"{"class": "GenericError", "desc": "Parameter 'id' is missing"}"#)
        XCTAssertEqual(
            QMPError(.commandNotFound, "The command  has not been found").json.description,
            #"{"class": "CommandNotFound", "desc": "The command  has not been found"}"#)
        XCTAssertEqual(QMPError(.kvmMissingCap, "x").description, "x")
    }

    func testReadingTheWireForm() throws {
        let error = QMPError(json: try JSONValue(parsing: #"{"desc": "gone", "class": "DeviceNotFound", "x": 1}"#))
        XCTAssertEqual(error, QMPError(.deviceNotFound, "gone"))
        for text in [#"{"class": "GenericError"}"#, #"{"class": 1, "desc": "d"}"#, #"{"desc": "d"}"#, "[]"] {
            XCTAssertNil(QMPError(json: try JSONValue(parsing: text)), text)
        }
    }

    func testClassesNoSchemaListsAreKept() throws {
        let error = try XCTUnwrap(QMPError(json: try JSONValue(parsing: #"{"class": "Bogus", "desc": "d"}"#)))
        XCTAssertEqual(error.errorClass.rawValue, "Bogus")
        XCTAssertFalse(QMPErrorClass.allCases.contains(error.errorClass))
        XCTAssertEqual(error.json.description, #"{"class": "Bogus", "desc": "d"}"#)
        let lowercase = try XCTUnwrap(
            QMPError(json: try JSONValue(parsing: #"{"class": "genericerror", "desc": "d"}"#)))
        XCTAssertNotEqual(lowercase.errorClass, .genericError)
        // Byte for byte: U+212A KELVIN SIGN is not "K".
        XCTAssertNotEqual(QMPErrorClass(rawValue: "\u{212A}VMMissingCap"), .kvmMissingCap)
    }

    func testFinalErrorsKeepTheirClassAndText() {
        struct Picky: QAPIDecodable {
            init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
                throw .final(QMPError(.deviceNotFound, "no \(decoder.name ?? "root")"))
            }
        }
        struct Outer: QAPIObjectDecodable {
            init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
                let _: [Picky] = try members.required("list")
            }
        }
        XCTAssertThrowsError(try QAPIDecoder.decode(Outer.self, from: ["list": [1]])) { error in
            XCTAssertEqual(error as? QMPError, QMPError(.deviceNotFound, "no root"))
        }
        XCTAssertThrowsError(try QAPIDecoder.decode(Picky.self, from: 1)) { error in
            XCTAssertEqual(error as? QMPError, QMPError(.deviceNotFound, "no root"))
        }
    }

    func testDecodingErrorRendersItsPathOnDemand() {
        do {
            var members = QAPIObjectDecoder(["a": ["b": [1, [2, "x"]]]])
            struct Inner: QAPIObjectDecodable {
                init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
                    let _: [JSONValue] = try members.required("b")
                    let _: Int64 = try members.required("c")
                }
            }
            let _: Inner = try members.required("a")
            XCTFail("decoded")
        } catch {
            XCTAssertEqual(error.qmpError, .generic("Parameter 'a.c' is missing"))
        }
    }

    func testMemberDecoderPassesTheShortName() throws {
        struct Named: QAPIDecodable {
            var name: String?
            init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) { name = decoder.name }
        }
        var members = QAPIObjectDecoder(["m": 1, "l": [1]])
        let member: Named = try members.required("m")
        let list: [Named] = try members.required("l")
        XCTAssertEqual(member.name, "m")
        XCTAssertEqual(list.map(\.name), [nil])
        XCTAssertNil(try QAPIDecoder.decode(Named.self, from: 1).name)
    }
}
