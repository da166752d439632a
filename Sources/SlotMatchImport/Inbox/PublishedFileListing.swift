import Foundation

/// Which files a folder of published agendas holds: every file below it, in sorted order, except hidden ones and
/// what an inbox run has already processed (`imported/`, `rejected/`, `.processing/`). Shared by `slotmatch import
/// DIR`, the demo and the replay's supply folder, so that all of them read the same files.
public enum PublishedFileListing {
    /// The files named, each folder replaced by the files below it (recursively, children sorted by name).
    public static func files(in paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { files.append(path); continue }
            let children = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted().filter { !isSkipped($0) }
            files += self.files(in: children.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 })
        }
        return files
    }

    /// Hidden entries (`.processing` among them) and an inbox's processed-file folders.
    public static func isSkipped(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name == "imported" || name == "rejected"
    }
}
