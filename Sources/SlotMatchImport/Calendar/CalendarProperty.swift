import Glibc
import SlotMatchCore

/// One property of a calendar component (`DTSTART;TZID=Europe/Paris:20261207T090000`), with where it was read.
///
/// The value is the iCalendar text form, still TEXT-escaped (`\,` `\;` `\n`): the component model is the
/// same whether the file was iCalendar or xCal, and values are only decoded by the code that knows their type.
///
/// Layout: the name, its packed form, and ranges into a `CalendarPropertyStorage` shared by every property of
/// the file (value bytes, parameters, file name), so a property holds one reference and, for the usual names
/// and values, no allocation of its own. A value of at most 15 bytes is kept as a `String` (a small string: no allocation, no reference count);
/// a longer one (UID, DTSTAMP, RRULE, SUMMARY …) is built from the shared bytes when asked, so values nobody
/// reads cost nothing. `value`, `parameters` and `place` are the same as what was parsed.
public struct CalendarProperty: Sendable, Hashable {
    /// Upper-cased name (`DTSTART`, `RRULE`, `X-SLOT-DURATION`).
    public var name: String {
        get { packedName.text }
        set { packedName = CalendarName(newValue) }
    }
    /// `name` with its packed form, for `CalendarComponent.property(_:)`.
    public private(set) var packedName: CalendarName
    private var storage: CalendarPropertyStorage
    /// The value when it is kept whole (`valueIsShared` false), else "".
    private var inlineValue: String
    /// Whether the value is only `storage.bytes[valueStart ..< valueEnd]` (built on demand).
    private var valueIsShared: Bool
    private var valueStart: Int
    private var valueEnd: Int
    private var parameterStart: Int
    private var parameterEnd: Int
    /// The physical line, when `storage.place` is nil.
    private var line: Int

    public init(name: String, parameters: [CalendarParameter] = [], value: String, place: SourcePlace = SourcePlace()) {
        packedName = CalendarName(name)
        // The value is kept whole (`inlineValue`); the storage holds only the parameters and the place.
        storage = CalendarPropertyStorage(bytes: [], parameters: parameters, file: place.file, place: place)
        inlineValue = value; valueIsShared = false
        valueStart = 0; valueEnd = 0
        parameterStart = 0; parameterEnd = parameters.count
        line = place.line ?? 0
    }

    /// RFC 5545 values are mostly short: up to 15 UTF-8 bytes Swift keeps a `String` inline (no allocation).
    static var inlineValueLimit: Int { 15 }

    /// A property of a parsed file (`shortValue`: its value when at most `inlineValueLimit` bytes): its value
    /// is `storage.bytes[valueStart ..< valueEnd]`, its parameters
    /// `storage.parameters[parameterStart ..< parameterEnd]`, its place `storage.file` at `line`.
    init(name: CalendarName, storage: CalendarPropertyStorage, shortValue: String?, valueStart: Int, valueEnd: Int,
         parameterStart: Int, parameterEnd: Int, line: Int) {
        self.packedName = name; self.storage = storage
        valueIsShared = shortValue == nil
        inlineValue = shortValue ?? ""
        self.valueStart = valueStart; self.valueEnd = valueEnd
        self.parameterStart = parameterStart; self.parameterEnd = parameterEnd; self.line = line
    }

    /// The raw value in iCalendar syntax (for xCal, converted to it).
    public var value: String {
        get { valueIsShared ? storage.string(valueStart, valueEnd) : inlineValue }
        set { self = CalendarProperty(name: name, parameters: parameters, value: newValue, place: place) }
    }

    public var parameters: [CalendarParameter] {
        get { parameterStart == parameterEnd ? [] : Array(storage.parameters[parameterStart ..< parameterEnd]) }
        set { self = CalendarProperty(name: name, parameters: newValue, value: value, place: place) }
    }

    /// Where the property starts in its file (iCalendar: first physical line of the unfolded line; xCal: element line).
    public var place: SourcePlace {
        get { storage.place ?? SourcePlace(file: storage.file, line: line) }
        set { self = CalendarProperty(name: name, parameters: parameters, value: value, place: newValue) }
    }

    /// `name == other.text`, by the packed forms (for loops over `properties`; the same answer as `String ==`).
    @inline(__always)
    public func hasName(_ other: CalendarName) -> Bool { packedName.matches(other) }

    /// The first value of a parameter, by upper-cased name.
    public func parameter(_ name: String) -> String? {
        var i = parameterStart
        let end = parameterEnd
        while i < end {
            if storage.parameters[i].name == name { return storage.parameters[i].value }
            i += 1
        }
        return nil
    }

    /// How many parameters (`parameters.count` without building the array).
    public var parameterCount: Int { parameterEnd - parameterStart }

    // MARK: - Value access without a String (same answers as through `value`)

    /// Calls `body` with the UTF-8 bytes of `value`, without building the `String`.
    public func withValueBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E>
        if valueIsShared {
            result = storage.bytes.withUnsafeBufferPointer { all in
                do throws(E) { return .success(try body(UnsafeBufferPointer(rebasing: all[valueStart ..< valueEnd]))) } catch { return .failure(error) }
            }
        } else {
            var text = inlineValue
            result = text.withUTF8 { bytes in
                do throws(E) { return .success(try body(bytes)) } catch { return .failure(error) }
            }
        }
        return try result.get()
    }

    /// The UTF-8 byte count of `value`.
    public var valueByteCount: Int { valueIsShared ? valueEnd - valueStart : inlineValue.utf8.count }

    /// `value == text`, without building the `String` when both are ASCII (byte comparison then decides).
    public func valueEquals(_ text: String) -> Bool {
        guard valueIsShared else { return inlineValue == text }
        var text = text
        let fast: Bool? = text.withUTF8 { t in
            storage.bytes.withUnsafeBufferPointer { all in
                let n = valueEnd - valueStart
                if t.count == n, n == 0 || memcmp(all.baseAddress! + valueStart, t.baseAddress!, n) == 0 { return true }
                // Different bytes: different strings when both are ASCII; otherwise let String decide.
                for b in t where b >= 0x80 { return nil }
                var i = valueStart
                while i < valueEnd { if all[i] >= 0x80 { return nil }; i += 1 }
                return false
            }
        }
        return fast ?? (value == text)
    }

    // MARK: - Equatable, Hashable: over what the property says, not how it is stored

    public static func == (a: CalendarProperty, b: CalendarProperty) -> Bool {
        if a.storage === b.storage && a.valueStart == b.valueStart && a.valueEnd == b.valueEnd
            && a.parameterStart == b.parameterStart && a.parameterEnd == b.parameterEnd && a.line == b.line {
            return a.name == b.name
        }
        return a.name == b.name && a.parameters == b.parameters && a.value == b.value && a.place == b.place
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(parameters)
        hasher.combine(value)
        hasher.combine(place)
    }
}
