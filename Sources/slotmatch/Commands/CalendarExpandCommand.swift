import SlotMatchCore
import SlotMatchImport

/// `slotmatch calendar expand FILE`: the occurrences a published file yields, after recurrence, sorted by start.
/// A debugging tool and the contract the import tests use.
enum CalendarExpandCommand {
    static let spec = CommandSpec(
        path: ["calendar", "expand"],
        abstract: "Print the occurrences a published agenda file yields (after recurrence), sorted by start.",
        discussion: """
            Every format is read (iCalendar, VAVAILABILITY, xCal, FHIR R4 JSON or XML, CSV). Each occurrence shows its
            component, UID, start and end in UTC, and whether it is an 'available' window, 'busy' time, or an exact
            'slot' (FHIR free slot), with its mode, visibility and slot length.
            """,
        arguments: [ArgumentSpec("file", help: "The published file.")],
        options: CalendarWindow.options + [ImportSetup.maxFileSizeOption],
        run: run)

    static func run(_ context: CommandContext) throws {
        guard let file = context.arguments.argument("file") else { return }
        let setup = try ImportSetup(context)
        let window = try CalendarWindow(context, zone: setup.zone)
        let bytes = try PublishedFileBytes.read(path: file, limit: setup.maxFileSize)
        let availabilities = try setup.reader.read(bytes: bytes, file: file, from: window.from, to: window.to)
        let occurrences = availabilities.flatMap { a in a.occurrences.map { (a.practitioner, $0) } }
            .sorted { ($0.1.start, $0.1.end, $0.1.uid) < ($1.1.start, $1.1.end, $1.1.uid) }
        switch context.format {
        case .json:
            let rows: [JSONValue] = occurrences.map { practitioner, o in
                .object(["component": .string(o.component), "uid": .string(o.uid), "start": .string(o.start.iso8601),
                         "end": .string(o.end.iso8601), "kind": .string(o.kind.rawValue), "mode": .string(o.mode.code),
                         "visibility": .array(o.visibility.codeList.map(JSONValue.string)),
                         "slotMinutes": o.slotLengthSeconds.map { .int(Int($0 / 60)) } ?? .null,
                         "practitioner": (o.practitioner ?? practitioner).map { .string($0.digits) } ?? .null])
            }
            context.output.write(JSONValue.object(["file": .string(file), "from": .string(window.from.iso8601),
                                                   "to": .string(window.to.iso8601), "occurrences": .array(rows)]).rendered)
        case .table:
            var table = TextTable([.init("Start (UTC)"), .init("End (UTC)"), .init("Kind"), .init("Mode"), .init("Visibility"),
                                   .init("Component"), .init("UID")])
            for (_, o) in occurrences {
                table.add([o.start.iso8601, o.end.iso8601, o.kind.rawValue, o.mode.code, o.visibility.codeList.joined(separator: ","),
                           o.component, o.uid])
            }
            context.output.write(table.rendered)
            context.output.line("\(occurrences.count) occurrences from \(window.from.iso8601) to \(window.to.iso8601).")
        }
    }
}
