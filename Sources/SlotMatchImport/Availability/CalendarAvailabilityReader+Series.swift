import SlotMatchCore

extension CalendarAvailabilityReader {
    /// A recurring (or single) component and its RECURRENCE-ID overrides, sharing one UID.
    struct Series {
        var uid: String
        var master: CalendarComponent?
        /// The master's own UID, unescaped (equal to `uid`, as Strings compare), or `uid` for a component without one.
        var masterUID: String
        var overrides: [CalendarComponent]
        /// Each override's own UID, unescaped.
        var overrideUIDs: [String]
        /// Where the master's properties are (`PropertyIndex`, read once).
        var masterIndex: PropertyIndex
        /// Where each override's properties are.
        var overrideIndexes: [PropertyIndex]

        /// A series with neither master nor overrides yet.
        init(uid: String) {
            self.uid = uid; master = nil; masterUID = uid; masterIndex = PropertyIndex([])
            overrides = []; overrideUIDs = []; overrideIndexes = []
        }

        /// A component without UID: a series of its own, named after its place.
        init(standalone component: CalendarComponent, index: PropertyIndex) {
            self.init(uid: "\(component.name)@line \(component.place.line ?? 0)")
            setMaster(component, uid: uid, index: index)
        }

        mutating func setMaster(_ component: CalendarComponent, uid: String, index: PropertyIndex) {
            master = component; masterUID = uid; masterIndex = index
        }

        mutating func addOverride(_ component: CalendarComponent, uid: String, index: PropertyIndex) {
            overrides.append(component); overrideUIDs.append(uid); overrideIndexes.append(index)
        }
    }

    /// Groups the components `named` (VEVENT, AVAILABLE) among `components` by UID, in file order; a component
    /// without UID stands alone (it cannot be overridden). The general grouping: one dictionary look-up per component.
    static func series(of components: [CalendarComponent], named name: String) throws(InputError) -> [Series] {
        var result: [Series] = []
        var indexOfUID: [String: Int] = [:]
        for component in components where component.name == name {
            guard let uidProperty = component.property("UID") else {
                if let rid = component.property("RECURRENCE-ID") {
                    throw InputError(rid.place, "this \(component.name) has a RECURRENCE-ID but no UID",
                                     remedy: "Give the changed occurrence the same UID as the recurring \(component.name) it changes.")
                }
                result.append(Series(standalone: component, index: PropertyIndex(component.properties)))
                continue
            }
            let uid = TextValue.unescape(uidProperty.value)
            let index: Int
            if let existing = indexOfUID[uid] { index = existing } else {
                index = result.count
                indexOfUID[uid] = index
                result.append(Series(uid: uid))
            }
            if component.property("RECURRENCE-ID") != nil {
                result[index].addOverride(component, uid: uid, index: PropertyIndex(component.properties))
            } else if let previous = result[index].master {
                throw InputError(component.place, "two \(component.name) components share the UID \(uid) (the first at line \(previous.place.line ?? 0))",
                                 remedy: "Give each event its own UID; only changed occurrences (with RECURRENCE-ID) may repeat a UID.")
            } else {
                result[index].setMaster(component, uid: uid, index: PropertyIndex(component.properties))
            }
        }
        return result
    }

    /// The series of `components` (as `series(of:)`) and the rank of each one's UID (`OccurrenceOrder.uidRanks`).
    ///
    /// Fast path: files write a series' components one after the other, so `consecutiveSeries` groups them by
    /// comparing each UID with the previous one, without hashing. Its result is the general one when the series'
    /// UIDs are all different, which the sort that ranks them shows (equal UIDs end up side by side); otherwise, or
    /// on any error, the general grouping runs and gives the answer, or the error at its place.
    static func seriesAndRanks(of components: [CalendarComponent], named name: String,
                               general: Bool) throws(InputError) -> (series: [Series], ranks: [UInt64]) {
        if !general, let series = consecutiveSeries(of: components, named: name) {
            let order = series.indices.sorted { series[$0].uid < series[$1].uid }
            var ranks = [UInt64](repeating: 0, count: series.count)
            var distinct = true
            for (rank, index) in order.enumerated() {
                if rank > 0 && series[order[rank - 1]].uid == series[index].uid { distinct = false; break }
                ranks[index] = UInt64(rank)
            }
            if distinct { return (series, ranks) }
        }
        let series = try series(of: components, named: name)
        return (series, OccurrenceOrder.uidRanks(series.map(\.uid)))
    }

    /// `series(of:)` when every UID's components are consecutive: a component joins the series before it when its
    /// UID equals that series' UID, else starts a new one. Nil on anything the general grouping must judge (a
    /// RECURRENCE-ID without UID, a second master for one UID).
    static func consecutiveSeries(of components: [CalendarComponent], named name: String) -> [Series]? {
        var result: [Series] = []
        result.reserveCapacity(components.count)
        var lastHasUID = false
        var lastUID = ""   // the last series' UID, kept apart: reading it from the array would copy the series
        for component in components where component.name == name {
            let properties = PropertyIndex(component.properties)
            guard let uidValue = properties.value(.uid, in: component) else {
                if properties.has(.recurrenceID) { return nil }
                result.append(Series(standalone: component, index: properties))
                lastHasUID = false
                continue
            }
            let uid = TextValue.unescape(uidValue)
            let isOverride = properties.has(.recurrenceID)
            if lastHasUID, lastUID == uid {
                let last = result.count - 1
                if isOverride {
                    result[last].addOverride(component, uid: uid, index: properties)
                } else if result[last].master != nil {
                    return nil
                } else {
                    result[last].setMaster(component, uid: uid, index: properties)
                }
            } else {
                // Built in place in the array (a Series copied is a dozen retains).
                result.append(Series(uid: uid))
                lastUID = uid
                if isOverride {
                    result[result.count - 1].addOverride(component, uid: uid, index: properties)
                } else {
                    result[result.count - 1].setMaster(component, uid: uid, index: properties)
                }
                lastHasUID = true
            }
        }
        return result
    }
}
