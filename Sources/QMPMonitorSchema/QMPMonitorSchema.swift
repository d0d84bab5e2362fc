// QMPMonitorSchema: the Swift generated from the project's own schema,
// qapi/qapi-schema.json, by QAPIGeneratorPlugin at build time (configured
// by qapi-gen.json beside this file), with `package` access: the types
// (VersionInfo, MonitorInfo, ChardevBackend, ...), the `Commands` and
// `Events` namespaces, the `CommandHandler` protocol that QMPMonitor
// implements, and the `query-qmp-schema` data in `Introspection`. It is
// not a product: users of QMPMonitor never see these names, so their own
// schemas can use them. Docs/GeneratedSwift.md describes the shapes.
// This file holds nothing else.
