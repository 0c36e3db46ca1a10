import ArgumentParser
import Chainframe
import ChainframeRender
import Foundation

/// The options every command that reads a .cg file shares.
package struct InputOptions: ParsableArguments {
    package init() {}

    @Argument(help: "The .cg file to read ('-' for standard input).")
    package var file: String

    @Option(name: .customLong("output"), help: "Differentiate this node instead of the file's output.")
    package var outputNode: String?

    @Option(help: "Refuse input files larger than this many bytes.")
    package var maxInputBytes: Int = SourceFile.defaultMaxBytes

    @Option(help: "Refuse graphs with more nodes than this.")
    package var maxNodes: Int = GraphBuilder.defaultMaxNodes

    @Option(help: "Refuse expressions nested deeper than this.")
    package var maxDepth: Int = Parser.defaultMaxDepth

    @Option(help: "Refuse tensors with more elements than this.")
    package var maxElements: Int = Limits.defaultMaxElements

    @Option(help: "Refuse graphs whose values hold more elements than this in all.")
    package var maxTotalElements: Int = Limits.defaultMaxTotalElements

    package func validate() throws {
        guard maxInputBytes > 0, maxNodes > 0, maxDepth > 0, maxElements > 0, maxTotalElements > 0 else {
            throw ValidationError("limits must be positive")
        }
        guard maxDepth <= Limits.deepestAllowed else {
            throw ValidationError("--max-depth is at most \(Limits.deepestAllowed) (deeper nesting could overflow the stack)")
        }
    }

    /// The limits the flags set, as one value.
    package var limits: Limits {
        Limits(maxInputBytes: maxInputBytes, maxNodes: maxNodes, maxDepth: maxDepth, maxElements: maxElements,
               maxTotalElements: maxTotalElements)
    }

    /// Reads, parses and evaluates the file (with `--output`, differentiating that node).
    package func loadLesson() throws -> Lesson {
        try Self.loadLesson(file, output: outputNode, limits: limits)
    }

    /// Reads `file` (`-` for standard input) with `limits.maxInputBytes` applied while reading,
    /// then parses and evaluates it: how `render`, `watch`, `batch` and the reports read a .cg file.
    package static func loadLesson(_ file: String, output: String? = nil, limits: Limits) throws -> Lesson {
        let bytes: [UInt8]
        do {
            bytes = try BoundedRead.bytes(of: file, limit: limits.maxInputBytes)
        } catch {
            throw RunFailure(message: "cannot read '\(file == "-" ? "standard input" : file)': \(error.reason)")
        }
        let source = try SourceFile.decode(name: file, bytes: bytes, maxBytes: limits.maxInputBytes)
        return try Lesson(source: source, output: output, limits: limits)
    }

    /// Reads, parses and evaluates the file.
    package func loadEvaluation() throws -> Evaluation {
        try loadLesson().evaluation
    }
}

/// `--lang en|ko`: the language of captions, phase names and table headings.
package struct LanguageOption: ParsableArguments {
    package init() {}

    @Option(help: "Language of captions and tables: \(Phrasebook.all.keys.sorted().joined(separator: ", ")).")
    package var lang: String = "en"

    package func validate() throws {
        guard Phrasebook.all[lang] != nil else {
            throw ValidationError("--lang must be one of \(Phrasebook.all.keys.sorted().joined(separator: ", "))")
        }
    }

    package var phrases: Phrasebook { Phrasebook.all[lang] ?? .english }
}

/// `--format text|json` for the commands that print a report.
package enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

