import Chainframe
import Foundation

/// Writes a scene as SVG text: real `<text>` elements (not glyph outlines), each element's
/// role as its `class`, colours as `#RRGGBB` with separate opacities, numbers to 1/100 pt.
///
/// Presentation attributes (not `style`) carry the look, so a stylesheet can restyle a class
/// (`.flow { stroke: teal }`). Text is placed by its baseline, computed from the same text
/// metrics cairo draws with, so positions match the PNG frames whatever the SVG viewer's
/// support for `dominant-baseline`.
public enum SVGWriter {
    /// The logical size and baseline of a run of text, as Pango measures it.
    public typealias TextMeasure = (String, FontSpec) -> TextMetrics

    /// The scene as a standalone SVG document (no XML declaration: UTF-8 is the default).
    /// `measure` places text exactly as cairo does; without it, DejaVu Sans metrics are assumed.
    public static func svg(_ scene: Scene, title: String?, measure: TextMeasure?) -> String {
        var writer = Writer(measure: measure ?? estimatedMetrics)
        writer.document(scene, title: title)
        return writer.output
    }

    /// The scene as SVG with text placed by estimated (DejaVu Sans) metrics.
    public static func svg(_ scene: Scene, title: String?) -> String {
        svg(scene, title: title, measure: nil)
    }

    /// Metrics of DejaVu Sans (ascent 0.928 em, descent 0.236 em) with an average advance of
    /// 0.6 em: close to what Pango reports when no measuring function is given.
    public static func estimatedMetrics(_ text: String, font: FontSpec) -> TextMetrics {
        let size = font.size
        return TextMetrics(size: Size(width: Double(text.count) * 0.6 * size, height: 1.164 * size),
                           baseline: 0.928 * size)
    }

    /// The SVG text of a number: at most two decimals, no trailing zeros, no `-0`.
    public static func number(_ value: Double) -> String {
        NumberFormat.coordinate(value)
    }

    /// `text` escaped for XML character data and attribute values; control characters dropped.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}": continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `#RRGGBB` of a colour, ignoring alpha.
    static func hex(_ color: RGBA) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = "#"
        for channel in [color.r, color.g, color.b] {
            let byte = Int((min(max(channel, 0), 1) * 255).rounded())
            text.append(digits[byte >> 4])
            text.append(digits[byte & 0xF])
        }
        return text
    }

    /// A CSS font-family list: names with spaces quoted, a generic family last.
    static func fontFamily(_ family: String) -> String {
        let names = family.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let quoted = names.map { name -> String in
            let generic = ["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"]
            if generic.contains(name) || name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) { return name }
            return "'" + name.replacingOccurrences(of: "'", with: "") + "'"
        }
        let hasGeneric = names.contains { ["serif", "sans-serif", "monospace"].contains($0) }
        return (quoted + (hasGeneric ? [] : ["sans-serif"])).joined(separator: ", ")
    }

    /// SVG path data (`M`, `L`, `C`, `Z`) of path elements.
    static func pathData(_ elements: [PathElement]) -> String {
        func point(_ p: Point) -> String { number(p.x) + " " + number(p.y) }
        return elements.map { element in
            switch element {
            case .move(let p): "M" + point(p)
            case .line(let p): "L" + point(p)
            case .cubic(let c1, let c2, let p): "C" + point(c1) + " " + point(c2) + " " + point(p)
            case .close: "Z"
            }
        }.joined(separator: " ")
    }
}

extension SVGWriter {
    /// Appends the document's lines, one element per line, indented by group depth.
    struct Writer {
        let measure: TextMeasure
        var output = ""
        var depth = 1
        var clips = 0

        init(measure: @escaping TextMeasure) {
            self.measure = measure
        }

        mutating func document(_ scene: Scene, title: String?) {
            let width = number(scene.size.width), height = number(scene.size.height)
            output += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\">\n"
            if let title { line("<title>\(escape(title))</title>") }
            if let background = scene.background {
                line("<rect class=\"background\" width=\"\(width)\" height=\"\(height)\"\(paint("fill", background))/>")
            }
            for element in scene.elements { write(element) }
            output += "</svg>\n"
        }

        mutating func line(_ text: String) {
            output += String(repeating: "  ", count: depth) + text + "\n"
        }

