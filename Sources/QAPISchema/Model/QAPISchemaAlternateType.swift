/// An alternate: a value that may have one of several types, told apart
/// by its JSON type.
public final class QAPISchemaAlternateType: QAPISchemaType {
    /// The alternatives and the implicit `type` tag member.
    public let alternatives: QAPISchemaAlternatives

    init(
        name: String, info: QAPISourceInfo?, doc: QAPIDoc?, ifcond: QAPISchemaIfCond,
        features: [QAPISchemaFeature], alternatives: QAPISchemaAlternatives
    ) {
        self.alternatives = alternatives
        super.init(name: name, info: info, doc: doc, ifcond: ifcond, features: features)
        alternatives.setDefinedIn(name)
        alternatives.tagMember.setDefinedIn(name)
    }

    /// `alternate`.
    public override var meta: QAPIMetaType { .alternate }

    /// `value`: any JSON value may be given.
    public override var jsonType: String { "value" }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        try super.check(schema)
        try alternatives.tagMember.check(schema)
        try alternatives.check(schema, QAPIMemberSeen())
        var seen = QAPIMemberSeen()
        var typesSeen: [QAPIQType: String] = [:]
        for variant in alternatives.variants {
            try variant.checkClash(info, &seen)
            guard let qtype = variant.type.alternateQType else {
                throw QAPIError(info, "\(variant.describe(info)) cannot use \(variant.type.describe())")
            }
            // A set in QEMU; kept in order of discovery here.
            var conflicting = [qtype]
            if qtype == .qstring {
                if let enumType = variant.type as? QAPISchemaEnumType {
                    for value in enumType.members {
                        if value.name == "on" || value.name == "off", !conflicting.contains(.qbool) {
                            conflicting.append(.qbool)
                        }
                        if let first = value.name.unicodeScalars.first,
                            "-+0123456789.".unicodeScalars.contains(first), !conflicting.contains(.qnum)
                        {
                            conflicting.append(.qnum)
                        }
                    }
                } else {
                    conflicting.append(.qnum)
                    conflicting.append(.qbool)
                }
            }
            for conflict in conflicting {
                if let other = typesSeen[conflict] {
                    throw QAPIError(info, "\(variant.describe(info)) can't be distinguished from '\(other)'")
                }
                typesSeen[conflict] = variant.name
            }
        }
    }

    override func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {
        try super.connectDoc(doc)
        let doc = doc ?? self.doc
        for variant in alternatives.variants { try variant.connectDoc(doc) }
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitAlternateType(self)
    }
}
