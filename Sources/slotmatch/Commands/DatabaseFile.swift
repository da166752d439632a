import Foundation
import SlotMatchCore

/// The SQLite database a command works on, by path: whether it exists yet, and the store calls
/// the roster commands need. (Temporary until the store branch is merged.)
struct DatabaseFile {
    var path: String

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    struct UpsertCounts { var inserted: Int; var updated: Int }
    struct Unavailable: Error, CustomStringConvertible { var description: String { "the SQLite store is not built in yet" } }

    func create() throws -> Int { throw Unavailable() }
    func upsert(_ practitioners: [Practitioner], at now: Instant) throws -> UpsertCounts { throw Unavailable() }
    func practitioners() throws -> [Practitioner] { throw Unavailable() }
}
