/// Where the patient is: a commune of the territory, or coordinates (never an address).
public enum PatientLocation: Sendable, Hashable {
    case commune(insee: String)
    case point(GeoPoint)
}
