import Foundation
import Testing

/// The demo's operator session through the service.
@Suite struct DemoSessionTests {
    @Test func demoPipesAnOperatorSessionThroughTheService() throws {
        let s = try Scratch()
        defer { s.remove() }
        let schedules = SlotMatchProcess.packageRoot.appendingPathComponent("Schedules").path
        let r = try SlotMatchProcess.run(["demo", "--schedules", schedules, "--now", "2026-12-07T08:00:00Z", "--format", "json"],
                                         environment: ["TMPDIR": s.url.path])
        #expect(r.status == 0, "\(r.stderr)")
        let session = try #require(try r.json()["session"] as? [String: Any])
        let steps = try #require(session["steps"] as? [[String: String]])
        let methods = steps.compactMap { step -> String? in
            guard let data = step["request"]?.data(using: .utf8), let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            return o["method"] as? String
        }
        #expect(methods == ["triage", "requests.submit", "slots.find", "slots.hold", "appointments.book", "requests.submit", "slots.hold", "appointments.cancel"])
        let answers = steps.compactMap { $0["answer"] }
        #expect(answers[4].contains("\"status\":\"booked\""))
        #expect(answers[6].contains("\"code\":\"slot-unavailable\""))
        #expect(answers[7].contains("\"status\":\"cancelled\""))
    }
}
