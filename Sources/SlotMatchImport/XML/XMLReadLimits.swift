/// How much an XML reader accepts before refusing a file: a hostile or broken file must fail fast,
/// never exhaust memory or recurse without bound.
public struct XMLReadLimits: Sendable, Hashable {
    /// Largest document, in bytes, checked before any parsing (default 64 MiB).
    public var maxBytes: Int
    /// Deepest element nesting (the root is depth 1). xCal needs about 10 levels, FHIR about 12.
    public var maxDepth: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 256) {
        self.maxBytes = maxBytes; self.maxDepth = maxDepth
    }
}
