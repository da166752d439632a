/// A binary min-heap of (distance, node) pairs for Dijkstra, with lazy deletion.
///
/// A node may be pushed several times; the caller skips entries whose node is already settled.
/// Two parallel contiguous arrays, no per-entry allocation; `clear()` keeps the storage.
struct DistanceHeap: Sendable {
    private(set) var keys: [Int64] = []
    private(set) var nodes: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func clear() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int64, _ node: Int32) {
        keys.append(key); nodes.append(node)
        keys.withUnsafeMutableBufferPointer { k in
            nodes.withUnsafeMutableBufferPointer { n in
                var i = k.count - 1
                while i > 0 {
                    let parent = (i - 1) >> 1
                    if k[parent] <= key { break }
                    k[i] = k[parent]; n[i] = n[parent]
                    i = parent
                }
                k[i] = key; n[i] = node
            }
        }
    }

    /// Removes and returns the entry of least distance.
    mutating func pop() -> (key: Int64, node: Int32) {
        let topKey = keys[0], topNode = nodes[0]
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        let count = keys.count
        if count > 0 {
            keys.withUnsafeMutableBufferPointer { k in
                nodes.withUnsafeMutableBufferPointer { n in
                    var i = 0
                    while true {
                        var child = 2 * i + 1
                        if child >= count { break }
                        if child + 1 < count && k[child + 1] < k[child] { child += 1 }
                        if k[child] >= lastKey { break }
                        k[i] = k[child]; n[i] = n[child]
                        i = child
                    }
                    k[i] = lastKey; n[i] = lastNode
                }
            }
        }
        return (topKey, topNode)
    }
}
