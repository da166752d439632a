import SlotMatchCore

/// A slot's UNIQUE key within one practitioner and source: its start and mode.
struct SlotKey: Hashable {
    var start: Int64
    var mode: ConsultationMode
}
