import Testing
import Foundation
import SlotMatchCore
import SlotMatchConfig

@Suite struct ZoneInfoDatabaseTests {
    @Test(arguments: ["../etc/passwd", "/etc/passwd", "Europe/../../etc/passwd", "Europe/./Paris", "", "Europe/Paris\0", "Europe//Paris",
                      "Europe/Paris/", ".hidden", "Europe\\Paris", "Europe/Paris ", String(repeating: "a", count: 200)])
    func refusesUnsafeIdentifiers(identifier: String) {
        #expect(!ZoneInfoDatabase.isSafeIdentifier(identifier))
        #expect(ZoneInfoDatabase.system.rules(for: identifier) == nil)
    }

    @Test func refusesTraversalEvenWhenTheTargetIsATZifFile() throws {
        // A database rooted in a sub-folder cannot reach a sibling zone with "../".
        let db = ZoneInfoDatabase(directory: "/usr/share/zoneinfo/Europe")
        #expect(db.rules(for: "Paris") != nil)
        #expect(db.rules(for: "../America/New_York") == nil)
    }

    @Test func unknownAndNonZoneFilesGiveNil() {
        #expect(ZoneInfoDatabase.system.rules(for: "Europe/Atlantis") == nil)
        #expect(ZoneInfoDatabase.system.rules(for: "Europe") == nil)  // a directory
        #expect(ZoneInfoDatabase.system.rules(for: "zone1970.tab") == nil)  // not TZif
    }

    @Test func cachesAndIsSharedAcrossThreads() async {
        let db = ZoneInfoDatabase()
        let names = ["Europe/Paris", "America/New_York", "UTC", "Asia/Kolkata"]
        let results = await withTaskGroup(of: ZoneRules?.self) { group in
            for i in 0 ..< 32 { group.addTask { db.rules(for: names[i % names.count]) } }
            var all: [ZoneRules?] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 != nil })
        #expect(db.rules(for: "Europe/Paris") == db.rules(for: "Europe/Paris"))
    }

    @Test func listsIdentifiers() {
        let names = ZoneInfoDatabase.system.identifiers()
        #expect(names.contains("Europe/Paris"))
        #expect(names.contains("America/New_York"))
    }

    @Test func readsADatabaseInAnotherFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Test"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = TZifWriter.file(version: UInt8(ascii: "2"), times: [], types: [], offsets: [19800], footer: "IST-5:30")
        try Data(bytes).write(to: folder.appendingPathComponent("Test/Zone"))
        let db = ZoneInfoDatabase(directory: folder.path)
        #expect(db.rules(for: "Test/Zone")?.offset(at: Instant(secondsSinceEpoch: 0)) == 19800)
    }
}
