import SlotMatchCore

/// The TZID a calendar's values named last, with its rules: a file names one TZID nearly everywhere, so a value in
/// the same zone costs a string comparison, not a look-up (the zone of each DTSTART, DTEND, EXDATE, RDATE,
/// RECURRENCE-ID).
///
/// Why a class: the reader's zone function holds it by reference, so its two fields are neither boxed nor checked
/// for exclusive access on every value (a calendar is read by one thread, and the fields are touched only here).
final class LastZone {
    @exclusivity(unchecked) private var tzid: String?
    @exclusivity(unchecked) private var rules: ZoneRules
    private let resolve: (String, SourcePlace) throws(InputError) -> ZoneRules

    /// `resolve` finds a TZID's rules (or throws the error for an unknown one); `initial` is never returned as such.
    init(initial: ZoneRules, resolve: @escaping (String, SourcePlace) throws(InputError) -> ZoneRules) {
        rules = initial
        self.resolve = resolve
    }

    /// The rules `tzid` names: the last ones when it is the last TZID, else resolved (and kept).
    func rules(for tzid: String, place: SourcePlace) throws(InputError) -> ZoneRules {
        if let last = self.tzid, last == tzid { return rules }
        let found = try resolve(tzid, place)
        self.tzid = tzid
        rules = found
        return found
    }
}
