import QAPISchema
import XCTest

/// The test-harness dump of small schemas.
final class SchemaDumpTests: XCTestCase {
    private func dump(_ text: String) throws -> String {
        let parsed = try QAPISchemaParser.parse(text: text, fileName: "t.json")
        let schema = try QAPICheckedSchema(expressions: parsed.expressions, docs: parsed.docs, fileName: "t.json")
        return QAPITestDump.render(schema)
    }

    private let builtinModule = """
        module ./builtin
        object q_empty
        enum QType
            member none
            member qnull
            member qnum
            member qstring
            member qdict
            member qlist
            member qbool

        """

    func testCommandEventAndConditions() throws {
        let text = try dump(
            """
            { 'enum': 'Enum', 'prefix': 'PFX', 'data': [ { 'name': 'a', 'if': 'HAVE_A' } ],
              'features': [ 'f' ] }
            { 'command': 'cmd', 'data': { '*x': ['Enum'] }, 'returns': 'Str', 'coroutine': true,
              'if': { 'not': 'WIN' } }
            { 'struct': 'Str', 'data': { 'm': { 'type': 'str', 'features': [ { 'name': 'g', 'if': 'G' } ] } } }
            { 'event': 'EVT', 'data': 'Str', 'boxed': true }
            """)
        XCTAssertEqual(
            text,
            builtinModule + """
                module t.json
                enum Enum
                    prefix PFX
                    member a
                        if HAVE_A
                    feature f
                array EnumList Enum
                object q_obj_cmd-arg
                    member x: EnumList optional=True
                    if {'not': 'WIN'}
                command cmd q_obj_cmd-arg -> Str
                    gen=True success_response=True boxed=False oob=False preconfig=False coroutine=True
                    if {'not': 'WIN'}
                object Str
                    member m: str optional=False
                        feature g
                            if G

                """ + "event EVT Str\n    boxed=True\n")
    }

    func testDocBlocksFollowEntities() throws {
        let text = try dump(
            """
            ##
            # = Title
            ##

            ##
            # @cmd:
            #
            # Does it.
            #
            # @a: the a
            #
            # Since: 1.0
            ##
            { 'command': 'cmd', 'data': { 'a': 'int' } }
            """)
        XCTAssertTrue(
            text.hasSuffix(
                """
                command cmd q_obj_cmd-arg -> None
                    gen=True success_response=True boxed=False oob=False preconfig=False
                doc freeform
                    body=
                = Title
                doc symbol=cmd
                    body=
                Does it.
                    arg=a
                the a
                    section=Since
                1.0

                """), text)
    }
}
