/// Why one logical content line could not be read, at which byte of it: the parser turns it into an
/// `InputError` with the file's line and column.
public struct ContentLineProblem: Error, Sendable, Hashable {
    /// Byte offset inside the logical line.
    public var offset: Int
    public var problem: String
    public var remedy: String

    public init(offset: Int, problem: String, remedy: String) {
        self.offset = offset; self.problem = problem; self.remedy = remedy
    }
}
