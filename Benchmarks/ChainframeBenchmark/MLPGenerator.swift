/// Writes the .cg source of a scalar multilayer perceptron, the kind of graph micrograd draws:
/// every weight, product, sum and activation is a node of its own.
enum MLPGenerator {
    /// A network with `inputs` inputs, the given hidden layer widths (tanh) and one output,
    /// with a squared-error loss. Returns the source and its node count.
    static func source(inputs: Int, hidden: [Int]) -> String {
        var lines = ["# Scalar MLP \(inputs)-\(hidden.map(String.init).joined(separator: "-"))-1 (generated)"]
        var previous = (0..<inputs).map { "x\($0)" }
        for (i, name) in previous.enumerated() { lines.append("\(name) = \(Double(i % 5) / 5 - 0.4)") }
        var seed = 1
        func weight() -> String {
            seed = (seed * 48271) % 2147483647
            return String(Double(seed % 2000) / 1000 - 1)
        }
        for (layer, width) in (hidden + [1]).enumerated() {
            var current: [String] = []
            for n in 0..<width {
                var terms: [String] = []
                for (k, input) in previous.enumerated() {
                    let w = "w\(layer)_\(n)_\(k)"
                    lines.append("\(w) = \(weight())")
                    terms.append("\(w) * \(input)")
                }
                let b = "b\(layer)_\(n)"
                lines.append("\(b) = \(weight())")
                let z = "z\(layer)_\(n)"
                lines.append("\(z) = " + terms.joined(separator: " + ") + " + \(b)")
                let h = "h\(layer)_\(n)"
                lines.append(layer == hidden.count ? "\(h) = \(z)" : "\(h) = tanh(\(z))")
                current.append(h)
            }
            previous = current
        }
        lines.append("const target = 1")
        lines.append("L = (\(previous[0]) - target)^2")
        return lines.joined(separator: "\n") + "\n"
    }
}
