/// One numbered step of the store's schema: applied once, in order, in its own transaction.
///
/// The version a file has reached is SQLite's `PRAGMA user_version` (an integer in the file header,
/// sqlite.org/pragma.html#pragma_user_version), written in the same transaction as the step's changes,
/// so a step is either wholly applied and counted, or not at all.
public struct Migration: Sendable {
    /// 1, 2, 3, …: the `user_version` a file has once this step is applied.
    public let version: Int
    /// What the step does, for messages.
    public let name: String
    /// The statements of the step (several, `;`-separated).
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version; self.name = name; self.sql = sql
    }
}
