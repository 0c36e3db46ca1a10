import Chainframe
import Foundation

/// Writes scenes as TikZ commands, one command per drawn element, in canvas points.
///
/// The picture that holds the commands uses `x=1pt, y=-1pt`, so canvas coordinates (y down)
/// are written as they are. Group opacity is folded into each element, so identical elements
/// of different steps give identical commands (the exporter draws those once). Colours are
/// named: the theme's by their role (`cfForward`), any other as `cfColor1`, `cfColor2`, ….
struct TikZWriter {
    /// Colour names and their `RRGGBB` hex, in the order they are defined.
    private(set) var colors: [(name: String, hex: String)]
    private var nameByHex: [String: String] = [:]
    private var unnamedColors = 0
    /// Whether any text written so far contains Hangul (pdflatex then needs `kotex`).
    private(set) var usesHangul = false

    init(theme: Theme) {
        var named: [(String, RGBA)] = [("cfBackground", theme.background), ("cfForward", theme.forward),
                                       ("cfBackward", theme.backward), ("cfMuted", theme.muted),
                                       ("cfHighlight", theme.highlight), ("cfLabelFill", theme.labelFill)]
        for (kind, style) in [("Input", theme.input), ("Constant", theme.constant), ("Operation", theme.operation), ("Output", theme.output)] {
            named += [("cf\(kind)Fill", style.fill), ("cf\(kind)Stroke", style.stroke), ("cf\(kind)Text", style.text)]
        }
        named += [("cfBandFill", theme.captionBand.fill), ("cfBandTitle", theme.captionBand.title),
                  ("cfBandText", theme.captionBand.text)]
        colors = named.map { ($0.0, Self.hex($0.1)) }
        for (name, hex) in colors where nameByHex[hex] == nil { nameByHex[hex] = name }
    }

    /// `\definecolor` lines for every colour used.
    var colorDefinitions: [String] {
        colors.map { "\\definecolor{\($0.name)}{HTML}{\($0.hex)}" }
    }

    /// The commands that draw `scene`, in drawing order; the background first.
    mutating func commands(_ scene: Scene) -> [String] {
        var out: [String] = []
        if let background = scene.background {
            out.append("\\fill[\(fill(background, opacity: 1))] (0,0) rectangle (\(Self.number(scene.size.width)),\(Self.number(scene.size.height)));")
        }
        for element in scene.elements { append(element, opacity: 1, to: &out) }
        return out
    }

    private mutating func append(_ element: SceneElement, opacity: Double, to out: inout [String]) {
        switch element {
        case .group(let groupOpacity, let children):
            for child in children { append(child, opacity: opacity * groupOpacity, to: &out) }
        case .link(_, _, let children):
            for child in children { append(child, opacity: opacity, to: &out) }
        case .clip(let rect, let children):
            out.append("\\begin{scope}")
            out.append("\\clip \(path(.rect(rect)));")
            for child in children { append(child, opacity: opacity, to: &out) }
            out.append("\\end{scope}")
        case .shape(let shape, let fillColor, let stroke, _):
            var options: [String] = []
            if let fillColor { options.append(fill(fillColor, opacity: opacity)) }
            if let stroke { options += self.stroke(stroke, opacity: opacity) }
            guard !options.isEmpty else { return }
            if case .roundedRect(_, let radius) = shape { options.append("rounded corners=\(Self.number(radius))pt") }
            out.append("\\path[\(options.joined(separator: ", "))] \(path(shape));")
        case .path(let elements, let stroke, _):
            out.append("\\path[\(self.stroke(stroke, opacity: opacity).joined(separator: ", "))] \(path(elements));")
        case .text(let run):
            out.append(text(run, opacity: opacity))
        }
    }

    // MARK: Styles

    private mutating func fill(_ color: RGBA, opacity: Double) -> String {
        "fill=\(name(of: color))" + Self.opacity("fill opacity", color.a * opacity)
    }

