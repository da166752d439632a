import Foundation
import SlotMatchCore

/// A folder where each GP's published files arrive, one sub-folder per practitioner: `DIR/<RPPS>/…`.
///
/// Processing claims a file by renaming it into `DIR/<RPPS>/.processing/` — `rename(2)` is atomic, so
/// when two inbox runs race for one file exactly one of them gets it and the file is imported once.
/// A processed file is moved to `imported/` or `rejected/` beside it (with `<name>.errors.txt` for a
/// rejection); nothing is ever deleted, and a name already taken gets a numbered suffix.
public struct InboxFolder: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// A file waiting in the inbox.
    public struct PendingFile: Sendable, Hashable {
        /// The practitioner folder's name (normally an RPPS number).
        public var folder: String
        public var name: String
        public var path: String
    }

    /// A file this run has claimed: only this run will process it.
    public struct ClaimedFile: Sendable, Hashable {
        public var pending: PendingFile
        /// Where the file is while it is processed.
        public var processingPath: String
    }

    /// Files waiting in `DIR/<folder>/`, sorted by folder then name; hidden files and the
    /// `imported/`, `rejected/`, `.processing/` folders are skipped.
    public func pendingFiles() throws(InputError) -> [PendingFile] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(SourcePlace(file: root), "the inbox folder does not exist",
                             remedy: "Create it with one sub-folder per GP named by RPPS number, or fix the path.")
        }
        let folders = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var files: [PendingFile] = []
        for folder in folders {
            let folderPath = root + "/" + folder
            guard fm.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in ((try? fm.contentsOfDirectory(atPath: folderPath)) ?? []).sorted()
            where !PublishedFileListing.isSkipped(name) {
                let path = folderPath + "/" + name
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files.append(PendingFile(folder: folder, name: name, path: path))
            }
        }
        return files
    }

    /// Claims a file for this run by an atomic rename; nil when another run claimed it first.
    public func claim(_ file: PendingFile) -> ClaimedFile? {
        let processing = root + "/" + file.folder + "/.processing"
        try? FileManager.default.createDirectory(atPath: processing, withIntermediateDirectories: true)
        let target = processing + "/" + file.name + "." + String(getpid())
        guard rename(file.path, target) == 0 else { return nil }
        return ClaimedFile(pending: file, processingPath: target)
    }

    /// Moves a processed file to `imported/` or `rejected/` (with its errors beside it) and returns its new path.
    @discardableResult
    public func finish(_ claimed: ClaimedFile, accepted: Bool, errors: [String] = []) throws(InputError) -> String {
        let folder = root + "/" + claimed.pending.folder + "/" + (accepted ? "imported" : "rejected")
        let fm = FileManager.default
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var destination = folder + "/" + claimed.pending.name
        var counter = 1
        while fm.fileExists(atPath: destination) {
            counter += 1
            destination = folder + "/" + claimed.pending.name + "." + String(counter)
        }
        guard rename(claimed.processingPath, destination) == 0 else {
            throw InputError(SourcePlace(file: claimed.processingPath), "the processed file could not be moved to \(folder)",
                             remedy: "Check that the inbox folder is writable; the file is still in .processing/.")
        }
        if !accepted {
            let report = errors.joined(separator: "\n") + "\n"
            _ = fm.createFile(atPath: destination + ".errors.txt", contents: Data(report.utf8))
        }
        return destination
    }
}
