import ArgumentParser
import Chainframe
import ChainframeRender

/// `chainframe exporters`: every output format, built-in and external.
struct ExportersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporters",
        abstract: "List the output formats for 'render --format', with what each can do.",
        discussion: """
        External exporters are executables named chainframe-export-NAME on PATH: they get the \
        JSON document on standard input and the output directory as their argument.
        """
    )

    func run() throws {
        var rows: [[String]] = [["format", "kind", "description"]]
        for exporter in ExporterRegistry.all() {
            let kind = exporter.capabilities.isEmpty ? "external" : exporter.capabilities.words.joined(separator: ", ")
            rows.append([exporter.name, kind, exporter.summary])
        }
        print(TextTable.render(rows), terminator: "")
    }
}
