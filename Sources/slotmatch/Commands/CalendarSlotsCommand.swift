import SlotMatchCore
import SlotMatchImport

/// `slotmatch calendar slots FILE`: the bookable slots a published file becomes, by the slot rules.
enum CalendarSlotsCommand {
    static let spec = CommandSpec(
        path: ["calendar", "slots"],
        abstract: "Print the slots a published agenda file becomes (windows cut into slots, busy time removed).",
        discussion: """
            The same rules as 'slotmatch import', without the store: windows are cut into back-to-back slots of their
            slot length (X-SLOT-DURATION, the CSV column, else 15 minutes) from their start, a shorter remainder is
            dropped, and busy time removes every slot it overlaps. Slots before --from (default now) are not shown.
            """,
        arguments: [ArgumentSpec("file", help: "The published file.")],
        options: CalendarWindow.options + [
            .value("practitioner", placeholder: "rpps", help: "The GP the file belongs to, when it does not say."),
            ImportSetup.maxFileSizeOption,
        ],
        run: run)

    static func run(_ context: CommandContext) throws {
        guard let file = context.arguments.argument("file") else { return }
        let setup = try ImportSetup(context)
        let window = try CalendarWindow(context, zone: setup.zone)
        let fallback: RPPS?
        if let text = context.arguments.value("practitioner") {
            do { fallback = try RPPS(text) } catch { throw InputError(SourcePlace(jsonPath: "--practitioner"), error.problem, remedy: error.remedy) }
        } else { fallback = nil }
        let bytes = try PublishedFileBytes.read(path: file, limit: setup.maxFileSize)
        let availabilities = try setup.reader.read(bytes: bytes, file: file, from: window.from, to: window.to)
        var slots: [Slot] = []
        for availability in availabilities {
            guard let practitioner = availability.practitioner ?? fallback else {
                throw InputError(SourcePlace(file: file), "the file does not say whose agenda it is",
                                 remedy: "Pass --practitioner RPPS, or add X-SLOTMATCH-RPPS:<RPPS> to the VCALENDAR.")
            }
            slots += setup.preparation.cutter.slots(from: availability, practitioner: practitioner, source: ImportSetup.source(of: file),
                                                    from: window.from, to: window.to, now: window.from)
        }
        slots.sort { ($0.start, $0.practitioner, $0.mode) < ($1.start, $1.practitioner, $1.mode) }
        switch context.format {
        case .json:
            context.output.write(JSONValue.object([
                "file": .string(file), "from": .string(window.from.iso8601), "to": .string(window.to.iso8601),
                "slots": .array(slots.map { s in
                    .object(["practitioner": .string(s.practitioner.digits), "start": .string(s.start.iso8601), "end": .string(s.end.iso8601),
                             "mode": .string(s.mode.code), "visibility": .array(s.visibility.codeList.map(JSONValue.string))])
                }),
            ]).rendered)
        case .table:
            var table = TextTable([.init("GP"), .init("Start (UTC)"), .init("End (UTC)"), .init("Local start"), .init("Mode"), .init("Visibility")])
            for s in slots {
                table.add([s.practitioner.digits, s.start.iso8601, s.end.iso8601, setup.zone.localTime(of: s.start).iso8601, s.mode.code,
                           s.visibility.codeList.joined(separator: ",")])
            }
            context.output.write(table.rendered)
            context.output.line("\(slots.count) slots from \(window.from.iso8601) to \(window.to.iso8601).")
        }
    }
}
