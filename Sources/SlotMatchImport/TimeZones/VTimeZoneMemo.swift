import Foundation
import SlotMatchCore

/// The rules of VTIMEZONEs already read, so that the same VTIMEZONE met again is not expanded again.
///
/// Why: expanding a VTIMEZONE's STANDARD/DAYLIGHT rules through `VTimeZoneRules.defaultHorizonYear` costs about
/// as much as expanding all of a GP's own events for a year (docs/benchmarks.md), and every file exported by one
/// agenda program carries the very same VTIMEZONE text. A VTIMEZONE is the same when its names, parameters and
/// values are, recursively (where it was read does not matter: the rules do not depend on it). Only successful
/// reads are kept (a faulty VTIMEZONE is read, and reported with its own file and line, every time); at most
/// `capacity` zones are kept, so a stream of odd files cannot fill memory.
final class VTimeZoneMemo: @unchecked Sendable {
    static let shared = VTimeZoneMemo()
    static let capacity = 64

    private let lock = NSLock()
    /// By content hash; the component is kept to check the content, not just the hash.
    private var entries: [Int: [(component: CalendarComponent, horizonYear: Int, rules: ZoneRules)]] = [:]
    private var count = 0
    /// The entry found or added last (one of `entries`).
    private var lastHit: (component: CalendarComponent, horizonYear: Int, rules: ZoneRules)?

    /// The rules of `component` through `horizonYear`: remembered, or made by `make` (and remembered).
    func rules(of component: CalendarComponent, horizonYear: Int,
               make: () throws(InputError) -> ZoneRules) throws(InputError) -> ZoneRules {
        // Files come in runs from one agenda program: the VTIMEZONE last met is compared first, without hashing.
        lock.lock()
        let last = lastHit
        lock.unlock()
        if let last, last.horizonYear == horizonYear, Self.sameContent(last.component, component) { return last.rules }
        var hasher = Hasher()
        hasher.combine(horizonYear)
        Self.hashContent(component, into: &hasher)
        let key = hasher.finalize()
        lock.lock()
        let known = entries[key]?.first { $0.horizonYear == horizonYear && Self.sameContent($0.component, component) }?.rules
        if let known { lastHit = (component, horizonYear, known) }
        lock.unlock()
        if let known { return known }
        let rules = try make()
        lock.lock()
        if count < Self.capacity {
            entries[key, default: []].append((component, horizonYear, rules))
            count += 1
            lastHit = (component, horizonYear, rules)
        }
        lock.unlock()
        return rules
    }

    static func hashContent(_ component: CalendarComponent, into hasher: inout Hasher) {
        hasher.combine(component.name)
        hasher.combine(component.properties.count)
        for property in component.properties {
            hasher.combine(property.name)
            hasher.combine(property.value)
            hasher.combine(property.parameters.count)
            for parameter in property.parameters {
                hasher.combine(parameter.name)
                hasher.combine(parameter.values)
            }
        }
        hasher.combine(component.components.count)
        for sub in component.components { hashContent(sub, into: &hasher) }
    }

    /// Equal names, parameters and values, recursively; places ignored.
    static func sameContent(_ a: CalendarComponent, _ b: CalendarComponent) -> Bool {
        guard a.name == b.name, a.properties.count == b.properties.count, a.components.count == b.components.count else { return false }
        // By position, fields read in place (no copy of each property pair).
        for i in a.properties.indices {
            guard a.properties[i].name == b.properties[i].name, a.properties[i].value == b.properties[i].value,
                  a.properties[i].parameters == b.properties[i].parameters else { return false }
        }
        for i in a.components.indices where !sameContent(a.components[i], b.components[i]) { return false }
        return true
    }
}
