/// The visitor behind `QAPITestDump`: one block of lines per module,
/// include and entity (built-in types and their arrays are left out).
struct QAPITestDumpVisitor: QAPISchemaVisitor {
    /// The text printed so far.
    private(set) var output = ""

    private mutating func line(_ text: String) {
        output += text
        output += "\n"
    }

    mutating func visitModule(_ module: QAPISchemaModule) {
        line("module \(module.name)")
    }

    mutating func visitInclude(_ include: QAPISchemaInclude) {
        line("include \(include.subModule.name)")
    }

    mutating func visitEnumType(_ type: QAPISchemaEnumType) {
        line("enum \(type.name)")
        if let prefix = type.prefix, !prefix.isEmpty {
            line("    prefix \(prefix)")
        }
        for member in type.members {
            line("    member \(member.name)")
            printIf(member.ifcond, indent: 8)
            printFeatures(member.features, indent: 8)
        }
        printIf(type.ifcond)
        printFeatures(type.features)
    }

    mutating func visitArrayType(_ type: QAPISchemaArrayType) {
        guard type.info != nil else { return }
        line("array \(type.name) \(type.elementType.name)")
        printIf(type.ifcond)
    }

    mutating func visitObjectType(_ type: QAPISchemaObjectType) {
        line("object \(type.name)")
        if let base = type.base {
            line("    base \(base.name)")
        }
        for member in type.localMembers {
            line("    member \(member.name): \(member.type.name) optional=\(pythonBool(member.optional))")
            printIf(member.ifcond, indent: 8)
            printFeatures(member.features, indent: 8)
        }
        if let branches = type.branches {
            printVariants(branches)
        }
        printIf(type.ifcond)
        printFeatures(type.features)
    }

    mutating func visitAlternateType(_ type: QAPISchemaAlternateType) {
        line("alternate \(type.name)")
        printVariants(type.alternatives)
        printIf(type.ifcond)
        printFeatures(type.features)
    }

    mutating func visitCommand(_ command: QAPISchemaCommand) {
        line("command \(command.name) \(command.argType?.name ?? "None") -> \(command.retType?.name ?? "None")")
        var flags = "    gen=\(pythonBool(command.gen))"
        flags += " success_response=\(pythonBool(command.successResponse))"
        flags += " boxed=\(pythonBool(command.boxed))"
        flags += " oob=\(pythonBool(command.allowOOB))"
        flags += " preconfig=\(pythonBool(command.allowPreconfig))"
        if command.coroutine { flags += " coroutine=True" }
        line(flags)
        printIf(command.ifcond)
        printFeatures(command.features)
    }

    mutating func visitEvent(_ event: QAPISchemaEvent) {
        line("event \(event.name) \(event.argType?.name ?? "None")")
        line("    boxed=\(pythonBool(event.boxed))")
        printIf(event.ifcond)
        printFeatures(event.features)
    }

    /// Prints a documentation block: body, member and feature
    /// descriptions, then the other sections with their kind.
    mutating func printDoc(_ doc: QAPIDoc) {
        if let symbol = doc.symbol {
            line("doc symbol=\(symbol)")
        } else {
            line("doc freeform")
        }
        line("    body=\n\(doc.body.text)")
        for section in doc.arguments {
            line("    arg=\(section.name ?? "")\n\(section.text)")
        }
        for section in doc.features {
            line("    feature=\(section.name ?? "")\n\(section.text)")
        }
        for section in doc.sections {
            line("    section=\(section.kind.title)\n\(section.text)")
        }
    }

    private mutating func printVariants(_ variants: QAPISchemaVariants) {
        line("    tag \(variants.tagMember.name)")
        for variant in variants.variants {
            line("    case \(variant.name): \(variant.type.name)")
            printIf(variant.ifcond, indent: 8)
        }
    }

    private mutating func printIf(_ ifcond: QAPISchemaIfCond, indent: Int = 4) {
        guard ifcond.isPresent else { return }
        line(String(repeating: " ", count: indent) + "if " + ifcond.pythonStr)
    }

    private mutating func printFeatures(_ features: [QAPISchemaFeature], indent: Int = 4) {
        for feature in features {
            line(String(repeating: " ", count: indent) + "feature " + feature.name)
            printIf(feature.ifcond, indent: indent + 4)
        }
    }

    private func pythonBool(_ flag: Bool) -> String {
        flag ? "True" : "False"
    }
}
