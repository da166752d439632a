/// One instance of a master component as the recurrence bridge hands it to the availability reader: its start
/// (which is also its RECURRENCE-ID, the key an override names, RFC 5545 §3.8.4.4) and its end, in UTC seconds.
///
/// Why two integers and nothing else: the reader expands tens of thousands of instances per file, and everything
/// else an occurrence carries is the same for all instances of one component (its template).
struct InstanceSpan: Sendable, Hashable {
    var start: Int64
    var end: Int64
}
