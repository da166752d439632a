import Foundation
import Glibc
import SlotMatchCore

/// The system's IANA time zone database (`/usr/share/zoneinfo`), read on demand and cached.
///
/// Each zone's TZif file is parsed once (`TZifReader`) into `ZoneRules` that reach `horizonYear`;
/// later lookups are a dictionary hit under a lock, so one database is shared by every reader thread.
/// Identifiers are checked before any path is built: no absolute paths, no `..`, only the characters
/// IANA names use, so a TZID in a published calendar can never make SlotMatch open another file.
public final class ZoneInfoDatabase: @unchecked Sendable {
    public static let defaultDirectory = "/usr/share/zoneinfo"
    /// The database most code uses: the system directory, rules through 2100.
    public static let system = ZoneInfoDatabase()

    public let directory: String
    public let horizonYear: Int

    // Guarded by `lock`.
    private let lock = NSLock()
    private var cache: [String: ZoneRules?] = [:]
    private var identifierList: [String]?
    private var identifiersByLowercasedName: [String: String]?
    private static let negativeCacheLimit = 4096

    public init(directory: String = defaultDirectory, horizonYear: Int = TZifReader.defaultHorizonYear) {
        self.directory = directory
        self.horizonYear = horizonYear
    }

    /// The rules of an IANA zone (`Europe/Paris`, `UTC`), or nil when the name is unknown, unsafe or its file unreadable.
    public func rules(for identifier: String) -> ZoneRules? {
        guard Self.isSafeIdentifier(identifier) else { return nil }
        lock.lock()
        if let cached = cache[identifier] { lock.unlock(); return cached }
        lock.unlock()
        let loaded = load(identifier)  // outside the lock: file reads must not serialise other lookups
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[identifier] { return cached }
        // Unknown names are remembered too, but only so many: a hostile file cannot grow the cache without bound.
        if loaded != nil || cache.count < Self.negativeCacheLimit { cache[identifier] = .some(loaded) }
        return loaded
    }

    /// Whether `identifier` can name a file under the database directory: relative, no `.` or `..` parts,
    /// only letters, digits and `/ _ - +`, at most 128 bytes.
    public static func isSafeIdentifier(_ identifier: String) -> Bool {
        let bytes = Array(identifier.utf8)
        guard !bytes.isEmpty, bytes.count <= 128, bytes.first != UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/") else { return false }
        for b in bytes {
            let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "/") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            guard ok else { return false }
        }
        for part in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.first != UInt8(ascii: ".") else { return false }
        }
        return true
    }

    /// Every zone and link name the database lists (from `tzdata.zi`, else `zone1970.tab`), for suggestions.
    public func identifiers() -> [String] {
        lock.lock()
        if let list = identifierList { lock.unlock(); return list }
        lock.unlock()
        var names: [String] = []
        if let text = read("tzdata.zi", limit: 1 << 20) {
            for line in text.split(separator: 0x0A) {
                let fields = line.split(separator: 0x20)
                if fields.count >= 2, fields[0].elementsEqual("Z".utf8) { names.append(String(decoding: fields[1], as: UTF8.self)) }
                if fields.count >= 3, fields[0].elementsEqual("L".utf8) { names.append(String(decoding: fields[2], as: UTF8.self)) }
            }
        } else if let text = read("zone1970.tab", limit: 1 << 20) {
            for line in text.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
                let fields = line.split(separator: 0x09)
                if fields.count >= 3 { names.append(String(decoding: fields[2], as: UTF8.self)) }
            }
        }
        names.sort()
        lock.lock()
        identifierList = names
        lock.unlock()
        return names
    }

    /// The listed identifier equal to `name` ignoring letter case (`europe/paris` → `Europe/Paris`).
    public func identifier(matchingCaseInsensitively name: String) -> String? {
        lock.lock()
        if let table = identifiersByLowercasedName { lock.unlock(); return table[name.lowercased()] }
        lock.unlock()
        var table: [String: String] = [:]
        for id in identifiers() where table[id.lowercased()] == nil { table[id.lowercased()] = id }
        lock.lock()
        identifiersByLowercasedName = table
        lock.unlock()
        return table[name.lowercased()]
    }

    private func load(_ identifier: String) -> ZoneRules? {
        guard let bytes = read(identifier, limit: 1 << 20) else { return nil }
        return try? TZifReader.parse(bytes: bytes, identifier: identifier, horizonYear: horizonYear)
    }

    /// A regular file under `directory`, up to `limit` bytes.
    private func read(_ relative: String, limit: Int) -> [UInt8]? {
        let path = directory + "/" + relative
        // stat(2) follows symbolic links (UTC -> Etc/UTC); only regular files are read.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
