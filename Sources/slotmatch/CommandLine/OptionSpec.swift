/// One named option of a command: a flag (`--apply`) or an option with a value (`--db <path>`).
struct OptionSpec: Sendable {
    enum Kind: Sendable { case flag; case value(placeholder: String) }

    /// The long name without dashes (`db` for `--db`).
    var long: String
    var short: Character?
    var kind: Kind
    var help: String
    /// Shown as `(default: …)` in help.
    var defaultDescription: String?
    /// For value options: the values allowed (checked by the parser, listed in help).
    var allowedValues: [String]?
    /// May be given several times (`--flag a --flag b`).
    var repeatable: Bool

    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .flag, help: help, defaultDescription: nil, allowedValues: nil, repeatable: false)
    }

    static func value(_ long: String, placeholder: String, help: String, default defaultDescription: String? = nil,
                      allowed: [String]? = nil, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(long: long, short: nil, kind: .value(placeholder: placeholder), help: help,
                   defaultDescription: defaultDescription, allowedValues: allowed, repeatable: repeatable)
    }

    var takesValue: Bool { if case .value = kind { return true } else { return false } }

    /// `--db <path>`, `-h, --help`.
    var label: String {
        var s = short.map { "-\($0), " } ?? ""
        s += "--" + long
        if case .value(let placeholder) = kind { s += " <\(placeholder)>" }
        return s
    }

    /// `--db <path>` as it appears in usage lines and errors.
    var synopsis: String {
        if case .value(let placeholder) = kind { return "--\(long) <\(placeholder)>" }
        return "--\(long)"
    }
}
