/// The text QEMU's front-end test harness prints for a schema.
public enum QAPITestDump {
    /// Renders `schema`: modules, includes and entities, then doc blocks.
    public static func render(_ schema: QAPICheckedSchema) -> String {
        var printer = QAPITestDumpVisitor()
        schema.visit(&printer)
        for doc in schema.docs {
            printer.printDoc(doc)
        }
        return printer.output
    }
}
