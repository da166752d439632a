/// Writes a `FlowNetwork` in the DIMACS min-cost-flow format (see `DIMACSReader`).
///
/// Node ids are written 1-based; only nodes with a non-zero supply get an `n` line; lower bounds are 0.
/// `comments` become leading `c` lines. Numbers are formatted by hand into a byte buffer, so
/// writing 2 million arcs takes a fraction of a second.
public enum DIMACSWriter {
    public static func bytes(of network: FlowNetwork, comments: [String] = []) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + network.arcCount * 24)
        for comment in comments {
            for part in comment.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(contentsOf: Array("c \(part)\n".utf8))
            }
        }
        out.append(contentsOf: Array("p min ".utf8))
        append(Int64(network.nodeCount), to: &out); out.append(32)
        append(Int64(network.arcCount), to: &out); out.append(10)
        for (v, s) in network.supplies.enumerated() where s != 0 {
            out.append(UInt8(ascii: "n")); out.append(32)
            append(Int64(v + 1), to: &out); out.append(32)
            append(s, to: &out); out.append(10)
        }
        for i in 0..<network.arcCount {
            out.append(UInt8(ascii: "a")); out.append(32)
            append(Int64(network.tails[i]) + 1, to: &out); out.append(32)
            append(Int64(network.heads[i]) + 1, to: &out); out.append(32)
            out.append(48); out.append(32)
            append(network.capacities[i], to: &out); out.append(32)
            append(network.costs[i], to: &out); out.append(10)
        }
        return out
    }

    public static func text(of network: FlowNetwork, comments: [String] = []) -> String {
        String(decoding: bytes(of: network, comments: comments), as: UTF8.self)
    }

    private static func append(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(magnitude % 10) + 48
                magnitude /= 10; count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }
}
