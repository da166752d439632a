/// Why a line is not one acceptable JSON value, and where (byte offset from the start of the line).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes, given to clients as `error.data.code`.
    public enum Kind: String, Sendable, Hashable {
        case invalidUTF8 = "invalid-utf8"
        case syntax = "syntax"
        case tooDeep = "too-deep"
        case duplicateKey = "duplicate-key"
    }

    public var kind: Kind
    public var offset: Int
    public var problem: String

    public init(_ kind: Kind, at offset: Int, _ problem: String) {
        self.kind = kind; self.offset = offset; self.problem = problem
    }

    public var description: String { "byte \(offset): \(problem)" }
}
