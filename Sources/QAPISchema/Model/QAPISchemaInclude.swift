/// An `include` directive, kept so that emitters can mirror the module
/// structure.
public final class QAPISchemaInclude: QAPISchemaEntity {
    /// The module the directive brings in.
    public let subModule: QAPISchemaModule

    init(subModule: QAPISchemaModule, info: QAPISourceInfo) {
        self.subModule = subModule
        super.init(info: info)
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitInclude(self)
    }
}
