import CSQLite
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct AuditTests {
    /// A store with three audit entries.
    func storeWithThreeEntries(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Store(path: dir.file())
        try store.appendAudit(actor: "op-17", action: "slot.hold", subject: "slot:1", details: #"{"ttl":120}"#, at: t0)
        try store.appendAudit(actor: "op-17", action: "appointment.book", subject: "slot:1", details: #"{"request":"R-1"}"#,
                              at: t0.adding(seconds: 30))
        try store.appendAudit(actor: "op-04", action: "appointment.cancel", subject: "slot:1", details: #"{"reason":"gp-absent"}"#,
                              at: t0.adding(seconds: 90))
        return store
    }

    @Test func entriesAreChainedWithTheDocumentedHash() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithThreeEntries(dir)
        let entries = try store.auditEntries()
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries[0].previousHash == AuditEntry.genesisHash)
        #expect(entries[1].previousHash == entries[0].hash)
        #expect(entries[2].previousHash == entries[1].hash)
        // hash = SHA-256 hex of prev_hash|seq|at|actor|action|subject|details
        let text = entries[0].hash + "|2|" + String(t0.secondsSinceEpoch + 30) + #"|op-17|appointment.book|slot:1|{"request":"R-1"}"#
        #expect(entries[1].hash == SHA256.hexDigest(of: text))
        #expect(try store.verifyAudit() == .intact(entries: 3))
    }

    @Test func emptyLogIsIntact() throws {
        let dir = TemporaryDirectory()
        #expect(try Store(path: dir.file()).verifyAudit() == .intact(entries: 0))
    }

    @Test func triggersRefuseUpdateAndDelete() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithThreeEntries(dir)
        let update = try #require(throws: DatabaseError.self) {
            try store.write { try $0.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2") }
        }
        #expect(update.resultCode == SQLITE_CONSTRAINT)
        #expect(update.message.contains("append-only"))
        let delete = try #require(throws: DatabaseError.self) {
            try store.write { try $0.execute("DELETE FROM audit_log WHERE seq = 3") }
        }
        #expect(delete.message.contains("append-only"))
        #expect(try store.verifyAudit() == .intact(entries: 3))
    }

    @Test func anEditedRowIsDetected() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithThreeEntries(dir)
        try store.database.executeScript("DROP TRIGGER audit_log_no_update")
        try store.database.execute("UPDATE audit_log SET details = ? WHERE seq = 2", [#"{"request":"R-2"}"#])
        #expect(try store.verifyAudit() == .broken(seq: 2, problem: .editedRow))
    }

    @Test func anEditedRowWithARecomputedHashBreaksTheNextLink() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithThreeEntries(dir)
        try store.database.executeScript("DROP TRIGGER audit_log_no_update")
        var forged = try store.auditEntries()[1]
        forged.actor = "op-99"
        try store.database.execute("UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 2", [.text(forged.actor), .text(forged.recomputedHash)])
        #expect(try store.verifyAudit() == .broken(seq: 3, problem: .badLink))
    }

    @Test func aDeletedRowIsDetected() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithThreeEntries(dir)
        try store.database.executeScript("DROP TRIGGER audit_log_no_delete")
        try store.database.execute("DELETE FROM audit_log WHERE seq = 2")
        #expect(try store.verifyAudit() == .broken(seq: 2, problem: .deletedRow))
    }

    @Test func deletedLastRowsAreDetected() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithThreeEntries(dir)
        try store.database.executeScript("DROP TRIGGER audit_log_no_delete")
        try store.database.execute("DELETE FROM audit_log WHERE seq = 3")
        #expect(try store.verifyAudit() == .broken(seq: 3, problem: .deletedTail))
        // Appending afterwards does not hide it: the gap stays.
        try store.appendAudit(actor: "op-1", action: "slot.hold", subject: "slot:9", details: "{}", at: t0)
        #expect(try store.verifyAudit() == .broken(seq: 3, problem: .deletedRow))
    }

    @Test func appendAuditNeedsATransactionAndCleanFields() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        #expect(throws: DatabaseError.self) {
            try store.database.appendAudit(actor: "op", action: "a", subject: "s", details: "{}", at: t0)
        }
        #expect(throws: InputError.self) { try store.appendAudit(actor: "op|x", action: "a", subject: "s", details: "{}", at: t0) }
        #expect(throws: InputError.self) { try store.appendAudit(actor: "", action: "a", subject: "s", details: "{}", at: t0) }
        #expect(throws: DatabaseError.self) { try store.appendAudit(actor: "op", action: "a", subject: "s", details: "not json", at: t0) }
        #expect(try store.auditEntries().isEmpty)
    }

    @Test func aChangeAndItsAuditEntryCommitOrRollBackTogether() throws {
        struct Refused: Error {}
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        #expect(throws: Refused.self) {
            try store.write { db in
                _ = try db.upsertPractitioners([practitioner(1)], at: t0)
                try db.appendAudit(actor: "op-1", action: "roster.import", subject: "roster", details: "{}", at: t0)
                throw Refused()
            }
        }
        #expect(try store.auditEntries().isEmpty)
        #expect(try store.practitioners().isEmpty)
        // The next append starts the chain at 1 again: nothing of the rolled-back entry remains.
        let entry = try store.appendAudit(actor: "op-1", action: "roster.import", subject: "roster", details: "{}", at: t0)
        #expect(entry.seq == 1)
        #expect(try store.verifyAudit() == .intact(entries: 1))
    }

    @Test func auditDetailsIsValidJSON() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.file())
        var details = AuditDetails()
        details.add("reason", "say \"no\"\\\n\u{01}é")
        details.add("slot", Int64(42))
        details.add("outsideTarget", true)
        details.addNull("hold")
        #expect(details.json == #"{"reason":"say \"no\"\\\n\u0001é","slot":42,"outsideTarget":true,"hold":null}"#)
        #expect(try db.fetchOne("SELECT json_valid(?), json_extract(?, '$.reason')", [.text(details.json), .text(details.json)]) {
            ($0.bool(0), $0.string(1))
        }.map { $0.0 && $0.1 == "say \"no\"\\\n\u{01}é" } == true)
    }
}
