/// Every command of `slotmatch`, in the order help lists them.
///
/// To add a command: write `Commands/<Name>Command.swift` with `static let spec = CommandSpec(path: [...], …)`
/// and add one row below. A multi-word path (`["calendar", "expand"]`) nests the command under its
/// group; give the group a row in `groups` for its help overview.
enum CommandTable {
    static let groups: [CommandGroup] = [
        CommandGroup(path: ["roster"], abstract: "Import and list the CPTS's GPs."),
    ]

    static let commands: [CommandSpec] = [
        InitCommand.spec,
        TerritoryCommand.spec,
        RosterImportCommand.spec,
        RosterListCommand.spec,
        DemoCommand.spec,
        SimulateCommand.spec,
        ReplayCommand.spec,
        BalanceCommand.spec,
    ]
}
