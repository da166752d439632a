/// Builds one SVG element as text: escaped attribute values and text, numbers with one decimal in the
/// C locale (SVG coordinates always take a decimal point, whatever the report's language).
struct SVGWriter {
    private(set) var text = ""

    init(id: String, width: Int, height: Int, label: String) {
        text = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(SVGWriter.escape(label))\">\n"
    }

    /// XML escaping (XML 1.0 §2.4): &, <, > and quotes.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `12.3`: one decimal, point as the mark.
    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let t = Int((v * 10).rounded())
        let sign = t < 0 ? "-" : ""
        return sign + String(t.magnitude / 10) + (t.magnitude % 10 == 0 ? "" : "." + String(t.magnitude % 10))
    }

    mutating func raw(_ s: String) { text += s }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        text += "<rect x=\"\(SVGWriter.n(x))\" y=\"\(SVGWriter.n(y))\" width=\"\(SVGWriter.n(max(0, width)))\" height=\"\(SVGWriter.n(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { text += " stroke=\"\(stroke)\"" }
        if let title { text += "><title>\(SVGWriter.escape(title))</title></rect>\n" } else { text += "/>\n" }
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String, title: String) {
        text += "<circle cx=\"\(SVGWriter.n(cx))\" cy=\"\(SVGWriter.n(cy))\" r=\"\(SVGWriter.n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.8\"><title>\(SVGWriter.escape(title))</title></circle>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        text += "<line x1=\"\(SVGWriter.n(x1))\" y1=\"\(SVGWriter.n(y1))\" x2=\"\(SVGWriter.n(x2))\" y2=\"\(SVGWriter.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.n(width))\"/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let p = points.map { SVGWriter.n($0.0) + "," + SVGWriter.n($0.1) }.joined(separator: " ")
        text += "<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.n(width))\"/>\n"
    }

    /// Text; `halo` draws a white outline under it so it reads over shapes.
    mutating func label(_ s: String, x: Double, y: Double, size: Int = 11, anchor: String = "start", weight: String = "normal",
                        fill: String = "#222", halo: Bool = false) {
        text += "<text x=\"\(SVGWriter.n(x))\" y=\"\(SVGWriter.n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\""
        if halo { text += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" }
        text += ">\(SVGWriter.escape(s))</text>\n"
    }

    func finished() -> String { text + "</svg>\n" }
}
