import SlotMatchConfig
import SlotMatchCore

/// Reads any published agenda file into availability: recognises its format from its bytes
/// (`PublishedFileFormat`) and hands it to the right reader (iCalendar and xCal through
/// `CalendarAvailabilityReader`, FHIR through `FHIRBundleReader`, CSV through `AvailabilityCSVReader`). The result is what
/// `slotmatch calendar expand` prints and what `SlotCutter` cuts.
public struct PublishedFileReader: Sendable {
    public var calendarReader: CalendarAvailabilityReader
    /// Largest file accepted, in bytes (`--max-file-size`; default 64 MiB).
    public var sizeLimit: Int

    public static let defaultSizeLimit = FileInput.maximumBytes

    public init(territoryZone: ZoneRules,
                zoneLookup: CalendarAvailabilityReader.ZoneLookup? = nil,
                sizeLimit: Int = PublishedFileReader.defaultSizeLimit) {
        calendarReader = CalendarAvailabilityReader(territoryZone: territoryZone, zoneLookup: zoneLookup)
        self.sizeLimit = sizeLimit
    }

    public var territoryZone: ZoneRules { calendarReader.territoryZone }

    /// The availability of a file's bytes over [from, to): one value per VCALENDAR (iCalendar, xCal) or per
    /// practitioner (FHIR), each with occurrences overlapping the window, sorted by start.
    public func read(bytes: [UInt8], file: String, from: Instant, to: Instant) throws(InputError) -> [PublishedAvailability] {
        guard bytes.count <= sizeLimit else {
            throw InputError(SourcePlace(file: file), "the file is \(bytes.count) bytes, over the \(sizeLimit)-byte limit",
                             remedy: "Publish a shorter range, or raise the limit with --max-file-size if the file is genuine.")
        }
        let format = try PublishedFileFormat.detect(bytes, file: file)
        let limits = XMLReadLimits(maxBytes: sizeLimit)
        var result: [PublishedAvailability]
        var ordered = false
        switch format {
        case .iCalendar:
            let components = try ICalendarParser.parse(bytes: bytes, file: file, sizeLimit: sizeLimit)
            ordered = true
            result = try calendarReader.read(components, file: file, from: from, to: to, ordered: &ordered)
        case .xCal:
            let components = try XCalReader.parse(bytes: bytes, file: file, limits: limits)
            ordered = true
            result = try calendarReader.read(components, file: file, from: from, to: to, ordered: &ordered)
        case .fhirJSON, .fhirXML:
            result = try FHIRBundleReader.read(bytes: bytes, file: file, format: format == .fhirJSON ? .json : .xml,
                                               zone: territoryZone, limits: limits)
        case .csv:
            result = try AvailabilityCSVReader.read(bytes: bytes, file: file, zone: territoryZone, maxBytes: sizeLimit)
        }
        // Every format obeys the same window: occurrences overlapping [from, to) (a zero-length one starting inside).
        // The calendar reader hands them so by construction when it says `ordered` (no VAVAILABILITY combined);
        // else check (one pass over integers) and filter or sort only when needed.
        if ordered { return result }
        let window = CalendarAvailabilityReader.Window(from: from, to: to)
        for index in result.indices {
            if !result[index].occurrences.allSatisfy({ window.keeps($0.start, $0.end) }) {
                result[index].occurrences.removeAll { !window.keeps($0.start, $0.end) }
            }
            OccurrenceOrder.sort(&result[index].occurrences)   // by start, end, kind, UID; nothing when already so
        }
        return result
    }
}
