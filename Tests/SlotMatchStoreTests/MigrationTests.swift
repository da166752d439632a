import CSQLite
import Foundation
import Testing
@testable import SlotMatchStore

@Suite struct MigrationTests {
    @Test func emptyFileIsMigratedToTheLatestVersion() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        #expect(try store.schemaVersion() == Schema.latestVersion)
        let tables = try store.database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.string(0) }
        for table in ["practitioners", "slots", "requests", "appointments", "audit_log", "imports", "meta"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let indexes = try store.database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'index'") { $0.string(0) }
        #expect(indexes.contains("slots_by_practitioner_start"))
        #expect(indexes.contains("free_slots_by_start"))
        #expect(try store.changeSequence() == 0)
    }

    @Test func requestsHaveNoIdentifyingColumns() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        let columns = try store.database.fetchAll("SELECT name FROM pragma_table_info('requests')") { $0.string(0) }
        #expect(columns.contains("urgency"))
        for forbidden in ["name", "phone", "birth_date", "notes", "text", "first_name", "last_name"] {
            #expect(!columns.contains(forbidden))
        }
    }

    @Test func reopeningAnUpToDateFileMigratesNothingAndKeepsData() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        do {
            let store = try Store(path: path)
            _ = try store.upsertPractitioners([practitioner(1)], at: t0)
        }
        let db = try Database(path: path)
        #expect(try Schema.migrate(db) == [])
        let store = try Store(path: path)
        #expect(try store.practitioners() == [practitioner(1)])
        #expect(try store.schemaVersion() == Schema.latestVersion)
    }

    @Test func migrationsApplyInOrderEachInItsOwnTransaction() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        let steps = [
            Migration(version: 1, name: "a", sql: "CREATE TABLE a (x INTEGER)"),
            Migration(version: 2, name: "b", sql: "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (2)"),
            Migration(version: 3, name: "broken", sql: "CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (1)"),
        ]
        #expect(try Schema.migrate(db, migrations: Array(steps[0 ..< 1])) == [1])
        #expect(throws: DatabaseError.self) { try Schema.migrate(db, migrations: steps) }
        // Step 2 committed, step 3 rolled back whole: no table c, version 2.
        #expect(try Schema.version(of: db) == 2)
        #expect(try db.fetchInt64("SELECT count(*) FROM a") == 1)
        #expect(try db.fetchInt64("SELECT count(*) FROM sqlite_schema WHERE name = 'c'") == 0)
    }

    @Test func aNewerFileIsRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        do {
            let db = try Database(path: path)
            try db.executeScript("PRAGMA user_version = \(Schema.latestVersion + 1)")
        }
        let error = try #require(throws: SchemaVersionError.self) { _ = try Store(path: path) }
        #expect(error.fileVersion == Schema.latestVersion + 1)
        #expect(error.knownVersion == Schema.latestVersion)
        #expect(error.description.contains("newer SlotMatch"))
        // Nothing was created in it.
        let db = try Database(path: path)
        #expect(try db.fetchInt64("SELECT count(*) FROM sqlite_schema") == 0)
    }

    @Test func severalConnectionsOpeningAFreshFileAtOnceMigrateItOnce() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try Store(path: path) } catch { failures.record(String(describing: error)) }
        }
        #expect(failures.messages == [])
        let store = try Store(path: path)
        #expect(try store.schemaVersion() == Schema.latestVersion)
        #expect(try store.database.fetchInt64("SELECT count(*) FROM meta") == 1)
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("roster.csv")
        try "rpps,name\n10000000017,Dr Test\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: DatabaseError.self) { _ = try Store(path: path) }
        #expect(error.resultCode == SQLITE_NOTADB)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("rpps,name"))  // left as it was
    }

    @Test func defaultPathIsLocalFile() {
        // SLOTMATCH_DB is not set by the test runner; the default is then ./slotmatch.db.
        if getenvString("SLOTMATCH_DB") == nil { #expect(Store.defaultPath == "./slotmatch.db") }
        else { #expect(Store.defaultPath == getenvString("SLOTMATCH_DB")) }
    }
}

import Glibc
private func getenvString(_ name: String) -> String? {
    guard let p = getenv(name), p.pointee != 0 else { return nil }
    return String(cString: p)
}

/// Error messages collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func record(_ message: String) { lock.lock(); storage.append(message); lock.unlock() }
    var messages: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}

@Suite struct HeldSlotIndexTests {
    /// The expired-hold sweep must be served by the partial index on held slots, not a scan of every slot.
    @Test func sweepingExpiredHoldsUsesTheHeldSlotIndex() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        let plan = try store.database.fetchAll("""
            EXPLAIN QUERY PLAN SELECT id FROM slots WHERE status = 'held' AND hold_expires_utc <= 0 ORDER BY id
            """) { $0.string(3) }
        #expect(plan.contains { $0.contains("slots_held_by_id") }, "plan: \(plan)")
    }
}
