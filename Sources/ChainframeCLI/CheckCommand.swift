import ArgumentParser
import Chainframe
import ChainframeCLIKit

/// `chainframe check FILE`: analytic gradients against central differences.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every gradient against a central difference (f(x+h) − f(x−h)) / 2h.",
        discussion: "Exits with status 1 when any relative error exceeds the tolerance."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "The step h of the central difference.")
    var h: Double = NumericalCheck.defaultH

    @Option(help: "The largest relative error accepted: |analytic − numeric| / max(1, |analytic|, |numeric|).")
    var tolerance: Double = NumericalCheck.defaultTolerance

    @Flag(help: "Check every element of every input (default: \(NumericalCheck.defaultSample) evenly spaced elements of larger inputs).")
    var all = false

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    func validate() throws {
        guard h > 0, h.isFinite else { throw ValidationError("--h must be a positive number") }
        guard tolerance >= 0, tolerance.isFinite else { throw ValidationError("--tolerance must be zero or positive") }
    }

    func run() throws {
        let evaluation = try input.loadEvaluation()
        let check = try NumericalCheck(evaluation, h: h, tolerance: tolerance, sample: all ? nil : NumericalCheck.defaultSample)
        switch format {
        case .text: print(CheckReport.text(check, graph: evaluation.graph, phrases: language.phrases), terminator: "")
        case .json: print(CheckReport.json(check, graph: evaluation.graph).serialized(indent: 2))
        }
        let bad = evaluation.nonFiniteNodes
        if !bad.isEmpty {
            Warnings.report(["\(language.phrases.notFinite): " + bad.map { evaluation.graph.displayName(of: $0) }.joined(separator: ", ")])
        }
        if !check.passed { throw ExitCode(ExitStatus.failure) }
    }
}
