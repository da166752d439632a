import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal (the caller
/// checks `isatty`), redrawn when the whole percentage changes; programs and pipes never see it.
final class ProgressBar {
    let enabled: Bool
    private var lastPercent = -1
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(label: String, share: Double) {
        guard enabled else { return }
        let percent = max(0, min(100, Int(share * 100)))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        let padded = label.count < 12 ? label + String(repeating: " ", count: 12 - label.count) : label
        FileHandle.standardError.write(Data("\r\(padded) \(bar) \(percent)%".utf8))
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
