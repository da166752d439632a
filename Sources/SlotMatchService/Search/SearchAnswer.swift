import SlotMatchCore
import SlotMatchMatching

/// A slot search's answer as `slots.find` (and the `search` member of `requests.submit`) shows it: the query's
/// instants and modes, whether the treating GP is known, the ranked slots with their cost components, and when
/// none is feasible the reasons and the outside-target offer.
///
/// It has two renderings of the same JSON. `json` builds the `JSONValue` tree, which the CLI reads and
/// pretty-prints. `write(into:)` writes the bytes `JSONWriter` would write for that tree, member by member,
/// with no tree, no per-slot arrays and no intermediate strings. `slotmatch serve` uses it, because building
/// and releasing the tree was the largest cost of a territory query. The tests hold both to the same bytes.
struct SearchAnswer {
    var at: Instant
    var deadline: Instant
    /// The wanted modes in their sorted order (the order they are shown in).
    var modes: [ConsultationMode]
    /// Nil when no treating GP was given; else whether the index knows that GP.
    var treatingGPKnown: Bool?
    var result: SearchResult

    /// The answer as a tree. `practitioners[i]` is GP `i`'s object (`LiveSlotIndex.practitionerJSON`).
    func json(practitioners: [JSONValue]) -> JSONValue {
        func slot(_ r: RankedSlot) -> JSONValue {
            .members([
                ("slot", .int(r.slotID)),
                ("practitioner", practitioners[Int(r.practitioner)]),
                ("start", .string(InstantText.iso8601(Instant(secondsSinceEpoch: r.start)))),
                ("end", .string(InstantText.iso8601(Instant(secondsSinceEpoch: r.end)))),
                ("mode", .string(r.mode.rawValue)),
                ("cost", .int(r.cost)),
                ("components", .members([
                    ("travel", .int(r.breakdown.travel)), ("wait", .int(r.breakdown.wait)), ("treatingGP", .int(r.breakdown.treatingGP)),
                    ("practitionerLoad", .int(r.breakdown.practitionerLoad)), ("poleLoad", .int(r.breakdown.poleLoad)),
                ])),
                ("travelMinutes", .int(r.travelMinutes)),
                ("waitMinutes", .int(r.waitMinutes)),
                ("outsideTarget", .bool(r.outsideTarget)),
            ])
        }
        return .members([
            ("at", .string(InstantText.iso8601(at))),
            ("deadline", .string(InstantText.iso8601(deadline))),
            ("modes", .array(modes.map { .string($0.rawValue) })),
            ("treatingGPKnown", treatingGPKnown.map(JSONValue.bool) ?? .null),
            ("slots", .array(result.slots.map(slot))),
            ("reasons", .array(result.reasons.map { .string($0.rawValue) })),
            ("outsideTarget", result.outsideTargetOffer.map(slot) ?? .null),
        ])
    }

    /// Appends the compact bytes of `json(practitioners:)` to `out`, in the same member order with the same
    /// number and string forms. `practitioners` holds the compact text of each GP's object
    /// (`LiveSlotIndex.practitionerText`).
    func write(into out: inout [UInt8], practitioners: JSONTextTable) {
        out.reserveCapacity(out.count + 256 + 400 * (result.slots.count + 1))
        out.write(#"{"at":"#)
        InstantText.writeQuoted(at, into: &out)
        out.write(#","deadline":"#)
        InstantText.writeQuoted(deadline, into: &out)
        out.write(#","modes":["#)
        for (i, mode) in modes.enumerated() {
            if i > 0 { out.write(UInt8(ascii: ",")) }
            out.writeString(mode.rawValue)
        }
        out.write(#"],"treatingGPKnown":"#)
        switch treatingGPKnown {
        case nil: out.write("null")
        case true?: out.write("true")
        case false?: out.write("false")
        }
        out.write(#","slots":["#)
        for (i, r) in result.slots.enumerated() {
            if i > 0 { out.write(UInt8(ascii: ",")) }
            SearchAnswer.write(r, into: &out, practitioners: practitioners)
        }
        out.write(#"],"reasons":["#)
        for (i, reason) in result.reasons.enumerated() {
            if i > 0 { out.write(UInt8(ascii: ",")) }
            out.writeString(reason.rawValue)
        }
        out.write(#"],"outsideTarget":"#)
        if let offer = result.outsideTargetOffer {
            SearchAnswer.write(offer, into: &out, practitioners: practitioners)
        } else {
            out.write("null")
        }
        out.write(UInt8(ascii: "}"))
    }

    /// Bytes of stack scratch per slot: a slot's object is about 360 bytes with its GP's object.
    static let scratchBytes = 1024

    /// One ranked slot's object, as `json` builds it: written into a stack scratch and copied out in one go
    /// (one array append per slot instead of about thirty); straight into `out` if it does not fit (a very long
    /// GP name).
    static func write(_ r: RankedSlot, into out: inout [UInt8], practitioners: JSONTextTable) {
        let copied = withUnsafeTemporaryAllocation(byteCount: scratchBytes, alignment: 8) { memory -> Bool in
            var scratch = JSONScratch(memory)
            writeSlot(r, into: &scratch, practitioners: practitioners)
            guard !scratch.overflowed else { return false }
            out.write(scratch.written)
            return true
        }
        if !copied { writeSlot(r, into: &out, practitioners: practitioners) }
    }

    /// One ranked slot's object into any sink.
    static func writeSlot<Sink: JSONByteSink>(_ r: RankedSlot, into out: inout Sink, practitioners: JSONTextTable) {
        out.write(#"{"slot":"#)
        out.writeInteger(r.slotID)
        out.write(#","practitioner":"#)
        practitioners.write(Int(r.practitioner), into: &out)
        out.write(#","start":"#)
        InstantText.writeQuoted(Instant(secondsSinceEpoch: r.start), into: &out)
        out.write(#","end":"#)
        InstantText.writeQuoted(Instant(secondsSinceEpoch: r.end), into: &out)
        out.write(#","mode":"#)
        out.writeString(r.mode.rawValue)
        out.write(#","cost":"#)
        out.writeInteger(r.cost)
        out.write(#","components":{"travel":"#)
        out.writeInteger(r.breakdown.travel)
        out.write(#","wait":"#)
        out.writeInteger(r.breakdown.wait)
        out.write(#","treatingGP":"#)
        out.writeInteger(r.breakdown.treatingGP)
        out.write(#","practitionerLoad":"#)
        out.writeInteger(r.breakdown.practitionerLoad)
        out.write(#","poleLoad":"#)
        out.writeInteger(r.breakdown.poleLoad)
        out.write(#"},"travelMinutes":"#)
        out.writeInteger(r.travelMinutes)
        out.write(#","waitMinutes":"#)
        out.writeInteger(r.waitMinutes)
        out.write(#","outsideTarget":"#)
        out.write(r.outsideTarget ? "true}" : "false}")
    }
}
