import SlotMatchCore

/// Finds the practitioner an iCalendar/xCal file names, by SlotMatch's convention:
///
/// 1. `X-SLOTMATCH-RPPS:<11 digits>` on VCALENDAR;
/// 2. else an ORGANIZER (of any component) with the parameter `X-RPPS=<11 digits>`,
///    e.g. `ORGANIZER;CN=Dr Claire Martin;X-RPPS=10000000017:mailto:c.martin@example.org`;
/// 3. else an ORGANIZER whose value is the RPPS in the French health-professional identifier system, in
///    FHIR token form `urn:oid:1.2.250.1.71.4.2.1|8<RPPS>` (the same `8` + RPPS as the SAS FHIR profile).
///
/// A `mailto:` address alone names nobody. Two different RPPS numbers in one file are an error: a GP's file
/// may only speak for that GP.
public enum CalendarPractitionerReference {
    /// The national identifier system of health professionals (RPPS), as FHIR writes it.
    public static let rppsSystem = "urn:oid:1.2.250.1.71.4.2.1"

    /// The practitioner named by a VCALENDAR, or nil if it names none.
    public static func practitioner(of calendar: CalendarComponent) throws(InputError) -> RPPS? {
        var found: (rpps: RPPS, place: SourcePlace)?
        func note(_ text: String, _ place: SourcePlace, what: String) throws(InputError) {
            let rpps: RPPS
            do { rpps = try RPPS(text) } catch {
                throw InputError(place, "\(what): \(error.problem)", remedy: error.remedy)
            }
            if let previous = found, previous.rpps != rpps {
                throw InputError(place, "the file names two practitioners, \(previous.rpps) (at \(previous.place)) and \(rpps)",
                                 remedy: "A published file may only carry one GP's agenda: split it into one file per GP.")
            }
            if found == nil { found = (rpps, place) }
        }
        if let property = calendar.property("X-SLOTMATCH-RPPS") {
            try note(property.value, property.place, what: "X-SLOTMATCH-RPPS")
        }
        // Every component, the calendar first, each before its sub-components, in file order (depth first).
        func visit(_ component: UnsafePointer<CalendarComponent>) throws(InputError) {
            // Walked in place: no filtered array of ORGANIZERs, no stack of component copies (sub-components are
            // reached through their storage, not copied out of their array).
            for index in component.pointee.properties.indices where isOrganizer(component.pointee.properties[index].name) {
                let organizer = component.pointee.properties[index]
                if let parameter = organizer.parameter("X-RPPS") {
                    try note(parameter, organizer.place, what: "the ORGANIZER's X-RPPS parameter")
                } else if let digits = rppsInIdentifier(organizer.value) {
                    try note(digits, organizer.place, what: "the ORGANIZER's RPPS identifier")
                }
            }
            let children = component.pointee.components
            try children.withUnsafeBufferPointer { (buffer) throws(InputError) in
                guard let base = buffer.baseAddress else { return }
                for index in buffer.indices { try visit(base + index) }
            }
        }
        var root = calendar
        try withUnsafePointer(to: &root) { (pointer) throws(InputError) in try visit(pointer) }
        return found?.rpps
    }

    /// `name == "ORGANIZER"`, ruling other names out by their byte count first.
    @inline(__always)
    static func isOrganizer(_ name: String) -> Bool { name.utf8.count == 9 && name == "ORGANIZER" }

    /// `urn:oid:1.2.250.1.71.4.2.1|8<RPPS>` → the RPPS digits (the leading `8` is the identifier type prefix).
    static func rppsInIdentifier(_ value: String) -> String? {
        let prefix = rppsSystem + "|"
        let trimmed = value.trimmingSpaces
        guard trimmed.lowercased().hasPrefix(prefix) else { return nil }
        var rest = trimmed.dropFirst(prefix.count)
        if rest.count == 12, rest.first == "8" { rest = rest.dropFirst() }
        return String(rest)
    }
}
