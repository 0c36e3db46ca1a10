/// The syntax tree of a .cg file, as written, before names are resolved.
public enum Syntax {
    /// An expression on the right of `=`.
    public indirect enum Expression: Sendable, Equatable {
        case number(Double, SourceLocation)
        case name(String, SourceLocation)
        /// Unary minus.
        case negate(Expression, SourceLocation)
        /// An infix operator (`+ - * / ^ @`, as `Primitive.infix` reads them); the location is
        /// the operator's.
        case binary(Primitive, Expression, Expression, SourceLocation)
        /// `f(x, …)`; the location is the function name's.
        case call(String, [Expression], SourceLocation)

        /// Where the expression starts (for messages about the whole expression).
        public var location: SourceLocation {
            switch self {
            case .number(_, let l), .name(_, let l), .negate(_, let l), .call(_, _, let l): return l
            case .binary(_, let lhs, _, _): return lhs.location
            }
        }
    }

    /// A literal tensor: `5`, `[1, 2]` or `[[1, 2], [3, 4]]`.
    public struct Literal: Sendable, Equatable {
        public var tensor: Tensor
        public var location: SourceLocation
    }

    /// What stands on the right of `name =`.
    public enum Definition: Sendable, Equatable {
        /// A signed number or a bracketed literal: an input (a leaf with a gradient).
        case input(Literal)
        /// `const name = …`: a value that takes no gradient.
        case constant(Expression)
        /// Any other expression: a computed node.
        case computed(Expression)
    }

    /// One line of a .cg file.
    public enum Statement: Sendable, Equatable {
        case define(name: String, at: SourceLocation, Definition)
        /// `output J`
        case output(name: String, at: SourceLocation)
        /// `label apple "사과"`
        case label(name: String, at: SourceLocation, text: String)
        /// `title "…"`
        case title(String, at: SourceLocation)
    }

    /// A whole file.
    public struct File: Sendable, Equatable {
        public var statements: [Statement]
        /// Where the file ends (for errors about something missing).
        public var end: SourceLocation
    }
}
