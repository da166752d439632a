import SlotMatchCore

extension Territory {
    /// The rules of the territory's time zone (`timeZone` in its file), which every local time is read in and
    /// the SNP week is counted in. A zone the database does not know is an input error on the territory file.
    public func zoneRules(in database: ZoneInfoDatabase = .system) throws(InputError) -> ZoneRules {
        guard let rules = database.rules(for: timeZoneIdentifier) else {
            throw InputError(SourcePlace(jsonPath: "$.timeZone"),
                             "the time zone \(timeZoneIdentifier) of the territory is not in the system's zoneinfo",
                             remedy: "Install the tzdata package, or name an IANA zone such as Europe/Paris in the territory file.")
        }
        return rules
    }
}
