/// Replaces request ids with a sequence (`req-000001`, … in the order given, which should be time order), so
/// an exported log links back to no stored row. Nothing else identifies a patient in a demand record.
public enum DemandPseudonymiser {
    public static func pseudonymised(_ records: [DemandRecord], prefix: String = "req-") -> [DemandRecord] {
        records.enumerated().map { i, r in
            var copy = r
            let digits = String(i + 1)
            copy.id = prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
            return copy
        }
    }
}
