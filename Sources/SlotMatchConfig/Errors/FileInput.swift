import Foundation
import SlotMatchCore

/// Reads whole input files, turning "no such file" or "too large" into an `InputError` a person can act on.
/// Every reader of a file given by a user goes through here: reference files and published agendas alike.
public enum FileInput {
    /// Largest file read whole by default (64 MiB): far above any real roster or agenda, low enough that a
    /// hostile file cannot exhaust memory.
    public static let maximumBytes = 64 << 20

    /// The bytes of the file at `path`; a file over `limit` bytes is refused before it is read.
    /// `what` names the file in messages ("roster", "published agenda").
    public static func bytes(path: String, what: String, limit: Int = maximumBytes,
                             overLimitRemedy: String = "Check that this is the right file.") throws(InputError) -> [UInt8] {
        let place = SourcePlace(file: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard exists else {
            throw InputError(place, "the \(what) file does not exist", remedy: "Check the path and the spelling of the file name.")
        }
        guard !isDirectory.boolValue else {
            throw InputError(place, "this is a folder, not a \(what) file", remedy: "Give the path of a readable file.")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw InputError(place, "the \(what) file is \(size) bytes, over the \(limit)-byte limit", remedy: overLimitRemedy)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(place, "the \(what) file cannot be read", remedy: "Give the path of a readable file.")
        }
        defer { try? handle.close() }
        let data: Data
        // At most limit + 1 bytes: the file may have grown since it was measured.
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw InputError(place, "the \(what) file cannot be read (\(error.localizedDescription))",
                             remedy: "Give the path of a readable file.")
        }
        guard data.count <= limit else {
            throw InputError(place, "the \(what) file grew over the \(limit)-byte limit while being read",
                             remedy: "Wait until the file is completely written, then read it again.")
        }
        return [UInt8](data)
    }
}
