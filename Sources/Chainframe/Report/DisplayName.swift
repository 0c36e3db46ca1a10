/// Writes names for people: `x_1` as `x₁`, `w_10` as `w₁₀`, `a_i` as `aᵢ`.
///
/// Only what Unicode has subscripts for is converted (digits, `+ − = ( )` and the letters
/// a e h i j k l m n o p r s t u v x); any other name is left as written.
public enum DisplayName {
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
        "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ",
        "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
    ]

    /// `base_sub` with a subscriptable `sub` becomes base followed by subscript characters.
    public static func pretty(_ name: String) -> String {
        guard let underscore = name.lastIndex(of: "_"), underscore != name.startIndex else { return name }
        let base = name[..<underscore]
        let sub = name[name.index(after: underscore)...]
        guard !sub.isEmpty, !base.hasSuffix("_") else { return name }
        var converted = ""
        for c in sub {
            guard let s = subscripts[c] else { return name }
            converted.append(s)
        }
        return base + converted
    }
}

extension Node {
    /// The label as drawn and captioned: the user's label, or the id with subscripts.
    public var displayName: String {
        if label.isEmpty { return id }
        return label == id ? DisplayName.pretty(id) : label
    }
}

extension Graph {
    /// How captions call node `index`: its display name, or for an unnamed part of an
    /// expression the short formula it computes (`w₁ × x₁`), falling back to its id (`z.1`)
    /// when the formula would be long.
    public func displayName(of index: Int) -> String {
        let node = nodes[index]
        guard !node.isNamed, let operation = node.operation else { return node.displayName }
        let formula = OperationText.render(operation, style: .math) { argument in
            switch argument {
            case .input(let position):
                let input = nodes[node.inputs[position]]
                return input.isNamed ? input.displayName : input.id
            case .constant(let t):
                return OperationText.number(t, style: .math)
            }
        }
        return formula.count <= 12 ? formula : node.id
    }
}
