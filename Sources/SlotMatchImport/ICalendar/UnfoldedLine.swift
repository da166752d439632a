/// One logical iCalendar content line after unfolding: a byte range of `UnfoldedText.bytes`
/// and the physical line of the file where it starts (for error messages).
public struct UnfoldedLine: Sendable, Hashable {
    /// Offset of the first byte in `UnfoldedText.bytes`.
    public var start: Int
    /// Offset just past the last byte (the line break is not included).
    public var end: Int
    /// 1-based physical line number in the file where this logical line starts.
    public var physicalLine: Int

    @inlinable public init(start: Int, end: Int, physicalLine: Int) {
        self.start = start; self.end = end; self.physicalLine = physicalLine
    }
}
