import SlotMatchCore

/// Every problem found in one input file, thrown together so the person fixing the file sees
/// all of them at once instead of one per attempt (a roster with three bad rows lists three).
public struct InputErrorList: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [InputError]

    public init(_ errors: [InputError]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
