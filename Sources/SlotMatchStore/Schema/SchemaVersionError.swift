/// A database file written by a newer SlotMatch than this one: refused rather than misread.
public struct SchemaVersionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// The file's `PRAGMA user_version`.
    public var fileVersion: Int
    /// The newest version this build knows.
    public var knownVersion: Int

    public init(path: String, fileVersion: Int, knownVersion: Int) {
        self.path = path; self.fileVersion = fileVersion; self.knownVersion = knownVersion
    }

    public var description: String {
        "\(path): the database has schema version \(fileVersion), but this SlotMatch knows versions up to \(knownVersion). "
            + "Use the newer SlotMatch that wrote it, or give another file with --db (SLOTMATCH_DB)."
    }
}
