/// How the .cg language writes an operation.
public enum Spelling: Sendable, Equatable {
    /// How tightly an infix operator binds, weakest first.
    public enum Precedence: Int, Sendable, Comparable, CaseIterable {
        /// `+ -`
        case sum = 1
        /// `* / @`
        case product
        /// `^`: right-associative, tighter than unary minus (`-a^2` is `-(a^2)`).
        case power

        public static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    /// An infix operator: `a + b`.
    case infix(String, Precedence)
    /// A prefix operator: `-a`.
    case prefix(String)
    /// A function called by name: `exp(a)`.
    case call(String)
}

extension Primitive {
    /// One primitive, whole: how it is written, how it computes, how it differentiates.
    public struct Rule: Sendable {
        /// How .cg files write it; the parser and the function table read this.
        public let spelling: Spelling
        /// How captions write it for people: `×`, `÷`, `−`, `·`, `σ`, `ᵀ`.
        public let mathSymbol: String
        /// The short symbol drawn inside an operation node: `×`, `MatMul`, `σ`.
        public let nodeSymbol: String
        /// How many arguments it takes.
        public let arity: Int
        /// The name it may also be called by, when it is an operator (`matmul(a, b)` for `a @ b`).
        public let functionName: String?
        /// The result from the arguments, within the limits.
        let forward: @Sendable ([Tensor], Limits) throws(ShapeError) -> Tensor
        /// The gradient of each argument from the arguments, the result and the arriving gradient.
        let backward: @Sendable ([Tensor], Tensor, Tensor) -> [Tensor]

        init(_ spelling: Spelling, math: String, node: String, arity: Int = 1, alias: String? = nil,
             forward: @escaping @Sendable ([Tensor], Limits) throws(ShapeError) -> Tensor,
             backward: @escaping @Sendable ([Tensor], Tensor, Tensor) -> [Tensor]) {
            self.spelling = spelling
            self.mathSymbol = math
            self.nodeSymbol = node
            self.arity = arity
            self.forward = forward
            self.backward = backward
            switch spelling {
            case .call(let name): functionName = name
            case .infix, .prefix: functionName = alias
            }
        }
    }
}
