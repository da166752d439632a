// swift-tools-version:6.0
// SlotMatch: unscheduled-care triage and slot matching for a CPTS regulation line.
// Every arrow in the dependency graph points down: CLI → service/import/store → core.
import PackageDescription

let package = Package(
    name: "SlotMatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "slotmatch", targets: ["slotmatch"]),
        .library(name: "SlotMatchCore", targets: ["SlotMatchCore"]),
    ],
    targets: [
        // System libraries, reached through tiny shims (see docs/architecture.md).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // The domain: territory, practitioners, slots, requests, time. Pure Swift, no I/O.
        .target(name: "SlotMatchCore"),

        // The deployment's reference files (territory, travel matrix, roster, zoneinfo) read into core values.
        .target(
            name: "SlotMatchConfig",
            dependencies: ["SlotMatchCore"],
            resources: [
                .copy("Resources/rambouillet-territoires.json"),
                .copy("Resources/triage-rules.json"),
                .copy("Resources/cost-weights.json"),
            ]
        ),

        // The SQLite store: the authority on slots, requests, appointments and the audit log.
        .target(name: "SlotMatchStore", dependencies: ["SlotMatchCore", "CSQLite"]),

        // Published agendas (iCalendar, VAVAILABILITY, xCal, FHIR R4, CSV) → availability values. Never writes the store.
        .target(name: "SlotMatchImport", dependencies: ["SlotMatchCore", "SlotMatchConfig", "CLibXML2"]),

        // The slot index, feasibility and ranking of the operator's search. Works on arrays it is given; never reads the store.
        .target(name: "SlotMatchMatching", dependencies: ["SlotMatchCore"]),

        // JSON-RPC 2.0 over stdin/stdout: triage, search, hold/book/cancel for the regulation line's operators.
        .target(
            name: "SlotMatchService",
            dependencies: ["SlotMatchCore", "SlotMatchStore", "SlotMatchMatching", "SlotMatchConfig"]
        ),

        // The command-line tool: parses arguments and calls the libraries.
        .executableTarget(
            name: "slotmatch",
            dependencies: ["SlotMatchCore", "SlotMatchConfig", "SlotMatchStore", "SlotMatchImport", "SlotMatchMatching", "SlotMatchService"]
        ),

        .testTarget(name: "SlotMatchCoreTests", dependencies: ["SlotMatchCore"]),
        .testTarget(name: "SlotMatchConfigTests", dependencies: ["SlotMatchConfig", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchStoreTests", dependencies: ["SlotMatchStore", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchImportTests", dependencies: ["SlotMatchImport", "SlotMatchConfig", "SlotMatchCore"]),
        .testTarget(name: "slotmatchTests", dependencies: ["slotmatch", "SlotMatchCore", "SlotMatchStore"]),
        .testTarget(name: "SlotMatchMatchingTests", dependencies: ["SlotMatchMatching", "SlotMatchCore"]),
        .testTarget(
            name: "SlotMatchServiceTests",
            dependencies: ["SlotMatchService", "SlotMatchStore", "SlotMatchMatching", "SlotMatchConfig", "SlotMatchCore"]
        ),

        // Benchmarks: one executable, a subcommand per folder (Search/, …).
        .executableTarget(name: "slotmatch-bench", dependencies: ["SlotMatchMatching", "SlotMatchCore", "SlotMatchStore", "SlotMatchConfig", "CSQLite"],
                          path: "Benchmarks/slotmatch-bench"),
    ],
    swiftLanguageModes: [.v6]
)
