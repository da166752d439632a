/// The field names of a demand log, the same in the CSV header and as JSON Lines keys (docs/demand-log.md).
public enum DemandLogColumns {
    public static let all = [
        "id", "received_at", "commune", "lat", "lon", "age_band", "reason", "flags", "urgency",
        "mobility", "modes", "treating_gp", "booked_start", "booked_rpps", "outcome",
    ]
    /// Needed in every file: the rest may be absent or empty.
    public static let required = ["id", "received_at"]
}
