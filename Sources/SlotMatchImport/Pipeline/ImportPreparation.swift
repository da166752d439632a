import SlotMatchCore

/// Turns one published file's bytes into per-practitioner slot sets for the store, applying the identity and
/// horizon rules of the import (README, "Import into the store"):
/// - the practitioner comes from the inbox folder or `--practitioner` (the `authority`), else the file itself
///   (`X-SLOTMATCH-RPPS`, the ORGANIZER's RPPS, the FHIR Practitioner identifier); a file naming another
///   practitioner than its authority is rejected, and so is a file naming none when there is no authority;
/// - the horizon is the file's declared range (VAVAILABILITY range, FHIR `Schedule.planningHorizon`) from now on,
///   at most `maximumHorizonDays`, else `horizonDays` from now;
/// - windows are cut into slots by `SlotCutter`; nothing starting before now is kept.
/// It never touches the store: the caller applies each `PreparedImport` in one transaction per file.
public struct ImportPreparation: Sendable {
    public var reader: PublishedFileReader
    public var cutter: SlotCutter
    /// `--horizon`: days from now for files that declare no range (default 28).
    public var horizonDays: Int
    /// The longest horizon any file may claim, so that a range to the year 9999 cannot flood the store.
    public var maximumHorizonDays: Int

    public static let defaultHorizonDays = 28
    public static let defaultMaximumHorizonDays = 731

    public init(reader: PublishedFileReader, cutter: SlotCutter = SlotCutter(), horizonDays: Int = ImportPreparation.defaultHorizonDays,
                maximumHorizonDays: Int = ImportPreparation.defaultMaximumHorizonDays) {
        self.reader = reader; self.cutter = cutter
        self.horizonDays = horizonDays; self.maximumHorizonDays = maximumHorizonDays
    }

    /// The file's slots, one `PreparedImport` per practitioner it speaks for (sorted by RPPS).
    public func prepare(bytes: [UInt8], file: String, source: String, authority: ImportAuthority, now: Instant) throws(InputError) -> [PreparedImport] {
        let defaultEnd = now.adding(seconds: Int64(horizonDays) * 86_400)
        let latestEnd = now.adding(seconds: Int64(maximumHorizonDays) * 86_400)
        let firstRead = try reader.read(bytes: bytes, file: file, from: now, to: defaultEnd)

        // Group by practitioner, checking authority.
        var byPractitioner: [RPPS: [PublishedAvailability]] = [:]
        for availability in firstRead {
            let practitioner: RPPS
            switch (availability.practitioner, authority.expected) {
            case let (named?, expected?) where named != expected:
                throw InputError(SourcePlace(file: file), "the file names the practitioner \(named), but it came from \(authority.origin) of \(expected)",
                                 remedy: "A GP's file can only change that GP's slots: put it in the folder of \(named), or correct the RPPS number in the file.")
            case let (named?, _): practitioner = named
            case let (nil, expected?): practitioner = expected
            case (nil, nil):
                throw InputError(SourcePlace(file: file), "the file does not say whose agenda it is",
                                 remedy: "Put it in the GP's inbox folder (DIR/<RPPS>/), pass --practitioner RPPS, or add X-SLOTMATCH-RPPS:<RPPS> to the VCALENDAR.")
            }
            byPractitioner[practitioner, default: []].append(availability)
        }
        guard !byPractitioner.isEmpty else {
            throw InputError(SourcePlace(file: file), "the file holds no agenda", remedy: "Check that the right file was published.")
        }

        var prepared: [PreparedImport] = []
        for practitioner in byPractitioner.keys.sorted() {
            var parts = byPractitioner[practitioner]!
            // A declared range makes the file authoritative for that range (from now on, capped); read it again over it.
            let declared = parts.compactMap(\.declaredRange)
            var horizonStart = now, horizonEnd = defaultEnd
            if !declared.isEmpty {
                let start = declared.map(\.start).min()!, end = declared.map(\.end).max()!
                horizonStart = max(start, now)
                horizonEnd = min(end, latestEnd)
                guard horizonStart < horizonEnd else {
                    // The whole declared range is in the past: nothing to offer, and nothing of the future to replace.
                    continue
                }
                if horizonStart != now || horizonEnd != defaultEnd {
                    parts = try reader.read(bytes: bytes, file: file, from: horizonStart, to: horizonEnd)
                        .filter { ($0.practitioner ?? authority.expected) == practitioner }
                }
            }
            let occurrences = parts.flatMap(\.occurrences)
            let slots = cutter.slots(from: occurrences, practitioner: practitioner, source: source,
                                     from: horizonStart, to: horizonEnd, now: now)
            var hasher = SHA256()
            hasher.update(bytes)
            hasher.update(Array("|\(practitioner)|\(horizonStart.utc.date)|\(horizonEnd.utc.date)".utf8))
            prepared.append(PreparedImport(practitioner: practitioner, source: source, horizonStart: horizonStart,
                                           horizonEnd: horizonEnd, slots: slots, contentHash: SHA256.hex(hasher.finalize())))
        }
        return prepared
    }
}
