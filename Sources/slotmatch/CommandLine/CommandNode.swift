/// A node of the command tree built from `CommandTable`: the root, a group, or a runnable command.
struct CommandNode: Sendable {
    var path: [String]
    var abstract: String
    var discussion: String
    /// Set for runnable commands.
    var command: CommandSpec?
    var children: [CommandNode]

    var name: String { path.last ?? SlotMatchTool.name }
    /// `slotmatch roster import`.
    var fullName: String { ([SlotMatchTool.name] + path).joined(separator: " ") }

    func child(named word: String) -> CommandNode? { children.first { $0.name == word } }

    /// The options this node accepts when it is the last word (groups take only help and version).
    var options: [OptionSpec] { command?.allOptions ?? [GlobalOptions.version, GlobalOptions.help] }

    /// Builds the tree: groups and commands sorted into place by their paths, in table order.
    static func tree(groups: [CommandGroup], commands: [CommandSpec], rootAbstract: String, rootDiscussion: String) -> CommandNode {
        var root = CommandNode(path: [], abstract: rootAbstract, discussion: rootDiscussion, command: nil, children: [])
        for c in commands { root.insert(CommandNode(path: c.path, abstract: c.abstract, discussion: c.discussion, command: c, children: [])) }
        for g in groups { root.insert(CommandNode(path: g.path, abstract: g.abstract, discussion: g.discussion, command: nil, children: [])) }
        return root
    }

    private mutating func insert(_ node: CommandNode) {
        let depth = path.count
        guard node.path.count > depth else { return }
        let word = node.path[depth]
        if node.path.count == depth + 1 {
            if let i = children.firstIndex(where: { $0.name == word }) {
                children[i].abstract = node.abstract; children[i].discussion = node.discussion
                if node.command != nil { children[i].command = node.command }
            } else { children.append(node) }
            return
        }
        if let i = children.firstIndex(where: { $0.name == word }) { children[i].insert(node); return }
        var group = CommandNode(path: Array(node.path.prefix(depth + 1)), abstract: "", discussion: "", command: nil, children: [])
        group.insert(node)
        children.append(group)
    }
}
