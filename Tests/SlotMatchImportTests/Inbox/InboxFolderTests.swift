import Foundation
import Testing
@testable import SlotMatchImport
import SlotMatchCore

@Suite struct InboxFolderTests {
    /// A fresh inbox with one practitioner folder holding the given files.
    func makeInbox(files: [String]) throws -> (InboxFolder, String) {
        let root = NSTemporaryDirectory() + "inbox-" + UUID().uuidString
        let folder = root + "/10000000008"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in files { try Data("BEGIN:VCALENDAR\r\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return (InboxFolder(root: root), root)
    }

    @Test func listsPendingFilesSkippingProcessedFolders() throws {
        let (inbox, root) = try makeInbox(files: ["b.ics", "a.ics", ".hidden"])
        try FileManager.default.createDirectory(atPath: root + "/10000000008/imported", withIntermediateDirectories: true)
        let names = try inbox.pendingFiles().map(\.name)
        #expect(names == ["a.ics", "b.ics"])
    }

    @Test func aFileIsClaimedByOneRunOnly() throws {
        let (inbox, _) = try makeInbox(files: ["a.ics"])
        let file = try #require(try inbox.pendingFiles().first)
        let first = inbox.claim(file)
        let second = inbox.claim(file)
        #expect(first != nil)
        #expect(second == nil)
        #expect(try inbox.pendingFiles().isEmpty)
    }

    @Test func rejectedFilesKeepTheirErrorsAndNeverOverwrite() throws {
        let (inbox, root) = try makeInbox(files: ["a.ics"])
        let pending = try #require(try inbox.pendingFiles().first)
        let claimed = try #require(inbox.claim(pending))
        let moved = try inbox.finish(claimed, accepted: false, errors: ["a.ics:3: bad line"])
        #expect(moved == root + "/10000000008/rejected/a.ics")
        let report = try String(contentsOfFile: moved + ".errors.txt", encoding: .utf8)
        #expect(report.contains("a.ics:3: bad line"))

        // The same name arriving again lands beside the first, not over it.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/10000000008/a.ics"))
        let pendingAgain = try #require(try inbox.pendingFiles().first)
        let again = try #require(inbox.claim(pendingAgain))
        let movedAgain = try inbox.finish(again, accepted: false)
        #expect(movedAgain == root + "/10000000008/rejected/a.ics.2")
        #expect(FileManager.default.fileExists(atPath: moved))
    }

    @Test func aMissingInboxIsAClearError() {
        #expect(throws: InputError.self) { try InboxFolder(root: "/nonexistent/inbox").pendingFiles() }
    }
}
