import SlotMatchCore

/// The [from, to) window of the `calendar` debugging commands: `--from` and `--to` as ISO 8601 instants or as
/// dates (a date is midnight in the territory's zone); by default from now for `--horizon` days (28).
struct CalendarWindow {
    var from: Instant
    var to: Instant

    static let options: [OptionSpec] = [
        .value("from", placeholder: "instant|date", help: "Start of the window (ISO 8601 instant, or a date in the territory's zone).", default: "now"),
        .value("to", placeholder: "instant|date", help: "End of the window (exclusive).", default: "from + --horizon days"),
        ImportSetup.horizonOption,
    ]

    init(_ context: CommandContext, zone: ZoneRules) throws {
        from = try CalendarWindow.instant(context, "from", zone: zone) ?? context.now
        let days = try ImportSetup.positiveInteger(context, "horizon") ?? 28
        to = try CalendarWindow.instant(context, "to", zone: zone) ?? from.adding(seconds: Int64(days) * 86_400)
        guard from < to else {
            throw InputError(SourcePlace(jsonPath: "--to"), "the window ends (\(to)) before it starts (\(from))", remedy: "Give a --to after --from.")
        }
    }

    static func instant(_ context: CommandContext, _ option: String, zone: ZoneRules) throws -> Instant? {
        guard let text = context.arguments.value(option) else { return nil }
        if let instant = Instant.parseISO8601(text) { return instant }
        if let date = CivilDate.parse(text) { return zone.instant(of: LocalDateTime(date: date, secondOfDay: 0)) }
        if let local = LocalDateTime.parse(text) { return zone.instant(of: local) }
        throw InputError(SourcePlace(jsonPath: "--\(option)"), "'\(text)' is not a date or an instant",
                         remedy: "Write 2026-12-07, 2026-12-07T08:00 (territory time) or 2026-12-07T07:00:00Z.")
    }
}
