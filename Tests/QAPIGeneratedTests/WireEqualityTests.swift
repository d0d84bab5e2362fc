import QAPIRuntime
import XCTest

/// Equality and hashing of generated types follow the wire form: the
/// runtime implements them (`QAPIWireHashable`, `QAPIEnum`), not each type.
final class WireEqualityTests: XCTestCase {
    func testStructsAreEqualExactlyWhenTheirMembersAre() {
        let tool = Tool(id: "saw", weight: 900, shade: .light)
        assertEqualAndHashAlike(tool, Tool(id: "saw", weight: 900, shade: .light))
        XCTAssertNotEqual(tool, Tool(id: "saw", weight: 901, shade: .light))
        XCTAssertNotEqual(tool, Tool(id: "saw", weight: 900, shade: .dark))
        // An absent optional member differs from a present one.
        XCTAssertNotEqual(tool, Tool(id: "saw", weight: 900))
        XCTAssertNotEqual(OptionalScalars(), OptionalScalars(flag: false))
    }

    func testNumbersCompareByValue() {
        assertEqualAndHashAlike(Circle(radius: 0.0), Circle(radius: -0.0))
        XCTAssertNotEqual(Circle(radius: 1), Circle(radius: 1.5))
        // NaN equals itself, so that a value stays equal to itself in a set.
        assertEqualAndHashAlike(Circle(radius: .nan), Circle(radius: .nan))
    }

    func testEnumValuesAreEqualWhenTheirWireNamesAre() {
        assertEqualAndHashAlike(Shade.twoTone, Shade(rawValue: "two-tone"))
        assertEqualAndHashAlike(Shade.light, Shade.unknown("light"))
        XCTAssertNotEqual(Shade.light, Shade.dark)
        XCTAssertNotEqual(Shade.unknown("matte"), Shade.unknown("gloss"))
    }

    func testUnionsCompareTheirBranchAndItsMembers() {
        let plain = Note(id: "n", branch: .plain(Text(text: "hi")))
        assertEqualAndHashAlike(plain, Note(id: "n", branch: .plain(Text(text: "hi"))))
        XCTAssertNotEqual(plain, Note(id: "n", branch: .plain(Text(text: "ho"))))
        XCTAssertNotEqual(plain, Note(id: "n", branch: .empty))
        let signed = Signed(text: "hi", signer: "ann")
        XCTAssertNotEqual(Note(id: "n", branch: .signed(signed)), Note(id: "n", branch: .countersigned(signed)))
    }

    func testBranchesCompareTheirDiscriminatorValueAndMembers() {
        let signed = Signed(text: "hi", signer: "ann")
        assertEqualAndHashAlike(Note.Branch.signed(signed), .signed(Signed(text: "hi", signer: "ann")))
        XCTAssertNotEqual(Note.Branch.signed(signed), .signed(Signed(text: "hi", signer: "bob")))
        // The same members under another discriminator value differ.
        XCTAssertNotEqual(Note.Branch.signed(signed), .countersigned(signed))
        // As on the wire, a value this build does not know equals the
        // known one of the same name, when neither carries members.
        assertEqualAndHashAlike(Note.Branch.empty, .unknown("empty"))
        XCTAssertNotEqual(Note.Branch.plain(Text(text: "hi")), .unknown("plain"))
        XCTAssertNotEqual(Note.Branch.unknown("a"), .unknown("b"))
        XCTAssertEqual(Set([Note.Branch.empty, .unknown("empty"), .plain(Text(text: "hi"))]).count, 2)
    }

    func testAlternatesCompareTheirBranchValue() {
        assertEqualAndHashAlike(Setting.many([1, 2]), Setting.many([1, 2]))
        XCTAssertNotEqual(Setting.many([1, 2]), Setting.many([2, 1]))
        XCTAssertNotEqual(Setting.flag(true), Setting.flag(false))
    }

    func testASetKeepsOneOfEqualValues() {
        let tools: Set = [
            Tool(id: "saw", weight: 900), Tool(id: "saw", weight: 900), Tool(id: "saw", weight: 1),
        ]
        XCTAssertEqual(tools.count, 2)
    }

    private func assertEqualAndHashAlike<T: Swift.Hashable>(
        _ lhs: T, _ rhs: T, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(lhs, rhs, file: file, line: line)
        XCTAssertEqual(lhs.hashValue, rhs.hashValue, file: file, line: line)
    }
}
