import SlotMatchConfig
import SlotMatchCore

/// Reads a published agenda file into memory, refusing one larger than the limit (`--max-file-size`) before reading it.
public enum PublishedFileBytes {
    public static let defaultLimit = FileInput.maximumBytes

    public static func read(path: String, limit: Int = defaultLimit) throws(InputError) -> [UInt8] {
        try FileInput.bytes(path: path, what: "published agenda", limit: limit,
                            overLimitRemedy: "Publish a shorter range, or raise the limit with --max-file-size if the file is genuine.")
    }
}
