import Foundation

extension Exporter {
    /// `tikz`: one TikZ picture with a Beamer overlay per step, as a fragment to `\input` into a
    /// frame (`<base>.tex`) and as a document pdflatex compiles on its own (`<base>-standalone.tex`).
    public static let tikz = Exporter(
        name: "tikz",
        summary: "A TikZ picture with one Beamer overlay per step (<base>.tex to \\input, <base>-standalone.tex for pdflatex).",
        capabilities: [.vector, .sequence, .text],
        files: { base in ["\(base).tex": "tikz", "\(base)-standalone.tex": "tikz"] }
    ) { context in
        let document = TikZDocument(context.picture)
        let fragment = context.file("\(context.baseName).tex")
        let standalone = context.file("\(context.baseName)-standalone.tex")
        try AtomicFile.write(document.fragment, to: fragment)
        try AtomicFile.write(document.standalone, to: standalone)
        return [fragment, standalone]
    }
}
