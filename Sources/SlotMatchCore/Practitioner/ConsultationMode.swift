/// How a consultation takes place, with the SAS aggregator's codes.
public enum ConsultationMode: String, CaseIterable, Sendable, Hashable, Comparable {
    /// At the practice (ambulatoire).
    case office = "AMB"
    /// Home visit (visite à domicile).
    case homeVisit = "HH"
    /// Video teleconsultation.
    case video = "VR"

    public var code: String { rawValue }
    public init?(code: String) { self.init(rawValue: code.uppercased()) }

    public static func < (a: ConsultationMode, b: ConsultationMode) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