    private mutating func stroke(_ style: StrokeStyle, opacity: Double) -> [String] {
        var options = ["draw=\(name(of: style.color))" + Self.opacity("draw opacity", style.color.a * opacity),
                       "line width=\(Self.number(style.width))pt"]
        if !style.dash.isEmpty {
            let pairs = style.dash.count.isMultiple(of: 2) ? style.dash : style.dash + style.dash
            let pattern = stride(from: 0, to: pairs.count, by: 2).map {
                "on \(Self.number(pairs[$0]))pt off \(Self.number(pairs[$0 + 1]))pt"
            }
            options.append("dash pattern=" + pattern.joined(separator: " "))
        }
        if style.lineCap != .butt { options.append("line cap=\(style.lineCap == .round ? "round" : "rect")") }
        if style.lineJoin != .miter { options.append("line join=\(style.lineJoin.rawValue)") }
        return options
    }

    /// The colour's name, defining a new one (`cfColor1`, …) for a colour the theme does not name.
    private mutating func name(of color: RGBA) -> String {
        let hex = Self.hex(color)
        if let name = nameByHex[hex] { return name }
        unnamedColors += 1
        let name = "cfColor\(unnamedColors)"
        colors.append((name, hex))
        nameByHex[hex] = name
        return name
    }

    private static func opacity(_ key: String, _ value: Double) -> String {
        value < 0.9995 ? ", \(key)=\(number(value, digits: 3))" : ""
    }

    // MARK: Geometry

    private func path(_ shape: CanvasShape) -> String {
        switch shape {
        case .rect(let r), .roundedRect(let r, _):
            return "(\(Self.number(r.minX)),\(Self.number(r.minY))) rectangle (\(Self.number(r.maxX)),\(Self.number(r.maxY)))"
        case .ellipse(let r):
            return "\(point(r.center)) ellipse [x radius=\(Self.number(r.width / 2))pt, y radius=\(Self.number(r.height / 2))pt]"
        case .circle(let center, let radius):
            return "\(point(center)) circle [radius=\(Self.number(radius))pt]"
        case .polygon(let points):
            return points.map(point).joined(separator: " -- ") + " -- cycle"
        case .path(let elements):
            return path(elements)
        }
    }

    private func path(_ elements: [PathElement]) -> String {
        var parts: [String] = []
        for element in elements {
            switch element {
            case .move(let p): parts.append(point(p))
            case .line(let p): parts.append("-- " + point(p))
            case .cubic(let c1, let c2, let p): parts.append(".. controls \(point(c1)) and \(point(c2)) .. \(point(p))")
            case .close: parts.append("-- cycle")
            }
        }
        return parts.joined(separator: " ")
    }

    private func point(_ p: Point) -> String { "(\(Self.number(p.x)),\(Self.number(p.y)))" }

    // MARK: Text

    private mutating func text(_ run: TextRun, opacity: Double) -> String {
        let vertical: String = switch run.anchor.vertical {
        case .top: "north"
        case .center: ""
        case .baseline: "base"
        case .bottom: "south"
        }
        let horizontal: String = switch run.anchor.horizontal {
        case .left: "west"
        case .center: ""
        case .right: "east"
        }
        let anchor = [vertical, horizontal].filter { !$0.isEmpty }.joined(separator: " ")
        let size = run.font.size
        var font = "\\fontsize{\(Self.number(size))}{\(Self.number(size * 1.2))}\\sffamily"
        if run.font.weight == .bold { font += "\\bfseries" }
        if run.font.italic { font += "\\itshape" }
        let content = LaTeXText.escaped(run.text)
        if LaTeXText.containsHangul(run.text) { usesHangul = true }
        return "\\node[anchor=\(anchor.isEmpty ? "center" : anchor), inner sep=0pt, text=\(name(of: run.color))"
            + Self.opacity("opacity", run.color.a * opacity) + ", font={\(font)}] at \(point(run.position)) {\(content)};"
    }

    // MARK: Numbers

    /// `RRGGBB` (alpha is written as an opacity).
    static func hex(_ color: RGBA) -> String { String(color.withAlpha(1).hexString.dropFirst()) }

    /// A number with at most `digits` decimals, trailing zeros removed.
    static func number(_ x: Double, digits: Int = 2) -> String {
        NumberFormat.coordinate(x, decimals: digits)
    }
}

