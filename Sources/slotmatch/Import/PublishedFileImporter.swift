import SlotMatchConfig
import SlotMatchCore
import SlotMatchImport
import SlotMatchStore

/// Imports published agenda files into the store, one transaction per file: reads and prepares the file
/// with `ImportPreparation` (which never touches the store), then applies every practitioner's part of it
/// with `Database.applyImport` inside a single `BEGIN IMMEDIATE` transaction, so a file is all or nothing.
/// Several files are prepared at once on `jobs` cores (`ConcurrentFileWork`); they are applied one by one,
/// in the order given, so the store and the results are the same for any number of jobs.
struct PublishedFileImporter {
    var store: Store
    var preparation: ImportPreparation
    var maxFileSize: Int
    var now: Instant
    /// How many files are read and expanded at once (`--jobs`); 1 reads them one after the other.
    var jobs = 1

    /// Files prepared (or, in inbox mode, claimed) together: a few per job, so every core stays busy while the
    /// memory held by prepared files waiting for their transaction stays bounded.
    var batchSize: Int { max(1, jobs) * 4 }

    /// One file to import: its path, the stable source name of its slots, and whose slots it may change.
    struct PendingFile: Sendable {
        var path: String
        var source: String
        var authority: ImportAuthority
    }

    /// What reading and preparing a file gave, before anything is written.
    enum FilePreparation: Sendable {
        case prepared([PreparedImport], bytes: [UInt8])
        /// The file could not be read or prepared; the hash is empty when its bytes could not be read.
        case refused(hash: String, errors: [String])
    }

    /// Imports one file already claimed or named on the command line; never throws for the file's own faults.
    func importFile(path: String, source: String, authority: ImportAuthority) -> FileImportResult {
        let file = PendingFile(path: path, source: source, authority: authority)
        return apply(Self.prepare(file, preparation: preparation, maxFileSize: maxFileSize, now: now), to: file)
    }

    /// Imports the files in order; up to `jobs` of them are read and prepared at once while earlier ones are written.
    func importFiles(_ files: [PendingFile]) -> [FileImportResult] {
        let preparation = preparation, maxFileSize = maxFileSize, now = now
        let batch = batchSize
        var results: [FileImportResult] = []
        results.reserveCapacity(files.count)
        var first = 0
        while first < files.count {
            let part = Array(files[first ..< min(files.count, first + batch)])
            let prepared = ConcurrentFileWork.map(part.count, jobs: jobs) { index in
                Self.prepare(part[index], preparation: preparation, maxFileSize: maxFileSize, now: now)
            }
            for (file, preparation) in zip(part, prepared) { results.append(apply(preparation, to: file)) }
            first += part.count
        }
        return results
    }

    /// Reads and prepares one file without touching the store (safe to run on any thread).
    static func prepare(_ file: PendingFile, preparation: ImportPreparation, maxFileSize: Int, now: Instant) -> FilePreparation {
        let bytes: [UInt8]
        do { bytes = try PublishedFileBytes.read(path: file.path, limit: maxFileSize) } catch {
            return .refused(hash: "", errors: [error.description])
        }
        do {
            return .prepared(try preparation.prepare(bytes: bytes, file: file.path, source: file.source, authority: file.authority, now: now),
                             bytes: bytes)
        } catch {
            return .refused(hash: SHA256.hexDigest(of: bytes), errors: [error.description])
        }
    }

    /// Writes a prepared file in one transaction, or records its rejection.
    func apply(_ preparation: FilePreparation, to file: PendingFile) -> FileImportResult {
        let path = file.path
        let prepared: [PreparedImport], bytes: [UInt8]
        switch preparation {
        case .refused(let hash, let errors): return reject(file, hash: hash, errors: errors)
        case .prepared(let parts, let read): prepared = parts; bytes = read
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
            return reject(file, hash: SHA256.hexDigest(of: bytes), errors: [error.description])
        } catch {
            return reject(file, hash: SHA256.hexDigest(of: bytes),
                          errors: ["\(path): the store refused the import (\(error)). Nothing from this file was written; try again."])
        }
    }

    private func reject(_ file: PendingFile, hash: String, errors: [String]) -> FileImportResult {
        _ = try? store.recordRejectedImport(path: file.path, source: file.source, practitioner: file.authority.expected?.digits,
                                            contentHash: hash, at: now)
        return FileImportResult(path: file.path, practitioners: file.authority.expected.map { [$0.digits] } ?? [], status: .rejected,
                                errors: errors)
    }
}
