import SlotMatchCore

/// Who a published file may speak for: the practitioner whose inbox folder it arrived in, or the one named
/// with `--practitioner`. A GP's file can only change that GP's slots, so a file naming anyone else is rejected.
public struct ImportAuthority: Sendable, Hashable {
    /// The practitioner the file must belong to, if the way it arrived says so.
    public var expected: RPPS?
    /// How `expected` was known, for messages (`the inbox folder 10241452928`, `--practitioner`).
    public var origin: String

    public init(expected: RPPS?, origin: String) { self.expected = expected; self.origin = origin }

    /// No constraint: the file itself must name its practitioner(s).
    public static let fileItself = ImportAuthority(expected: nil, origin: "the file")
}
