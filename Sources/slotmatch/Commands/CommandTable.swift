/// Every command of `slotmatch`, in the order help lists them.
///
/// To add a command: write `Commands/<Name>Command.swift` with `static let spec = CommandSpec(path: [...], …)`
/// and add one row below. A multi-word path (`["calendar", "expand"]`) nests the command under its
/// group; give the group a row in `groups` for its help overview.
enum CommandTable {
    static let groups: [CommandGroup] = [
        CommandGroup(path: ["roster"], abstract: "Import and list the CPTS's GPs."),
        CommandGroup(path: ["calendar"], abstract: "Look inside a published agenda file: its occurrences and slots."),
        CommandGroup(path: ["audit"], abstract: "Check the audit log."),
        CommandGroup(path: ["requests"], abstract: "The stored care requests."),
    ]

    static let commands: [CommandSpec] = [
        InitCommand.spec,
        TerritoryCommand.spec,
        RosterImportCommand.spec,
        RosterListCommand.spec,
        CalendarExpandCommand.spec,
        CalendarSlotsCommand.spec,
        ImportCommand.spec,
        TriageCommand.spec,
        FindCommand.spec,
        SubmitCommand.spec,
        HoldCommand.spec,
        ReleaseCommand.spec,
        BookCommand.spec,
        CancelCommand.spec,
        OutcomeCommand.spec,
        AppointmentsCommand.spec,
        ServeCommand.spec,
        AuditVerifyCommand.spec,
        DemoCommand.spec,
        SimulateCommand.spec,
        ReplayCommand.spec,
        RequestsExportCommand.spec,
        BalanceCommand.spec,
        AssignCommand.spec,
    ]
}
