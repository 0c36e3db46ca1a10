import ArgumentParser
import Chainframe
import Foundation

/// The options every command that reads a .cg file shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "The .cg file to read ('-' for standard input).")
    var file: String

    @Option(name: .customLong("output"), help: "Differentiate this node instead of the file's output.")
    var outputNode: String?

    @Option(help: "Refuse input files larger than this many bytes.")
    var maxInputBytes: Int = SourceFile.defaultMaxBytes

    @Option(help: "Refuse graphs with more nodes than this.")
    var maxNodes: Int = GraphBuilder.defaultMaxNodes

    @Option(help: "Refuse expressions nested deeper than this.")
    var maxDepth: Int = Parser.defaultMaxDepth

    @Option(help: "Refuse tensors with more elements than this.")
    var maxElements: Int = Limits.defaultMaxElements

    func validate() throws {
        guard maxInputBytes > 0, maxNodes > 0, maxDepth > 0, maxElements > 0 else {
            throw ValidationError("limits must be positive")
        }
        guard maxDepth <= Limits.deepestAllowed else {
            throw ValidationError("--max-depth is at most \(Limits.deepestAllowed) (deeper nesting could overflow the stack)")
        }
    }

    /// The limits the flags set, as one value.
    var limits: Limits {
        Limits(maxInputBytes: maxInputBytes, maxNodes: maxNodes, maxDepth: maxDepth, maxElements: maxElements)
    }

    /// Reads, parses and evaluates the file (with `--output`, differentiating that node).
    func loadLesson() throws -> Lesson {
        let source = try SourceFile.decode(name: file, bytes: try readBytes(), maxBytes: maxInputBytes)
        return try Lesson(source: source, output: outputNode, limits: limits)
    }

    /// Reads, parses and evaluates the file.
    func loadEvaluation() throws -> Evaluation {
        try loadLesson().evaluation
    }

    private func readBytes() throws -> [UInt8] {
        if file == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw RunFailure(message: "cannot read '\(file)': no such file")
        }
        guard !isDirectory.boolValue else { throw RunFailure(message: "cannot read '\(file)': it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw RunFailure(message: "cannot read '\(file)': permission denied")
        }
        defer { try? handle.close() }
        // Read one byte past the limit so an oversized file is reported without reading it all.
        let data = try handle.read(upToCount: maxInputBytes + 1) ?? Data()
        return [UInt8](data)
    }
}

/// `--lang en|ko`: the language of captions, phase names and table headings.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of captions and tables: \(Phrasebook.all.keys.sorted().joined(separator: ", ")).")
    var lang: String = "en"

    func validate() throws {
        guard Phrasebook.all[lang] != nil else {
            throw ValidationError("--lang must be one of \(Phrasebook.all.keys.sorted().joined(separator: ", "))")
        }
    }

    var phrases: Phrasebook { Phrasebook.all[lang] ?? .english }
}

/// `--format text|json` for the commands that print a report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

