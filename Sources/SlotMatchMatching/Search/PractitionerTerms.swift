/// What one query needs about one GP, worked out once per GP met (never per slot): travel, the modes
/// and tags their slots may have for this patient, and the cost terms that do not depend on the slot.
struct PractitionerTerms {
    var travelMinutes: Int
    /// Slot modes allowed: wanted ∩ offered, home visits only within the GP's radius.
    var modes: UInt8
    /// Tags that qualify a slot; SNP only counts for a GP in the SNP scheme.
    var visibility: UInt8
    /// Where the GP's used counts start in `SlotIndex.weekUsed`, and the cap: a slot of week w is
    /// refused when `weekUsed[usedBase + w] >= cap` (the SNP cap counts per week, the slot's own).
    var usedBase: Int
    var cap: Int32
    var treatingGP: Int
    var practitionerLoad: Int
    var poleLoad: Int
    /// now + travel: the earliest start of an office or home-visit slot.
    var physicalEarliest: Int64
    /// The earliest start of any allowed slot (now when video is allowed).
    var earliest: Int64
    /// The travel term of the cheapest allowed mode (0 when video is allowed).
    var minimumTravelCost: Int
    var travelCost: Int

    /// The slot-independent part of the cost.
    var constant: Int { treatingGP + practitionerLoad + poleLoad }
}
