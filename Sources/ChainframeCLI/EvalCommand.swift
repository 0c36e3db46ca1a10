import ArgumentParser
import Chainframe
import ChainframeCLIKit

/// `chainframe eval FILE`: every node's value and gradient.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compute every node's value (forward) and gradient (backward).",
        discussion: "Text is a table; JSON is the documented document on standard output."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Write the table's values and gradients with this many fixed decimals (as micrograd's %.4f) instead of in full.")
    var decimals: Int?

    func validate() throws {
        if let decimals, !(0...12).contains(decimals) { throw ValidationError("--decimals must be from 0 to 12") }
    }

    func run() throws {
        let evaluation = try input.loadEvaluation()
        switch format {
        case .text: print(EvaluationReport.text(evaluation, phrases: language.phrases, decimals: decimals), terminator: "")
        case .json: print(EvaluationReport.json(evaluation).serialized(indent: 2))
        }
    }
}
