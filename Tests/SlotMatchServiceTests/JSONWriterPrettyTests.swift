import Testing
@testable import SlotMatchService

/// `JSONWriter.pretty`: the CLI's layout (sorted keys, two-space indent, final line end) from the same
/// value type the service writes compactly in member order.
@Suite struct JSONWriterPrettyTests {
    @Test func sortsKeysIndentsAndKeepsCompactOrder() {
        let v: JSONValue = .members([("b", .int(1)), ("a", .array([.double(2.5), .double(3), .null])), ("c", .members([])),
                                     ("d", .array([])), ("e", .string("x\u{7F}\"y"))])
        #expect(JSONWriter.pretty(v) == """
        {
          "a": [
            2.5,
            3,
            null
          ],
          "b": 1,
          "c": {},
          "d": [],
          "e": "x\u{7F}\\"y"
        }

        """)
        #expect(v.serialized == #"{"b":1,"a":[2.5,3,null],"c":{},"d":[],"e":"x\u007f\"y"}"#)
    }

    @Test func dictionaryLiteralsAndSortedDictionaries() {
        let literal: JSONObject = ["z": .bool(true), "y": .null]
        #expect(literal.keys == ["z", "y"])
        #expect(JSONObject(sortingKeysOf: ["z": .bool(true), "y": .null]).keys == ["y", "z"])
        #expect(JSONWriter.pretty(.string("é")) == "\"é\"\n")
    }
}
