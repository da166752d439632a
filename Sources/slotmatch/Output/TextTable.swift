/// Aligned columns for people: a header row, then rows; numeric columns aligned right.
struct TextTable: Sendable {
    struct Column: Sendable {
        var title: String
        var alignRight: Bool
        init(_ title: String, right: Bool = false) { self.title = title; self.alignRight = right }
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines, each column as wide as its widest cell, two spaces between columns.
    var rendered: String {
        var widths = columns.map(\.title.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, column) in columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(column.alignRight ? pad + cell : (i == columns.count - 1 ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(columns.map(\.title)) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
