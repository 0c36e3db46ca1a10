import Foundation

/// The one list of built-in exporters, and lookup by name (external ones included).
public enum ExporterRegistry {
    /// Every built-in exporter, in the order `chainframe exporters` lists them.
    public static let builtIn: [Exporter] = [
        .pngFrames,
        .png,
        .apng,
        .mp4,
        .webm,
        .gif,
        .pdf,
        .svg,
        .html,
        .tikz,
        .dot,
        .json,
        .markdown,
    ]

    /// Built-in exporters and the external ones found on `PATH` (built-in names win).
    public static func all(environment: [String: String] = ProcessInfo.processInfo.environment) -> [Exporter] {
        let names = Set(builtIn.map(\.name))
        return builtIn + ExternalExporter.discover(environment: environment).filter { !names.contains($0.name) }
    }
}
