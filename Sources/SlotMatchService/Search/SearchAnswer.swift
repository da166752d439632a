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
        out.reserveCapacity(out.count + 256 + 320 * (result.slots.count + 1))
        JSONWriter.writeRaw(#"{"at":"#, into: &out)
        InstantText.writeQuoted(at, into: &out)
        JSONWriter.writeRaw(#","deadline":"#, into: &out)
        InstantText.writeQuoted(deadline, into: &out)
        JSONWriter.writeRaw(#","modes":["#, into: &out)
        for (i, mode) in modes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.quotePlain(mode.rawValue, into: &out)
        }
        JSONWriter.writeRaw(#"],"treatingGPKnown":"#, into: &out)
        switch treatingGPKnown {
        case nil: JSONWriter.writeRaw("null", into: &out)
        case true?: JSONWriter.writeRaw("true", into: &out)
        case false?: JSONWriter.writeRaw("false", into: &out)
        }
        JSONWriter.writeRaw(#","slots":["#, into: &out)
        for (i, r) in result.slots.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            SearchAnswer.write(r, into: &out, practitioners: practitioners)
        }
        JSONWriter.writeRaw(#"],"reasons":["#, into: &out)
        for (i, reason) in result.reasons.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.quotePlain(reason.rawValue, into: &out)
        }
        JSONWriter.writeRaw(#"],"outsideTarget":"#, into: &out)
        if let offer = result.outsideTargetOffer {
            SearchAnswer.write(offer, into: &out, practitioners: practitioners)
        } else {
            JSONWriter.writeRaw("null", into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// One ranked slot's object, as `json` builds it.
    static func write(_ r: RankedSlot, into out: inout [UInt8], practitioners: JSONTextTable) {
        JSONWriter.writeRaw(#"{"slot":"#, into: &out)
        JSONWriter.writeInteger(r.slotID, into: &out)
        JSONWriter.writeRaw(#","practitioner":"#, into: &out)
        practitioners.write(Int(r.practitioner), into: &out)
        JSONWriter.writeRaw(#","start":"#, into: &out)
        InstantText.writeQuoted(Instant(secondsSinceEpoch: r.start), into: &out)
        JSONWriter.writeRaw(#","end":"#, into: &out)
        InstantText.writeQuoted(Instant(secondsSinceEpoch: r.end), into: &out)
        JSONWriter.writeRaw(#","mode":"#, into: &out)
        JSONWriter.quotePlain(r.mode.rawValue, into: &out)
        JSONWriter.writeRaw(#","cost":"#, into: &out)
        JSONWriter.writeInteger(r.cost, into: &out)
        JSONWriter.writeRaw(#","components":{"travel":"#, into: &out)
        JSONWriter.writeInteger(r.breakdown.travel, into: &out)
        JSONWriter.writeRaw(#","wait":"#, into: &out)
        JSONWriter.writeInteger(r.breakdown.wait, into: &out)
        JSONWriter.writeRaw(#","treatingGP":"#, into: &out)
        JSONWriter.writeInteger(r.breakdown.treatingGP, into: &out)
        JSONWriter.writeRaw(#","practitionerLoad":"#, into: &out)
        JSONWriter.writeInteger(r.breakdown.practitionerLoad, into: &out)
        JSONWriter.writeRaw(#","poleLoad":"#, into: &out)
        JSONWriter.writeInteger(r.breakdown.poleLoad, into: &out)
        JSONWriter.writeRaw(#"},"travelMinutes":"#, into: &out)
        JSONWriter.writeInteger(r.travelMinutes, into: &out)
        JSONWriter.writeRaw(#","waitMinutes":"#, into: &out)
        JSONWriter.writeInteger(r.waitMinutes, into: &out)
        JSONWriter.writeRaw(#","outsideTarget":"#, into: &out)
        if r.outsideTarget { JSONWriter.writeRaw("true}", into: &out) } else { JSONWriter.writeRaw("false}", into: &out) }
    }
}
