import SlotMatchCore

/// A set of consultation modes as one byte, for the index's hot loop (a `Set<ConsultationMode>` hashes).
public struct ModeSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let office = ModeSet(rawValue: 1 << 0)
    public static let homeVisit = ModeSet(rawValue: 1 << 1)
    public static let video = ModeSet(rawValue: 1 << 2)
    public static let all: ModeSet = [.office, .homeVisit, .video]

    public init(_ mode: ConsultationMode) {
        switch mode {
        case .office: self = .office
        case .homeVisit: self = .homeVisit
        case .video: self = .video
        }
    }

    public init<S: Sequence>(_ modes: S) where S.Element == ConsultationMode {
        self = []
        for m in modes { insert(ModeSet(m)) }
    }

    /// The single mode of a one-bit set (office when several or none are set).
    public var firstMode: ConsultationMode {
        if contains(.office) { return .office }
        if contains(.homeVisit) { return .homeVisit }
        if contains(.video) { return .video }
        return .office
    }

    public var modes: [ConsultationMode] {
        ConsultationMode.allCases.filter { contains(ModeSet($0)) }
    }
}
