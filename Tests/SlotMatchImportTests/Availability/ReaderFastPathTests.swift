import Testing
import SlotMatchCore
@testable import SlotMatchImport

private typealias T = CalendarTestSupport

/// The availability reader's fast paths (occurrences built in sorted order from keys, series grouped without
/// hashing, …) against its general paths, on random calendars: the same occurrences in the same order with the
/// same values, or the same error at the same place.
@Suite struct ReaderFastPathTests {
    static func outcome(_ reader: CalendarAvailabilityReader, _ bytes: [UInt8], from: Instant, to: Instant) -> Result<[PublishedAvailability], InputError> {
        do throws(InputError) {
            let components = try ICalendarParser.parse(bytes: bytes, file: "random.ics")
            return .success(try reader.read(components, file: "random.ics", from: from, to: to))
        } catch {
            return .failure(error)
        }
    }

    /// Whether the fast reader reports these results as ordered (the general reader never does).
    static func ordered(_ bytes: [UInt8], from: Instant, to: Instant) -> Bool {
        var fast = true, slow = true
        guard let components = try? ICalendarParser.parse(bytes: bytes, file: "random.ics") else { return false }
        _ = try? T.reader.read(components, file: "random.ics", from: from, to: to, ordered: &fast)
        _ = try? general.read(components, file: "random.ics", from: from, to: to, ordered: &slow)
        return fast && !slow
    }

    static var general: CalendarAvailabilityReader {
        var reader = T.reader
        reader.usesGeneralPaths = true
        return reader
    }

    @Test(arguments: 0 ..< 40)
    func randomCalendarsReadTheSameBothWays(_ batch: Int) {
        var read = 0, failed = 0, occurrences = 0, orderedReads = 0
        for seed in 0 ..< 25 {
            var random = RandomCalendar(seed: UInt64(batch * 25 + seed))
            let bytes = T.calendar(random.body())
            let fast = Self.outcome(T.reader, bytes, from: random.from, to: random.to)
            let slow = Self.outcome(Self.general, bytes, from: random.from, to: random.to)
            switch (fast, slow) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "seed \(batch * 25 + seed)")
                // When the reader says its results are ordered, PublishedFileReader skips its own check: they must
                // then be inside the window and in OccurrenceOrder.
                if Self.ordered(bytes, from: random.from, to: random.to) {
                    let window = CalendarAvailabilityReader.Window(from: random.from, to: random.to)
                    for availability in a {
                        #expect(availability.occurrences.allSatisfy { window.keeps($0.start, $0.end) })
                        #expect(OccurrenceOrder.isSorted(availability.occurrences))
                    }
                    orderedReads += 1
                }
                // Equality compares values; the place of each occurrence (its component) must agree too.
                #expect(a.flatMap { $0.occurrences.map(\.place) } == b.flatMap { $0.occurrences.map(\.place) })
                read += 1
                occurrences += a.reduce(0) { $0 + $1.occurrences.count }
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "seed \(batch * 25 + seed)")
                failed += 1
            default:
                Issue.record("seed \(batch * 25 + seed): one path failed, the other did not: \(fast) vs \(slow)")
            }
        }
        // The generator must exercise both outcomes, mostly successful reads with occurrences.
        #expect(read >= 12 && occurrences >= 100 && orderedReads == read)
    }

    /// The occurrence limit (per master and per calendar) on both paths: the same error at the same place, or the
    /// same occurrences (single events count too).
    @Test(arguments: [0, 1, 3, 10])
    func limitsHoldTheSameBothWays(_ limit: Int) {
        var fast = T.reader
        fast.maxOccurrences = limit
        var slow = Self.general
        slow.maxOccurrences = limit
        var failures = 0
        for seed in 0 ..< 60 {
            var random = RandomCalendar(seed: UInt64(10_000 + seed))
            let bytes = T.calendar(random.body())
            let a = Self.outcome(fast, bytes, from: random.from, to: random.to)
            let b = Self.outcome(slow, bytes, from: random.from, to: random.to)
            #expect(a == b, "limit \(limit) seed \(seed)")
            if case .failure = a { failures += 1 }
        }
        #expect(failures > 0)   // the limit is reached at least once
    }

    /// A daily series with many overrides (over the reader's linear look-up of replaced instances), some cancelled,
    /// some moved onto other instances' times, one this-and-future: the same both ways.
    @Test(arguments: [3, 17, 25])
    func manyOverridesReadTheSameBothWays(_ count: Int) throws {
        var lines = ["BEGIN:VEVENT", "UID:many@x", "DTSTART;TZID=Europe/Paris:20261201T090000",
                     "DTEND;TZID=Europe/Paris:20261201T100000", "RRULE:FREQ=DAILY;COUNT=40", "END:VEVENT"]
        for k in 0 ..< count {
            let day = RandomCalendar.two(2 + k)
            lines += ["BEGIN:VEVENT", "UID:many@x", "RECURRENCE-ID;TZID=Europe/Paris:202612\(day)T090000"]
            if k % 3 == 0 { lines.append("STATUS:CANCELLED") }
            else { lines += ["DTSTART;TZID=Europe/Paris:202612\(RandomCalendar.two(3 + k % 20))T090000",
                             "DTEND;TZID=Europe/Paris:202612\(RandomCalendar.two(3 + k % 20))T110000"] }
            lines.append("END:VEVENT")
        }
        lines += ["BEGIN:VEVENT", "UID:many@x", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20261229T090000",
                  "DTSTART;TZID=Europe/Paris:20261229T140000", "DTEND;TZID=Europe/Paris:20261229T150000", "END:VEVENT"]
        let bytes = T.calendar(lines.joined(separator: "\n"))
        let from = T.paris(1, 0), to = T.paris(31, 0)
        let fast = Self.outcome(T.reader, bytes, from: from, to: to)
        let slow = Self.outcome(Self.general, bytes, from: from, to: to)
        #expect(fast == slow)
        let occurrences = try fast.get().first?.occurrences ?? []
        #expect(occurrences.count > 20)
    }
}
