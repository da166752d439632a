/// The bytes of an iCalendar stream with every fold removed, cut into logical lines.
///
/// Kept as one contiguous buffer plus ranges, so the parser builds each `String` once from a slice
/// and maps any byte offset back to the file's physical line and column for error messages.
public struct UnfoldedText: Sendable, Hashable {
    /// Logical lines concatenated, without line breaks.
    public var bytes: [UInt8]
    /// Logical lines in file order; empty logical lines are dropped.
    public var lines: [UnfoldedLine]
    /// Every fold, in increasing `offset` order.
    public var folds: [LineFold]

    public init(bytes: [UInt8], lines: [UnfoldedLine], folds: [LineFold]) {
        self.bytes = bytes; self.lines = lines; self.folds = folds
    }

    /// The logical lines as byte arrays (tests and tools; the parser works on ranges).
    public var lineBytes: [[UInt8]] { lines.map { Array(bytes[$0.start ..< $0.end]) } }

    /// The physical line and 1-based column (in Unicode scalars) of the byte at `offset` of logical line `lineIndex`.
    public func position(lineIndex: Int, offset: Int) -> (line: Int, column: Int) {
        let line = lines[lineIndex]
        // The last fold at or before `offset` that lies inside this logical line.
        var lo = 0, hi = folds.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if folds[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        var physical = line.physicalLine
        var from = line.start
        var column = 1
        if lo > 0 {
            let fold = folds[lo - 1]
            // A fold with nothing after it (a continuation line holding only the SPACE) ends where the next logical
            // line starts: it belongs to the line above, which began on an earlier physical line than the fold.
            if fold.offset >= line.start && fold.offset <= line.end && fold.physicalLine > line.physicalLine {
                physical = fold.physicalLine
                from = fold.offset
                column = 2  // column 1 was the SPACE/TAB the fold removed
            }
        }
        var i = from
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (physical, column)
    }

    /// Index of the logical line that holds byte `offset` (the last line starting at or before it).
    public func lineIndex(containing offset: Int) -> Int? {
        guard !lines.isEmpty else { return nil }
        var lo = 0, hi = lines.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if lines[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : lo - 1
    }
}
