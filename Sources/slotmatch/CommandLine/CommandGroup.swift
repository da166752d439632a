/// A command word that only groups subcommands (`roster` for `roster import` and `roster list`).
struct CommandGroup: Sendable {
    var path: [String]
    var abstract: String
    var discussion: String

    init(path: [String], abstract: String, discussion: String = "") {
        self.path = path; self.abstract = abstract; self.discussion = discussion
    }
}
