/// Writes names for people: `x_1` as `x₁`, `w_10` as `w₁₀`, `a_i` as `aᵢ`.
///
/// One rule, all or nothing: a name with exactly one underscore whose part after it has a
/// subscript form for every character (digits, `+ − = ( )` and the letters
/// a e h i j k l m n o p r s t u v x) is written with that part as a subscript. Any other name
/// is left exactly as written: `w1_0_2` stays `w1_0_2`, `apple_count` stays `apple_count`.
public enum DisplayName {
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
        "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ",
        "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
    ]

    /// `base_sub` with a subscriptable `sub` becomes base followed by subscript characters.
    public static func pretty(_ name: String) -> String {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return name }
        var converted = ""
        for c in parts[1] {
            guard let s = subscripts[c] else { return name }
            converted.append(s)
        }
        return parts[0] + converted
    }

    /// Whether `text` is one letter with an optional subscript (`x`, `w₁`, `aᵢ`): such names
    /// multiply by juxtaposition in formulas (`w₁x₁`, `3v`).
    static func isSymbol(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, !DisplayName.isSubscript(first) else { return false }
        return text.dropFirst().allSatisfy(isSubscript)
    }

    static func isSubscript(_ c: Character) -> Bool {
        subscriptCharacters.contains(c)
    }

    private static let subscriptCharacters = Set(subscripts.values)
}

extension Node {
    /// The label as drawn and captioned: the user's label, or the id with subscripts.
    public var displayName: String {
        if label.isEmpty { return id }
        return label == id ? DisplayName.pretty(id) : label
    }
}

extension Graph {
    /// How people see node `index` everywhere (cards, labels, captions, tables): its name or
    /// label; for an unnamed part of an expression the formula it computes in named terms
    /// (`w₁x₁ + w₂x₂`, `X·W`), or a generated name (`z₍₁₎`) when that formula is long.
    public func displayName(of index: Int) -> String {
        nameTable.texts[index]
    }

    /// The names computed when the graph was built (or now, for a graph changed since).
    var nameTable: NodeNames {
        names.texts.count == nodes.count ? names : NodeNames(self)
    }

    /// Whether node `index` is shown by a name (the user's, or a generated one): such nodes
    /// are introduced as `name = formula` in cards and tables.
    public func hasName(_ index: Int) -> Bool {
        nodes[index].isNamed || nameTable.generated.contains(index)
    }

    /// Node `index`'s operation over its inputs' display names, with parentheses where
    /// precedence needs them: `w₁x₁ + w₂x₂ + b` for z, `X·W + B` for Y.
    public func formula(of index: Int) -> String {
        guard let operation = nodes[index].operation else { return displayName(of: index) }
        return nameTable.formula(operation, node: nodes[index], compact: false).text
    }
}

/// The names of every node, computed once per graph in node order.
///
/// An unnamed part of an expression is written as its formula over its inputs' names, compact
/// (`w₁x₁` for a product of one-letter names, `X·W` for a matrix product), when that formula is
/// at most `maxFormulaWidth` columns; otherwise it gets a generated name: its owner's name with
/// the part's number as a parenthesised subscript (`z₍₁₎`, `L₍₂₎`), numbered in evaluation
/// order among the owner's generated parts. Parentheses are not identifier characters, so a
/// generated name never equals a user's.
public struct NodeNames: Sendable {
    /// The widest formula (in display columns) an unnamed node is called by.
    public static let maxFormulaWidth = 16

    /// The display name of each node.
    public private(set) var texts: [String] = []
    /// How strongly each name binds (see `Term`).
    private var strengths: [Int] = []
    /// Unnamed nodes with a generated name.
    public private(set) var generated: Set<Int> = []

    init() {}

    init(_ graph: Graph) {
        texts.reserveCapacity(graph.nodes.count)
        var partsPerOwner: [String: Int] = [:]
        // A juxtaposed product (`ab`) must not read as one of the graph's names.
        let taken = Set(graph.nodes.filter(\.isNamed).map(\.displayName))
        for node in graph.nodes {
            guard !node.isNamed, let operation = node.operation else {
                texts.append(node.displayName)
                strengths.append(Term.atom)
                continue
            }
            var term = formula(operation, node: node, compact: true)
            if taken.contains(term.text) { term = formula(operation, node: node, compact: false) }
            if TextTable.width(term.text) <= Self.maxFormulaWidth {
                texts.append(term.text)
                strengths.append(term.strength)
            } else {
                let ownerID = node.id.split(separator: ".").first.map(String.init) ?? node.id
                let ownerName = graph.index(of: ownerID).map { graph.nodes[$0].displayName } ?? ownerID
                partsPerOwner[ownerID, default: 0] += 1
                let number = String(partsPerOwner[ownerID]!).compactMap { DisplayName.subscripts[$0] }
                generated.insert(texts.count)
                texts.append(ownerName + "₍" + String(number) + "₎")
                strengths.append(Term.atom)
            }
        }
    }

    /// `operation` over the names of `node`'s inputs.
    func formula(_ operation: Operation, node: Node, compact: Bool) -> Term {
        OperationText.term(operation, style: .math, compact: compact) { argument in
            switch argument {
            case .input(let position):
                let input = node.inputs[position]
                return Term(texts[input], strength: strengths[input])
            case .constant(let t):
                return Term.number(OperationText.number(t, style: .math))
            }
        }
    }
}
