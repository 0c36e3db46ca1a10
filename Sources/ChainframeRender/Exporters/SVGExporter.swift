import Foundation

extension Exporter {
    /// `svg`: one SVG per step in `svg/`, plus the summary step as `<base>-summary.svg`.
    public static let svg = Exporter(
        name: "svg",
        summary: "One SVG per step in svg/ (real text, classes by role) and <name>-summary.svg.",
        capabilities: [.vector, .sequence],
        files: { base in ["svg": "svg"] }
    ) { context in
        try SVGFiles(context: context).write()
    }
}

/// The files of the `svg` exporter: `svg/<base>-000.svg`, … and `svg/<base>-summary.svg`.
struct SVGFiles {
    let context: ExportContext

    var directory: URL { context.directory.appendingPathComponent("svg", isDirectory: true) }

    /// `<base>-000.svg`: at least three digits, like the PNG frames.
    func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "\(context.baseName)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".svg"
    }

    /// Writes every step and the summary; removes numbered files left from a longer run.
    func write() throws -> [URL] {
        let steps = context.storyboard.steps
        guard !steps.isEmpty else { throw ExportError("svg: the storyboard has no steps") }
        _ = try AtomicFile.makeSubdirectory("svg", in: context.directory)
        var written: [URL] = []
        for index in steps.indices {
            let url = directory.appendingPathComponent(fileName(index))
            let text = context.picture.svg(step: index)
            try AtomicFile.write(text, to: url)
            written.append(url)
            if index == context.summaryStepIndex {
                let summary = directory.appendingPathComponent("\(context.baseName)-summary.svg")
                try AtomicFile.write(text, to: summary)
                written.append(summary)
            }
        }
        removeStaleFiles(keeping: steps.count)
        return written
    }

    /// Deletes numbered SVGs of this base name numbered `count` or above; a file is removed only
    /// if its name is exactly what `fileName` gives for its number.
    func removeStaleFiles(keeping count: Int) {
        let prefix = "\(context.baseName)-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".svg") {
            let digits = name.dropFirst(prefix.count).dropLast(4)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
                  number >= count, fileName(number) == name else { continue }
            unlink(directory.appendingPathComponent(name).path)  // a file only, never a folder
        }
    }
}
