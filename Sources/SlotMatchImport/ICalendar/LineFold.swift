/// Where a continuation line was joined during unfolding: from `offset` in the unfolded bytes on,
/// the text comes from physical line `physicalLine`, whose column 1 was the removed SPACE or TAB.
public struct LineFold: Sendable, Hashable {
    public var offset: Int
    public var physicalLine: Int

    @inlinable public init(offset: Int, physicalLine: Int) { self.offset = offset; self.physicalLine = physicalLine }
}
