import Testing
@testable import SlotMatchImport
import SlotMatchCore

/// Every reader, on every truncation and on random corruptions of a good file, either reads it or
/// throws an `InputError` with the file name: it never crashes, hangs or throws anything else.
@Suite struct MalformedInputTests {
    enum Reader: String, CaseIterable { case xcal, fhirJSON, fhirXML, csv }

    static func sample(_ reader: Reader) -> [UInt8] {
        switch reader {
        case .xcal: return Array(XCalReaderTests.document.utf8)
        case .fhirJSON: return Array(FHIRFixtures.sasBundle.utf8)
        case .fhirXML: return Array(FHIRFixtures.sasBundleXML.utf8)
        case .csv:
            return Array(("rpps,start,end,mode,visibility,slot_minutes\n"
                + "\(FHIRFixtures.martin),2026-12-07 09:00,2026-12-07 12:00,AMB,\"SNP,CPTS\",20\n"
                + "\(FHIRFixtures.lefevre),2026-12-08T14:00+01:00,2026-12-08T18:00+01:00,HH,SNP|PRO,\n").utf8)
        }
    }

    /// True when the bytes were read or refused with an InputError naming the file.
    static func readsOrRefuses(_ reader: Reader, _ bytes: [UInt8]) -> Bool {
        do {
            switch reader {
            case .xcal: _ = try XCalReader.parse(bytes: bytes, file: "f")
            case .fhirJSON, .fhirXML: _ = try FHIRBundleReader.read(bytes: bytes, file: "f")
            case .csv: _ = try AvailabilityCSVReader.read(bytes: bytes, file: "f", zone: .utc)
            }
            return true
        } catch {
            return error.place.file == "f" && !error.problem.isEmpty && !error.remedy.isEmpty
        }
    }

    @Test(arguments: Reader.allCases)
    func everyTruncation(reader: Reader) {
        let bytes = Self.sample(reader)
        #expect(Self.readsOrRefuses(reader, bytes))
        var bad: [Int] = []
        for length in stride(from: 0, to: bytes.count, by: 3) where !Self.readsOrRefuses(reader, Array(bytes[..<length])) {
            bad.append(length)
        }
        #expect(bad.isEmpty, "\(reader): prefixes \(bad.prefix(5))")
    }

    @Test(arguments: Reader.allCases)
    func randomCorruptions(reader: Reader) {
        let bytes = Self.sample(reader)
        var random = SplitMix64(state: 20261207 &+ UInt64(reader.rawValue.utf8.count))
        let alphabet = Array("<>&;\"'/=,|:-+TZ#\n\r\0 {}[]9a".utf8) + [0xC3, 0xFF, 0x80]
        var failures = 0
        for _ in 0 ..< 300 {
            var copy = bytes
            for _ in 0 ... random.next() % 4 {
                let at = Int(random.next() % UInt64(copy.count))
                copy[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            if !Self.readsOrRefuses(reader, copy) { failures += 1 }
        }
        #expect(failures == 0)
    }
}
