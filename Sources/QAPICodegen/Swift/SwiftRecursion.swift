import QAPISchema

/// Finds the value types of a schema that contain themselves, directly or
/// through other types, so the emitters can store the members that close
/// such a cycle on the heap (`@QAPIIndirect`, `indirect enum`).
///
/// Containment follows members (base members included), union branches
/// and alternate branches; arrays do not count, since an array's elements
/// already live on the heap.
struct SwiftRecursion {
    /// The strongly connected component of each type in a cycle.
    private var component: [String: Int] = [:]

    /// No cycles known.
    init() {}

    /// The cycles among `types`.
    init(types: [QAPISchemaType], context: SwiftGenerationContext) {
        var edges: [String: [String]] = [:]
        for type in types {
            edges[type.name] = Self.contained(in: type, context: context).map(\.name)
        }
        var finder = ComponentFinder(edges: edges)
        for type in types { finder.visit(type.name) }
        for (index, members) in finder.components.enumerated() {
            let isCycle = members.count > 1 || (edges[members[0]] ?? []).contains(members[0])
            if isCycle { for name in members { component[name] = index } }
        }
    }

    /// Whether a value of `owner` holding a `member` value can contain an
    /// `owner` again.
    func isCyclic(_ owner: QAPISchemaType, _ member: QAPISchemaType) -> Bool {
        guard !(member is QAPISchemaArrayType), let own = component[owner.name] else { return false }
        return component[member.name] == own
    }

    /// The types a value of `type` holds inline.
    private static func contained(in type: QAPISchemaType, context: SwiftGenerationContext) -> [QAPISchemaType] {
        var result: [QAPISchemaType] = []
        if let object = type as? QAPISchemaObjectType {
            result += context.members(of: object).map(\.type)
            if let branches = object.branches {
                result += branches.variants.filter { context.isIncluded($0.ifcond) }.map(\.type)
            }
        } else if let alternate = type as? QAPISchemaAlternateType {
            result += alternate.alternatives.variants.filter { context.isIncluded($0.ifcond) }.map(\.type)
        }
        return result.filter { !($0 is QAPISchemaArrayType) && !($0 is QAPISchemaBuiltinType) }
    }

    /// Tarjan's algorithm, iterative so deep schemas cannot overflow the stack.
    private struct ComponentFinder {
        let edges: [String: [String]]
        var index: [String: Int] = [:]
        var lowLink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var components: [[String]] = []
        var counter = 0

        init(edges: [String: [String]]) { self.edges = edges }

        mutating func visit(_ root: String) {
            if index[root] != nil { return }
            var work: [(node: String, next: Int)] = [(root, 0)]
            open(root)
            while let (node, next) = work.last {
                let successors = edges[node] ?? []
                if next < successors.count {
                    work[work.count - 1].next += 1
                    let successor = successors[next]
                    if index[successor] == nil {
                        open(successor)
                        work.append((successor, 0))
                    } else if onStack.contains(successor) {
                        lowLink[node] = min(lowLink[node]!, index[successor]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last {
                    lowLink[parent.node] = min(lowLink[parent.node]!, lowLink[node]!)
                }
                if lowLink[node] == index[node] {
                    var members: [String] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
                        members.append(top)
                        if top == node { break }
                    }
                    components.append(members)
                }
            }
        }

        private mutating func open(_ node: String) {
            index[node] = counter
            lowLink[node] = counter
            counter += 1
            stack.append(node)
            onStack.insert(node)
        }
    }
}
