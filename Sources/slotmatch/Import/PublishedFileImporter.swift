import SlotMatchConfig
import SlotMatchCore
import SlotMatchImport
import SlotMatchStore

/// Imports published agenda files into the store, one transaction per file: reads and prepares the file
/// with `ImportPreparation` (which never touches the store), then applies every practitioner's part of it
/// with `Database.applyImport` inside a single `BEGIN IMMEDIATE` transaction, so a file is all or nothing.
struct PublishedFileImporter {
    var store: Store
    var preparation: ImportPreparation
    var maxFileSize: Int
    var now: Instant

    /// Imports one file already claimed or named on the command line; never throws for the file's own faults.
    func importFile(path: String, source: String, authority: ImportAuthority) -> FileImportResult {
        let bytes: [UInt8]
        do { bytes = try PublishedFileBytes.read(path: path, limit: maxFileSize) } catch {
            return reject(path: path, source: source, authority: authority, hash: "", errors: [error.description])
        }
        let prepared: [PreparedImport]
        do {
            prepared = try preparation.prepare(bytes: bytes, file: path, source: source, authority: authority, now: now)
        } catch {
            return reject(path: path, source: source, authority: authority, hash: SHA256.hexDigest(of: bytes), errors: [error.description])
        }
        do {
            let outcomes = try store.write { db in
                try prepared.map { part in
                    try db.applyImport(ImportPlan(
                        practitioner: part.practitioner, source: part.source, horizonStart: part.horizonStart, horizonEnd: part.horizonEnd,
                        slots: part.slots.map { PlannedSlot(start: $0.start, end: $0.end, mode: $0.mode, visibility: $0.visibility) },
                        contentHash: part.contentHash, path: path, now: now))
                }
            }
            var result = FileImportResult(path: path, practitioners: prepared.map(\.practitioner.digits),
                                          status: outcomes.allSatisfy { $0.status == .unchanged } && !outcomes.isEmpty ? .unchanged : .imported)
            for outcome in outcomes {
                result.added += outcome.added; result.removed += outcome.removed; result.kept += outcome.kept
                result.conflicts += outcome.conflicts
            }
            return result
        } catch let error as InputError {
            return reject(path: path, source: source, authority: authority, hash: SHA256.hexDigest(of: bytes), errors: [error.description])
        } catch {
            return reject(path: path, source: source, authority: authority, hash: SHA256.hexDigest(of: bytes),
                          errors: ["\(path): the store refused the import (\(error)). Nothing from this file was written; try again."])
        }
    }

    private func reject(path: String, source: String, authority: ImportAuthority, hash: String, errors: [String]) -> FileImportResult {
        _ = try? store.recordRejectedImport(path: path, source: source, practitioner: authority.expected?.digits, contentHash: hash, at: now)
        return FileImportResult(path: path, practitioners: authority.expected.map { [$0.digits] } ?? [], status: .rejected, errors: errors)
    }
}