        mutating func write(_ element: SceneElement) {
            switch element {
            case .shape(let shape, let fill, let stroke, let role):
                let colors = (fill.map { paint("fill", $0) } ?? " fill=\"none\"") + (stroke.map(strokeAttributes) ?? "")
                line(shapeTag(shape, role: role, colors: colors))
            case .path(let elements, let stroke, let role):
                line("<path class=\"\(role.rawValue)\" d=\"\(pathData(elements))\" fill=\"none\"\(strokeAttributes(stroke))/>")
            case .text(let run):
                line(text(run))
            case .group(let opacity, let children):
                line(opacity < 1 ? "<g opacity=\"\(number(max(0, opacity)))\">" : "<g>")
                depth += 1
                for child in children { write(child) }
                depth -= 1
                line("</g>")
            case .clip(let rect, let children):
                clips += 1
                line("<clipPath id=\"view\(clips)\"><rect \(box(rect))/></clipPath>")
                line("<g clip-path=\"url(#view\(clips))\">")
                depth += 1
                for child in children { write(child) }
                depth -= 1
                line("</g>")
            case .link(let from, let to, let children):
                line("<g class=\"link\" data-from=\"\(escape(from))\" data-to=\"\(escape(to))\">")
                depth += 1
                for child in children { write(child) }
                depth -= 1
                line("</g>")
            }
        }

        /// The element of a shape: class, geometry, then `colors` (fill and stroke attributes).
        func shapeTag(_ shape: CanvasShape, role: SceneElement.Role, colors: String) -> String {
            let open = "class=\"\(role.rawValue)\""
            switch shape {
            case .rect(let r):
                return "<rect \(open) \(box(r))\(colors)/>"
            case .roundedRect(let r, let radius):
                // Clamped as cairo's rounded rectangle is.
                let radius = max(0, min(radius, r.width / 2, r.height / 2))
                return "<rect \(open) \(box(r)) rx=\"\(number(radius))\"\(colors)/>"
            case .ellipse(let r):
                return "<ellipse \(open) cx=\"\(number(r.midX))\" cy=\"\(number(r.midY))\" "
                    + "rx=\"\(number(r.width / 2))\" ry=\"\(number(r.height / 2))\"\(colors)/>"
            case .circle(let center, let radius):
                return "<circle \(open) cx=\"\(number(center.x))\" cy=\"\(number(center.y))\" r=\"\(number(radius))\"\(colors)/>"
            case .polygon(let points):
                let list = points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
                return "<polygon \(open) points=\"\(list)\"\(colors)/>"
            case .path(let elements):
                return "<path \(open) d=\"\(pathData(elements))\"\(colors)/>"
            }
        }

        func box(_ r: Rect) -> String {
            "x=\"\(number(r.x))\" y=\"\(number(r.y))\" width=\"\(number(r.width))\" height=\"\(number(r.height))\""
        }

        /// ` fill="#RRGGBB"` plus ` fill-opacity` when translucent (likewise for stroke).
        func paint(_ property: String, _ color: RGBA) -> String {
            var text = " \(property)=\"\(hex(color))\""
            if color.a < 1 { text += " \(property)-opacity=\"\(number(max(0, color.a)))\"" }
            return text
        }

        /// Stroke attributes; cairo's defaults differ from SVG's only in the miter limit (10 vs 4).
        func strokeAttributes(_ style: StrokeStyle) -> String {
            var text = paint("stroke", style.color) + " stroke-width=\"\(number(style.width))\""
            if !style.dash.isEmpty { text += " stroke-dasharray=\"\(style.dash.map(number).joined(separator: " "))\"" }
            if style.lineCap != .butt { text += " stroke-linecap=\"\(style.lineCap.rawValue)\"" }
            switch style.lineJoin {
            case .miter: text += " stroke-miterlimit=\"10\""
            case .round, .bevel: text += " stroke-linejoin=\"\(style.lineJoin.rawValue)\""
            }
            return text
        }

        /// A `<text>` whose anchor point lies where cairo puts it: x by `text-anchor`, y at the
        /// baseline computed from the logical box (so no reliance on `dominant-baseline`).
        func text(_ run: TextRun) -> String {
            let metrics = measure(run.text, run.font)
            let y: Double = switch run.anchor.vertical {
            case .top: run.position.y + metrics.baseline
            case .center: run.position.y - metrics.size.height / 2 + metrics.baseline
            case .baseline: run.position.y
            case .bottom: run.position.y - metrics.size.height + metrics.baseline
            }
            var attributes = "class=\"\(run.role.rawValue)\" x=\"\(number(run.position.x))\" y=\"\(number(y))\""
            switch run.anchor.horizontal {
            case .left: break
            case .center: attributes += " text-anchor=\"middle\""
            case .right: attributes += " text-anchor=\"end\""
            }
            attributes += " font-family=\"\(escape(fontFamily(run.font.family)))\" font-size=\"\(number(run.font.size))\""
            if run.font.weight == .bold { attributes += " font-weight=\"bold\"" }
            if run.font.italic { attributes += " font-style=\"italic\"" }
            attributes += paint("fill", run.color)
            if run.text.contains("  ") || run.text.first == " " || run.text.last == " " {
                attributes += " xml:space=\"preserve\""
            }
            return "<text \(attributes)>\(escape(run.text))</text>"
        }
    }
}
