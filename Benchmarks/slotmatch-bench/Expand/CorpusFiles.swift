import Glibc

/// The `.ics` files of a directory (sorted by name), or one file, read into memory before anything is timed.
struct CorpusFiles {
    var names: [String]
    var contents: [[UInt8]]
    var bytes: Int { contents.reduce(0) { $0 + $1.count } }

    struct ReadError: Error { var message: String }

    static func read(_ path: String) throws(ReadError) -> CorpusFiles {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(message: "cannot read \(path)") }
        var names: [String] = []
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let dir = opendir(path) else { throw ReadError(message: "cannot open the folder \(path)") }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasSuffix(".ics") { names.append(path + "/" + name) }
            }
            names.sort()
        } else {
            names = [path]
        }
        var contents: [[UInt8]] = []
        contents.reserveCapacity(names.count)
        for name in names { contents.append(try readFile(name)) }
        return CorpusFiles(names: names, contents: contents)
    }

    static func readFile(_ name: String) throws(ReadError) -> [UInt8] {
        guard let file = fopen(name, "rb") else { throw ReadError(message: "cannot read \(name)") }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            result.append(contentsOf: chunk[0 ..< n])
        }
        guard ferror(file) == 0 else { throw ReadError(message: "cannot read \(name)") }
        return result
    }
}
