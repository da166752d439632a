import SlotMatchCore

/// How a window is offered once cut: consultation mode, visibility and slot length, read from the
/// component's SlotMatch properties (or, when absent there, from the enclosing VAVAILABILITY, then VCALENDAR):
///
/// - `X-SLOTMATCH-MODE`: `AMB` (default), `HH` or `VR`;
/// - `X-SLOTMATCH-VISIBILITY`: comma list of `PUBLIC`, `PRO`, `SNP`, `CPTS` (default `SNP`);
/// - `X-SLOT-DURATION`: an iCalendar duration (RFC 5545 §3.3.6) from 5 minutes to a day, e.g. `PT20M`;
///   absent means the practitioner's default.
public struct SlotTerms: Sendable, Hashable {
    public var mode: ConsultationMode
    public var visibility: SlotVisibility
    public var slotLengthSeconds: Int64?

    public init(mode: ConsultationMode = .office, visibility: SlotVisibility = .snp, slotLengthSeconds: Int64? = nil) {
        self.mode = mode; self.visibility = visibility; self.slotLengthSeconds = slotLengthSeconds
    }

    public static let `default` = SlotTerms()

    /// Shortest slot a file may ask for: nobody consults in less, and it bounds how many slots a window makes.
    public static let minimumSlotLengthSeconds: Int64 = 5 * 60

    /// The terms of `component`, falling back property by property on `inherited`.
    /// `duration` reads an iCalendar duration into seconds (the iCalendar value layer's parser).
    public static func read(_ component: CalendarComponent, inheriting inherited: SlotTerms,
                            duration: (CalendarProperty) throws(InputError) -> Int64) throws(InputError) -> SlotTerms {
        try read(component, PropertyIndex(component.properties), inheriting: inherited, duration: duration)
    }

    /// `read` with the component's properties already indexed.
    static func read(_ component: CalendarComponent, _ properties: PropertyIndex, inheriting inherited: SlotTerms,
                     duration: (CalendarProperty) throws(InputError) -> Int64) throws(InputError) -> SlotTerms {
        var terms = inherited
        if let property = properties.first(.mode, in: component) {
            guard let mode = ConsultationMode(code: property.value.trimmingSpaces) else {
                throw InputError(property.place, "X-SLOTMATCH-MODE is \"\(property.value)\", not a consultation mode",
                                 remedy: "Write AMB (at the practice), HH (home visit) or VR (video).")
            }
            terms.mode = mode
        }
        if let property = properties.first(.visibility, in: component) {
            var visibility: SlotVisibility = []
            for code in property.value.split(separator: ",") {
                let text = String(code).trimmingSpaces
                guard let one = SlotVisibility(code: text) else {
                    throw InputError(property.place, "X-SLOTMATCH-VISIBILITY names \"\(text)\", not a slot type",
                                     remedy: "Write a comma list of PUBLIC, PRO, SNP and CPTS, e.g. SNP,CPTS.")
                }
                visibility.formUnion(one)
            }
            guard !visibility.isEmpty else {
                throw InputError(property.place, "X-SLOTMATCH-VISIBILITY is empty",
                                 remedy: "Write who may see the slots: PUBLIC, PRO, SNP or CPTS (SNP when in doubt).")
            }
            terms.visibility = visibility
        }
        if let property = properties.first(.slotDuration, in: component) {
            let seconds = try duration(property)
            guard seconds >= minimumSlotLengthSeconds, seconds <= 24 * 3600 else {
                throw InputError(property.place, "X-SLOT-DURATION \"\(property.value)\" is not a usable slot length",
                                 remedy: "Give a duration from 5 minutes to a day, e.g. PT15M or PT20M.")
            }
            terms.slotLengthSeconds = seconds
        }
        return terms
    }
}
