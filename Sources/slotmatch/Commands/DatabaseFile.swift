import Foundation
import SlotMatchCore
import SlotMatchStore

/// The SQLite database a command works on, by path: whether it exists yet, and opening it.
///
/// Read-only commands (`territory`) check `exists` first so that looking never creates a file.
struct DatabaseFile {
    var path: String

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Opens the store, creating the file (mode 0600) and applying pending migrations.
    func open() throws -> Store { try Store(path: path) }

    /// The roster stored here, or none when there is no database yet.
    func practitionersIfPresent() throws -> [Practitioner] {
        exists ? try open().practitioners() : []
    }
}
