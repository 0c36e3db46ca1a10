import Yams

/// Bounds the size of composed YAML, aliases expanded, so that a short file full of aliases
/// (the "billion laughs": each level an alias list of the one before) cannot exhaust memory
/// when it is walked or turned into Swift values.
public enum YAMLSize {
    /// The most values (scalars, sequences and mappings) a theme or manifest may hold.
    public static let maxValues = 200_000

    /// Whether `node` holds more than `limit` values. Stops counting at the limit, so the walk
    /// itself is bounded however large the expansion would be.
    public static func exceeds(_ node: Node, limit: Int) -> Bool {
        var remaining = limit
        var pending: [Node] = [node]
        while let next = pending.popLast() {
            remaining -= 1
            if remaining < 0 { return true }
            switch next {
            case .scalar: break
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                for pair in mapping {
                    pending.append(pair.key)
                    pending.append(pair.value)
                }
            }
        }
        return false
    }
}