/// Text for pdflatex: LaTeX's special characters escaped, and the symbols of captions
/// (∂ σ · × − → subscripts and superscripts) written as math, so no Unicode set-up is needed.
/// Hangul stays as it is (the document then needs `kotex`); any other character pdflatex
/// cannot set without extra packages becomes `?`.
enum LaTeXText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let special = specials[scalar] {
                out += special
            } else if let math = math[scalar] {
                out += "$" + math + "$"
            } else if let sub = subscripts[scalar] {
                out += "$_{" + sub + "}$"
            } else if let sup = superscripts[scalar] {
                out += "$^{" + sup + "}$"
            } else if let plain = textSymbols[scalar] {
                out += plain
            } else if scalar.value >= 0x20 && scalar.value < 0x7F {
                out.unicodeScalars.append(scalar)
            } else if isHangul(scalar) || (0xC0...0xFF).contains(scalar.value) && !"ÐðÞþ".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar == "\n" || scalar == "\t" {
                out += " "
            } else {
                out += "?"
            }
        }
        return out
    }

    /// Whether `text` has Hangul (syllables or jamo).
    static func containsHangul(_ text: String) -> Bool { text.unicodeScalars.contains(where: isHangul) }

    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: true
        default: false
        }
    }

    private static let specials: [Unicode.Scalar: String] = [
        "#": "\\#", "$": "\\$", "%": "\\%", "&": "\\&", "_": "\\_", "{": "\\{", "}": "\\}",
        "~": "\\textasciitilde{}", "^": "\\textasciicircum{}", "\\": "\\textbackslash{}",
        "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}",
    ]

    private static let math: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [
            "∂": "\\partial", "·": "\\cdot", "×": "\\times", "÷": "\\div", "−": "-", "±": "\\pm",
            "←": "\\leftarrow", "→": "\\rightarrow", "↑": "\\uparrow", "↓": "\\downarrow", "⇒": "\\Rightarrow",
            "≈": "\\approx", "≤": "\\leq", "≥": "\\geq", "≠": "\\neq", "∞": "\\infty", "√": "\\surd",
            "∑": "\\sum", "∏": "\\prod", "⊙": "\\odot", "∘": "\\circ", "∇": "\\nabla", "∈": "\\in",
            "′": "\\prime", "°": "^\\circ", "⋅": "\\cdot", "∙": "\\cdot",
        ]
        let greek = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
                     "mu", "nu", "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        for (offset, name) in greek.enumerated() {
            table[Unicode.Scalar(0x3B1 + UInt32(offset))!] = name == "omicron" ? "o" : "\\" + name
        }
        let upper = [(0x393, "Gamma"), (0x394, "Delta"), (0x398, "Theta"), (0x39B, "Lambda"), (0x39E, "Xi"), (0x3A0, "Pi"),
                     (0x3A3, "Sigma"), (0x3A5, "Upsilon"), (0x3A6, "Phi"), (0x3A8, "Psi"), (0x3A9, "Omega")]
        for (code, name) in upper { table[Unicode.Scalar(UInt32(code))!] = "\\" + name }
        return table
    }()

    private static let subscripts: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = ["₊": "+", "₋": "-", "₌": "=", "₍": "(", "₎": ")"]
        for digit in 0...9 { table[Unicode.Scalar(0x2080 + UInt32(digit))!] = String(digit) }
        let letters: [(Unicode.Scalar, String)] = [("ₐ", "a"), ("ₑ", "e"), ("ₒ", "o"), ("ₓ", "x"), ("ₕ", "h"), ("ₖ", "k"),
                                                   ("ₗ", "l"), ("ₘ", "m"), ("ₙ", "n"), ("ₚ", "p"), ("ₛ", "s"), ("ₜ", "t"),
                                                   ("ᵢ", "i"), ("ⱼ", "j"), ("ᵣ", "r"), ("ᵤ", "u"), ("ᵥ", "v")]
        for (scalar, letter) in letters { table[scalar] = "\\mathrm{\(letter)}" }
        return table
    }()

    private static let superscripts: [Unicode.Scalar: String] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁺": "+", "⁻": "-", "⁼": "=", "⁽": "(", "⁾": ")", "ⁿ": "n", "ⁱ": "i", "ᵀ": "\\mathsf{T}",
    ]

    private static let textSymbols: [Unicode.Scalar: String] = [
        "…": "\\ldots{}", "—": "---", "–": "--", "‘": "`", "’": "'", "“": "``", "”": "''", "\u{A0}": "~",
    ]
}
