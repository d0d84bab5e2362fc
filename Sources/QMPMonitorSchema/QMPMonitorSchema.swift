// QMPMonitorSchema: the Swift generated from the project's own schema,
// qapi/qapi-schema.json, by QAPIGeneratorPlugin at build time (configured
// by qapi-gen.json beside this file): the types (VersionInfo, MonitorInfo,
// ChardevBackend, ...), the `Commands` and `Events` namespaces, the
// `CommandHandler` protocol that QMPMonitor implements, and the
// `query-qmp-schema` data in `Introspection`. Docs/GeneratedSwift.md
// describes the shapes. This file holds nothing else.
