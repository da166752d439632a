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

        // Min-cost flow for the nightly balancing: network, exact solver with certificate, DIMACS files.
        .target(name: "SlotMatchFlow", dependencies: ["SlotMatchCore"]),

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
            dependencies: ["SlotMatchCore", "SlotMatchStore", "SlotMatchMatching", "SlotMatchConfig", "SlotMatchBalance", "SlotMatchFlow"]
        ),

        // The command-line tool: parses arguments and calls the libraries.
        .executableTarget(
            name: "slotmatch",
            dependencies: ["SlotMatchCore", "SlotMatchConfig", "SlotMatchStore", "SlotMatchImport", "SlotMatchMatching", "SlotMatchService",
                           "SlotMatchFlow", "SlotMatchBalance", "SlotMatchReplay", "SlotMatchReport"]
        ),

        // The nightly balancing: candidates from the slot index, the flow problem, moves, loads, demand forecast. Pure values.
        .target(name: "SlotMatchBalance", dependencies: ["SlotMatchCore", "SlotMatchMatching", "SlotMatchFlow"]),
        // Demand logs, synthetic demand, and the replay of demand through a policy over a supply, with KPIs.
        .target(name: "SlotMatchReplay",
                dependencies: ["SlotMatchCore", "SlotMatchMatching", "SlotMatchFlow", "SlotMatchImport", "SlotMatchConfig"]),
        // The replay report: one self-contained HTML file with inline SVG, French and English.
        .target(name: "SlotMatchReport", dependencies: ["SlotMatchCore"]),
        // A year of department-scale demand through the replay policies; prints throughput and memory.
        .executableTarget(name: "slotmatch-replay-bench",
                          dependencies: ["SlotMatchReplay", "SlotMatchConfig", "SlotMatchCore"], path: "Benchmarks/slotmatch-replay-bench"),

        .testTarget(name: "SlotMatchCoreTests", dependencies: ["SlotMatchCore"]),
        .testTarget(name: "SlotMatchFlowTests", dependencies: ["SlotMatchFlow", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchConfigTests", dependencies: ["SlotMatchConfig", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchStoreTests", dependencies: ["SlotMatchStore", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchImportTests", dependencies: ["SlotMatchImport", "SlotMatchConfig", "SlotMatchCore"]),
        .testTarget(name: "slotmatchTests", dependencies: ["slotmatch", "SlotMatchCore", "SlotMatchStore"]),
        .testTarget(name: "SlotMatchReplayTests",
                    dependencies: ["SlotMatchReplay", "SlotMatchReport", "SlotMatchImport", "SlotMatchConfig", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchReportTests", dependencies: ["SlotMatchReport", "SlotMatchImport", "SlotMatchCore"]),
        .testTarget(name: "SlotMatchMatchingTests", dependencies: ["SlotMatchMatching", "SlotMatchCore"]),
        .testTarget(
            name: "SlotMatchServiceTests",
            dependencies: ["SlotMatchService", "SlotMatchStore", "SlotMatchMatching", "SlotMatchConfig", "SlotMatchCore"]
        ),
        .testTarget(name: "SlotMatchBalanceTests",
                    dependencies: ["SlotMatchBalance", "SlotMatchFlow", "SlotMatchMatching", "SlotMatchStore", "SlotMatchCore"]),

        // Benchmarks: one executable, a subcommand per folder (Search/, Expand/, Flow/, FindEndToEnd/, …).
        .executableTarget(name: "slotmatch-bench",
                          dependencies: ["SlotMatchMatching", "SlotMatchFlow", "SlotMatchImport", "SlotMatchStore", "SlotMatchConfig", "SlotMatchCore", "CSQLite"],
                          path: "Benchmarks/slotmatch-bench"),
    ],
    swiftLanguageModes: [.v6]
)
