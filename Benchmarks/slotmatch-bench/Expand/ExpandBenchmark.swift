import Glibc
import SlotMatchConfig
import SlotMatchCore
import SlotMatchImport

/// `slotmatch-bench expand DIR|FILE [--from ISO] [--to ISO] [--zone TZ] [--zones file|system] [--jobs N] [--dump FILE]`, and
/// `slotmatch-bench expand FILE --parse-only [--runs N]`.
///
/// The SlotMatch side of `Scripts/bench-import` (docs/benchmarks.md): reads every `.ics` file into memory
/// first, then times only what the importer does with the bytes, `PublishedFileReader.read` (format
/// detection, `ICalendarParser`, TZID resolution against the file's VTIMEZONE, recurrence expansion with
/// EXDATE and RECURRENCE-ID overrides) over [from, to), on one core, and prints the same JSON line as the
/// peers: `{"tool":"slotmatch","files":N,"bytes":B,"occurrences":K,"seconds":S}`. With `--jobs N` (N > 1) the files
/// are read N at a time (`ConcurrentFileWork`, what `slotmatch import --jobs` does) and the tool is
/// `slotmatch-parallel`, with `"jobs":N`: a separate figure, never the one-core one.
/// `--parse-only` times `ICalendarParser.parse` alone (best of `--runs`, default 3): the raw parse MB/s.
enum ExpandBenchmark {
    static let usage = "USAGE: slotmatch-bench expand DIR|FILE [--from 2027-01-01T00:00:00Z] [--to 2028-01-01T00:00:00Z] "
        + "[--zone Europe/Paris] [--zones file|system] [--jobs N] [--dump FILE] [--parse-only [--runs N]]"

    static func run(_ args: [String]) -> Int32 {
        guard let options = ExpandOptions(args) else {
            writeStandardError("Error: bad arguments\n\(usage)\n")
            return 64
        }
        let corpus: CorpusFiles
        do { corpus = try CorpusFiles.read(options.path) } catch {
            writeStandardError("Error: \(error.message)\n")
            return 66
        }
        return options.parseOnly ? parse(corpus, runs: options.runs) : expand(corpus, options)
    }

    /// Parse + expand of every file, timed once (as the peers are).
    static func expand(_ corpus: CorpusFiles, _ options: ExpandOptions) -> Int32 {
        guard let zone = ZoneInfoDatabase.system.rules(for: options.zone) else {
            writeStandardError("Error: the time zone \(options.zone) is not in /usr/share/zoneinfo\n")
            return 66
        }
        let reader = options.zones == "system"
            ? PublishedFileReader(territoryZone: zone, zoneLookup: CalendarAvailabilityReader.systemZoneLookup)
            : PublishedFileReader(territoryZone: zone)
        var occurrences = 0
        var failures: [InputError] = []
        let t0 = monotonicSeconds()
        if options.jobs == 1 {
            for (name, bytes) in zip(corpus.names, corpus.contents) {
                do throws(InputError) {
                    for availability in try reader.read(bytes: bytes, file: name, from: options.from, to: options.to) {
                        occurrences += availability.occurrences.count
                    }
                } catch {
                    failures.append(error)
                }
            }
        } else {
            let names = corpus.names, contents = corpus.contents, from = options.from, to = options.to
            let counts = ConcurrentFileWork.map(names.count, jobs: options.jobs) { i -> Result<Int, InputError> in
                do throws(InputError) {
                    return .success(try reader.read(bytes: contents[i], file: names[i], from: from, to: to).reduce(0) { $0 + $1.occurrences.count })
                } catch {
                    return .failure(error)
                }
            }
            for count in counts {
                switch count {
                case .success(let n): occurrences += n
                case .failure(let error): failures.append(error)
                }
            }
        }
        let seconds = monotonicSeconds() - t0
        for failure in failures.prefix(5) { writeStandardError("slotmatch-bench expand: \(failure)\n") }
        if let path = options.dump { dump(corpus, reader: reader, options: options, to: path) }
        let tool = options.jobs == 1 ? "slotmatch" : "slotmatch-parallel"
        print(#"{"tool":"\#(tool)","jobs":\#(options.jobs),"files":\#(corpus.names.count),"bytes":\#(corpus.bytes),"occurrences":\#(occurrences),"#
              + #""seconds":\#(fixed(seconds)),"zones":"\#(options.zones)","read_failures":\#(failures.count)}"#)
        return failures.isEmpty ? 0 : 65
    }

    /// `ICalendarParser.parse` alone, best of `runs`: the raw parse figure (one core).
    static func parse(_ corpus: CorpusFiles, runs: Int) -> Int32 {
        var best = Double.infinity
        var components = 0
        for _ in 0 ..< max(1, runs) {
            var sink = 0
            let t0 = monotonicSeconds()
            for (name, bytes) in zip(corpus.names, corpus.contents) {
                do throws(InputError) {
                    for calendar in try ICalendarParser.parse(bytes: bytes, file: name) { sink &+= calendar.components.count }
                } catch {
                    writeStandardError("slotmatch-bench expand --parse-only: \(error)\n")
                    return 65
                }
            }
            best = min(best, monotonicSeconds() - t0)
            components = sink
        }
        print(#"{"tool":"slotmatch-parse","files":\#(corpus.names.count),"bytes":\#(corpus.bytes),"#
              + #""seconds":\#(fixed(best)),"runs":\#(max(1, runs)),"components":\#(components)}"#)
        return 0
    }

    /// One `UID start end` line (UTC seconds) per occurrence, as the peers' `--dump` (not timed).
    static func dump(_ corpus: CorpusFiles, reader: PublishedFileReader, options: ExpandOptions, to path: String) {
        guard let file = fopen(path, "w") else {
            writeStandardError("Error: cannot write \(path)\n")
            return
        }
        defer { fclose(file) }
        for (name, bytes) in zip(corpus.names, corpus.contents) {
            guard let read = try? reader.read(bytes: bytes, file: name, from: options.from, to: options.to) else { continue }
            for availability in read {
                for o in availability.occurrences {
                    fputs("\(o.uid) \(o.start.secondsSinceEpoch) \(o.end.secondsSinceEpoch)\n", file)
                }
            }
        }
    }

    /// Writes to file descriptor 2 (Swift 6 forbids touching the C global `stderr`).
    static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Six decimals, without Foundation's formatters.
    static func fixed(_ seconds: Double) -> String {
        let micros = Int64((seconds * 1e6).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
