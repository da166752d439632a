import Glibc

/// Undoes iCalendar line folding at byte level (RFC 5545 §3.1).
///
/// A line break (CRLF or a bare LF) followed by one SPACE or TAB is removed together with that
/// whitespace character, even when the fold splits a UTF-8 sequence: bytes are joined before any
/// decoding. A leading UTF-8 byte order mark is skipped. Runs between line breaks are found with
/// `memchr` and copied in bulk, so unfolding costs about one pass of `memcpy`.
public enum ContentLineUnfolder {
    /// Unfolds a whole file.
    public static func unfold(_ input: [UInt8]) -> UnfoldedText {
        input.withUnsafeBufferPointer { unfold($0) }
    }

    public static func unfold(_ input: UnsafeBufferPointer<UInt8>) -> UnfoldedText {
        let n = input.count
        guard n > 0, let base = input.baseAddress else { return UnfoldedText(bytes: [], lines: [], folds: []) }
        var lines: [UnfoldedLine] = []
        lines.reserveCapacity(n / 16 + 1)  // agenda lines are 25-35 bytes: no regrowth
        var folds: [LineFold] = []
        var outCount = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: n) { out, initialized in
            let dst = out.baseAddress!
            var i = 0
            // A UTF-8 byte order mark at the very start is not content.
            if n >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { i = 3 }
            var physical = 1
            var lineStart = 0
            var lineFirstPhysical = 1
            while i < n {
                let found = memchr(base + i, 0x0A, n - i)
                let newline = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                var segmentEnd = newline
                // RFC 5545 §3.1: lines end with CRLF; a bare LF is accepted too.
                if segmentEnd > i, base[segmentEnd - 1] == 0x0D { segmentEnd -= 1 }
                let length = segmentEnd - i
                if length > 0 {
                    (dst + outCount).update(from: base + i, count: length)
                    outCount += length
                }
                i = newline + 1
                if i < n, base[i] == 0x20 || base[i] == 0x09 {
                    // RFC 5545 §3.1: a line break followed by a single SPACE or HTAB is a fold.
                    i += 1
                    physical += 1
                    folds.append(LineFold(offset: outCount, physicalLine: physical))
                    continue
                }
                if outCount > lineStart {
                    lines.append(UnfoldedLine(start: lineStart, end: outCount, physicalLine: lineFirstPhysical))
                }
                physical += 1
                lineStart = outCount
                lineFirstPhysical = physical
            }
            initialized = outCount
        }
        return UnfoldedText(bytes: bytes, lines: lines, folds: folds)
    }
}
