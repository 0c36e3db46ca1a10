import ArgumentParser
import Chainframe
import ChainframeCLIKit
import ChainframeGraphics
import ChainframeRender
import Foundation

/// `chainframe slope EXPR --at X`: the derivative as a slope.
struct SlopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slope",
        abstract: "Draw f with its tangent and a secant at a point: the derivative as a slope.",
        discussion: """
        Example: chainframe slope "a^2" --at 2 draws a² with its tangent at 2 (slope f′(2) = 4) \
        and the secant for h = 0.5, and writes slope-<function>.png (and pdf/svg with --format).
        """
    )

    @Argument(help: "The function of one variable, in .cg syntax, e.g. \"3*a\" or \"a^2\".")
    var expression: String

    @Option(help: "The point x₀ where the tangent touches.")
    var at: Double

    @Option(name: .customLong("var"), help: "The variable (default: the one name in the expression).")
    var variable: String?

    @Option(help: "The secant's h (visible in the picture).")
    var h: Double = 0.5

    @Option(help: "The x range shown, as FROM:TO (default: x₀ ± 3).")
    var range: String?

    @Option(help: "Picture formats, comma-separated: png, pdf, svg.")
    var format: String = "png"

    @Option(name: .shortAndLong, help: "The output directory (default: output/slope).")
    var out: String = "output/slope"

    @Option(help: "Canvas size in points: WIDTHxHEIGHT.")
    var size: String = "1920x1080"

    @Option(help: "A theme name or the path of a theme file.")
    var theme: String = "classroom"

    @Option(help: "Pixels per point for PNG.")
    var scale: Double = 1

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard at.isFinite else { throw ValidationError("--at must be a finite number") }
        guard h != 0, h.isFinite else { throw ValidationError("--h must be a non-zero number") }
        guard case .fixed? = FrameOptions.CanvasSize(parsing: size) else {
            throw ValidationError("--size must be WIDTHxHEIGHT, each 16 to 16384")
        }
        guard scale > 0, scale <= 8 else { throw ValidationError("--scale must be greater than 0 and at most 8") }
        _ = try formats()
        _ = try parsedRange()
    }

    func formats() throws -> [ScenePictureWriter.Format] {
        try format.split(separator: ",").map { word in
            guard let f = ScenePictureWriter.Format(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--format: '\(word)' is not one of png, pdf, svg")
            }
            return f
        }
    }

    func parsedRange() throws -> ClosedRange<Double>? {
        guard let range else { return nil }
        let parts = range.split(separator: ":").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low < high, low.isFinite, high.isFinite else {
            throw ValidationError("--range must be FROM:TO with FROM < TO, e.g. -1:5")
        }
        return low...high
    }

    func run() throws {
        let names = SlopeStudy.freeVariable(of: expression)
        let name: String
        if let variable {
            name = variable
        } else if names.count == 1 {
            name = names[0]
        } else if names.isEmpty {
            name = "x"
        } else {
            throw ValidationError("the expression uses \(names.joined(separator: ", ")); say which is the variable with --var")
        }
        let study = try SlopeStudy(expression: expression, variable: name, at: at, h: h, range: try parsedRange())
        let theme = try ThemeCatalog.standard.resolve(theme)
        guard case .fixed(let width, let height)? = FrameOptions.CanvasSize(parsing: size) else { return }
        let builder = SlopeSceneBuilder(study: study, theme: theme, size: Size(width: width, height: height),
                                        phrases: language.phrases)
        let scene = builder.scene()
        let directory = URL(fileURLWithPath: out)
        let base = "slope-" + OutputName.sanitized(expression.filter { !$0.isWhitespace }
            .replacingOccurrences(of: "*", with: "x").replacingOccurrences(of: "^", with: "pow")
            .replacingOccurrences(of: "/", with: "div"))
        do {
            try AtomicFile.makeDirectory(directory)
            for format in try formats() {
                let url = directory.appendingPathComponent("\(base).\(format.rawValue)")
                try ScenePictureWriter.write(scene, format: format, to: url, title: builder.caption.headline, scale: scale,
                                             metadata: [("Title", builder.caption.headline),
                                                        ("Software", "Chainframe \(ChainframeVersion.current)")])
                print("wrote \(url.relativePath)")
            }
        } catch let error as AtomicFile.WriteError {
            throw RunFailure(message: error.description)
        }
    }
}
