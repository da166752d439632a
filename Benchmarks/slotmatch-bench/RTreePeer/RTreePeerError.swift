/// A request the peer cannot answer.
struct RTreePeerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
