import Foundation
import SlotMatchCore

/// Reads whole input files, turning "no such file" into an `InputError` a person can act on.
public enum FileInput {
    /// Largest file read whole (64 MiB): reference files are small; anything bigger is a mistake.
    public static let maximumBytes = 64 << 20

    /// The bytes of the file at `path`.
    public static func bytes(path: String, what: String) throws(InputError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw InputError(SourcePlace(file: path),
                             exists ? (isDirectory.boolValue ? "this is a folder, not a \(what) file" : "the \(what) file cannot be read")
                                    : "the \(what) file does not exist",
                             remedy: exists ? "Give the path of a readable file." : "Check the path and the spelling of the file name.")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.readToEnd() ?? Data() } catch {
            throw InputError(SourcePlace(file: path), "the \(what) file cannot be read (\(error.localizedDescription))",
                             remedy: "Give the path of a readable file.")
        }
        guard data.count <= maximumBytes else {
            throw InputError(SourcePlace(file: path), "the \(what) file is larger than 64 MiB",
                             remedy: "Check that this is the right file.")
        }
        return [UInt8](data)
    }
}
