import Foundation
import SlotMatchCore

/// Reads a published agenda file into memory, refusing one larger than the limit before reading it.
public enum PublishedFileBytes {
    /// 64 MiB: far above any real agenda, low enough that a hostile file cannot exhaust memory.
    public static let defaultLimit = 64 << 20

    public static func read(path: String, limit: Int = defaultLimit) throws(InputError) -> [UInt8] {
        let place = SourcePlace(file: path)
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw InputError(place, "the file cannot be opened", remedy: "Check the path and that the file is readable.")
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            throw InputError(place, "this is a folder, not a file", remedy: "Name the files inside it, or use --inbox for an inbox folder.")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw InputError(place, "the file is \(size) bytes, over the \(limit)-byte limit",
                             remedy: "Publish a shorter range, or raise the limit with --max-file-size if the file is genuine.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(place, "the file cannot be read", remedy: "Check its permissions.")
        }
        defer { try? handle.close() }
        // Read at most limit + 1 bytes: the file may have grown since it was measured.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            throw InputError(place, "the file grew over the \(limit)-byte limit while being read",
                             remedy: "Wait until the file is completely written, then import it again.")
        }
        return [UInt8](data)
    }
}
