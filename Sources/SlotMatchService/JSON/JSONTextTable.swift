/// The compact JSON texts of a list of values (as `JSONWriter.bytes` writes each), stored end to end in one
/// byte array with their offsets. An answer that shows the same values again and again (a search answer's
/// practitioner objects) copies the text of value `i` instead of walking and writing its tree each time.
public struct JSONTextTable: Sendable {
    private var text: [UInt8] = []
    /// `offsets[i] ..< offsets[i + 1]` is value `i`'s text.
    private var offsets: [Int] = [0]

    public init() {}

    /// The texts of `values`, in their order.
    public init(_ values: [JSONValue]) {
        offsets.reserveCapacity(values.count + 1)
        for value in values {
            JSONWriter.write(value, into: &text)
            offsets.append(text.count)
        }
    }

    public var count: Int { offsets.count - 1 }

    /// Value `i`'s compact text.
    public subscript(i: Int) -> ArraySlice<UInt8> { text[offsets[i]..<offsets[i + 1]] }

    /// Appends value `i`'s compact text to `out`.
    public func write(_ i: Int, into out: inout [UInt8]) {
        text.withUnsafeBytes { b in out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[offsets[i]..<offsets[i + 1]])) }
    }

    /// Writes value `i`'s compact text to a sink.
    @inline(__always)
    func write<Sink: JSONByteSink>(_ i: Int, into out: inout Sink) {
        text.withUnsafeBytes { b in out.write(UnsafeRawBufferPointer(rebasing: b[offsets[i]..<offsets[i + 1]])) }
    }
}
