import CSQLite
import Foundation
import Testing
@testable import SlotMatchStore

@Suite struct DatabaseTests {
    @Test func newFileHasMode0600AndAnswersWAL() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        let db = try Database(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try db.fetchOne("PRAGMA journal_mode") { $0.string(0) } == "wal")
        #expect(try db.fetchInt64("PRAGMA foreign_keys") == 1)
        #expect(try db.fetchInt64("PRAGMA synchronous") == 1)  // NORMAL
        #expect(try db.fetchInt64("PRAGMA busy_timeout") == Int64(Database.busyTimeoutMilliseconds))
    }

    @Test func walFilesAreAlsoPrivate() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        let db = try Database(path: path)
        try db.executeScript("CREATE TABLE t (x INTEGER)")
        try db.execute("INSERT INTO t VALUES (1)")
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")
        #expect((wal[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func openingAnUncreatablePathFailsWithAMessage() {
        let dir = TemporaryDirectory()
        #expect {
            _ = try Database(path: dir.file("missing-folder/x.db"))
        } throws: { error in
            (error as? DatabaseError)?.message.contains("missing-folder") == true
        }
    }

    @Test func typedBindingsRoundTrip() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        try db.executeScript("CREATE TABLE t (i INTEGER, n INTEGER, d REAL, s TEXT, b INTEGER, z TEXT, blob BLOB)")
        let insert = try db.makeStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)")
        try insert.bind(Int64.max, at: 1)
        try insert.bind(42, at: 2)
        try insert.bind(2.5, at: 3)
        try insert.bind("é\u{0}x; 'quoted'", at: 4)
        try insert.bind(true, at: 5)
        try insert.bindNull(at: 6)
        try insert.bind([0, 255, 7] as [UInt8], at: 7)
        try insert.execute()
        let row = try #require(try db.fetchOne("SELECT i, n, d, s, b, z, blob FROM t") { s in
            (s.int64(0), s.int(1), s.double(2), s.string(3), s.bool(4), s.optionalString(5), s.blob(6))
        })
        #expect(row.0 == Int64.max)
        #expect(row.1 == 42)
        #expect(row.2 == 2.5)
        #expect(row.3 == "é\u{0}x; 'quoted'")
        #expect(row.4 == true)
        #expect(row.5 == nil)
        #expect(row.6 == [0, 255, 7])
    }

    @Test func bindingByName() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        let s = try db.makeStatement("SELECT :a + @b, $c")
        try s.bind(40, named: "a")
        try s.bind(2, named: "@b")
        try s.bind("c", named: "c")
        #expect(try s.step())
        #expect(s.int(0) == 42)
        #expect(s.string(1) == "c")
        #expect(throws: DatabaseError.self) { try s.bind(1, named: "nope") }
    }

    @Test func emptyStringIsNotNull() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        #expect(try db.fetchOne("SELECT ? IS NULL, length(?)", [.text(""), .text("")]) { ($0.bool(0), $0.int(1)) }.map { $0.0 } == false)
        #expect(try db.fetchOne("SELECT length(?)", [.blob([])]) { $0.int(0) } == 0)
    }

    @Test func errorCarriesCodesMessageSQLAndArguments() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        try db.executeScript("CREATE TABLE t (k TEXT UNIQUE)")
        try db.execute("INSERT INTO t VALUES (?)", ["a"])
        let sql = "INSERT INTO t VALUES (?)"
        let error = try #require(throws: DatabaseError.self) { try db.execute(sql, ["a"]) }
        #expect(error.resultCode == SQLITE_CONSTRAINT)
        #expect(error.extendedResultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.message == "UNIQUE constraint failed: t.k")
        #expect(error.sql == sql)
        #expect(error.arguments == ["a"])
        #expect(error.description == "SQLite error 19: UNIQUE constraint failed: t.k - while executing `INSERT INTO t VALUES (?)`")
        #expect(error.isConstraintViolation)
    }

    @Test func prepareErrorsCarryTheSQL() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        let error = try #require(throws: DatabaseError.self) { _ = try db.makeStatement("SELEC 1") }
        #expect(error.resultCode == SQLITE_ERROR)
        #expect(error.sql == "SELEC 1")
        #expect(error.message.contains("syntax error"))
        #expect(throws: DatabaseError.self) { _ = try db.makeStatement("SELECT 1; SELECT 2") }
        #expect(throws: DatabaseError.self) { try db.execute("SELECT ?", []) }  // wrong argument count
    }

    @Test func writeRollsBackOnThrownErrorAndRethrowsIt() throws {
        struct Boom: Error, Equatable {}
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        try db.executeScript("CREATE TABLE t (x INTEGER)")
        #expect(throws: Boom.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 0)
        #expect(!db.isInTransaction)
        // A failing statement half-way also leaves nothing, and the SQLite error comes through.
        #expect(throws: DatabaseError.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (3)")
                try db.execute("INSERT INTO missing VALUES (4)")
            }
        }
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 0)
        let value = try db.write { db -> Int in try db.execute("INSERT INTO t VALUES (5)"); return 5 }
        #expect(value == 5)
        #expect(try db.fetchInt64("SELECT count(*) FROM t") == 1)
    }

    @Test func writeTakesTheWriteLockAndNestedTransactionsAreRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        let a = try Database(path: path)
        try a.executeScript("CREATE TABLE t (x INTEGER)")
        try a.write { db in
            #expect(db.isInTransaction)
            #expect(throws: DatabaseError.self) { try db.write { _ in } }
            // A second connection cannot begin a write meanwhile (short timeout to keep the test quick).
            let b = try Database(path: path)
            sqlite3_busy_timeout(b.handle, 1)
            let error = try #require(throws: DatabaseError.self) { try b.write { _ in } }
            #expect(error.isBusy)
            // …but it can still read: WAL.
            #expect(try b.read { try $0.fetchInt64("SELECT count(*) FROM t") } == 0)
        }
    }

    @Test func dataVersionMovesWhenAnotherConnectionCommits() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        let a = try Database(path: path)
        let b = try Database(path: path)
        try a.executeScript("CREATE TABLE t (x INTEGER)")
        let before = try b.dataVersion()
        try a.write { try $0.execute("INSERT INTO t VALUES (1)") }
        #expect(try b.dataVersion() != before)
        let own = try a.dataVersion()
        try a.write { try $0.execute("INSERT INTO t VALUES (2)") }
        #expect(try a.dataVersion() == own)  // its own commits do not move it
    }

    @Test func cachedStatementsAreReused() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        let first = try db.cachedStatement("SELECT ?")
        let second = try db.cachedStatement("SELECT ?")
        #expect(first === second)
        for i in 0 ..< 3 { #expect(try db.fetchInt64("SELECT ?", [.int(i)]) == Int64(i)) }
    }
}
