/// Where a slot id lives in the index: its GP and its start (to binary-search the GP's array).
struct SlotLocator: Sendable, Hashable {
    var practitioner: Int32
    var start: Int64
}
