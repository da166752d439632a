// slotmatch-bench: one executable, one subcommand per folder. Keep this a small table.
import Glibc

let subcommands: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    ("search", "the slot index against a scan of all slots on a national-scale instance", SearchBenchmark.run),
    ("solve", "SlotMatch's min-cost-flow solver on a DIMACS file: one JSON object with cost and seconds", FlowBenchmark.runSolve),
    ("incremental", "full solve, then timed single insert / cancel / remove-slot repairs on a DIMACS file", FlowBenchmark.runIncremental),
    ("expand", "iCalendar parse + recurrence expansion of a corpus folder (Scripts/bench-import)", ExpandBenchmark.run),
    ("find-e2e", "slots.find end to end through slotmatch serve against an SQLite R*Tree peer", FindEndToEndBenchmark.run),
    ("rtree-serve", "the peer server: slots.find over JSON-RPC lines with an SQLite R*Tree (find-e2e runs it)", RTreePeerServer.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, let command = subcommands.first(where: { $0.name == first }) {
    exit(command.run(Array(arguments.dropFirst())))
}
print("USAGE: slotmatch-bench <subcommand> [options]\n\nSUBCOMMANDS:")
for c in subcommands { print("  " + c.name.padding(12) + c.summary) }
exit(arguments.isEmpty || arguments.first == "-h" || arguments.first == "--help" ? 0 : 64)

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
