import ArgumentParser
import Chainframe
import ChainframeCLIKit
import ChainframeRender
import Foundation
import Yams

/// One graph of a batch: its file, its output directory and its own options.
struct BatchJob: Sendable {
    /// The .cg file as given (or resolved against its manifest).
    var file: String
    /// The output directory.
    var output: String
    /// The look: the command line's, then the manifest's `defaults`, then the graph's own keys.
    var look: BatchLook
    /// Output formats.
    var formats: [String]
}

/// A theme (name or path) and the render options: what `render`'s look flags and a manifest's
/// keys decode into, once, when the batch is planned.
struct BatchLook: Sendable, Equatable {
    var theme: String
    var options: RenderOptions

    /// `key: text` from a manifest applied over this look.
    mutating func set(_ key: String, to text: String) throws(ChainframeError) {
        if key == "theme" { theme = text } else { try options.set(key, to: text) }
    }
}

/// Turns `batch` arguments (files, directories, manifests) into jobs, and picks a shard.
enum BatchPlan {
    /// The keys a manifest entry (or its `defaults`) may set besides `file`, `out` and `formats`.
    static let optionKeys: Set<String> = Set(["theme"] + RenderOptions.keys)

    /// The largest manifest read.
    static let maxManifestBytes = 16 << 20

    /// Every job named by `paths`, in a stable order, with `defaults` applied.
    static func jobs(paths: [String], outputRoot: String, defaults: BatchLook, formats: [String]) throws -> [BatchJob] {
        var jobs: [BatchJob] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let found = try cgFiles(in: path)
                if found.isEmpty { throw ValidationError("no .cg files in \(path)") }
                for relative in found {
                    // Each folder name made safe and the file's own name as `render` makes it,
                    // so `...cg` or `..` can never lead out of the output root.
                    let folders = (relative as NSString).deletingLastPathComponent
                        .split(separator: "/").map { OutputName.sanitized(String($0)) }
                    let name = (folders + [OutputName.base(of: relative)]).joined(separator: "/")
                    jobs.append(BatchJob(file: (path as NSString).appendingPathComponent(relative),
                                         output: (outputRoot as NSString).appendingPathComponent(name),
                                         look: defaults, formats: formats))
                }
            } else if ["yaml", "yml", "json"].contains((path as NSString).pathExtension.lowercased()) {
                jobs += try manifest(path, outputRoot: outputRoot, defaults: defaults, formats: formats)
            } else {
                jobs.append(BatchJob(file: path, output: (outputRoot as NSString).appendingPathComponent(OutputName.base(of: path)),
                                     look: defaults, formats: formats))
            }
        }
        var seen: [String: String] = [:]
        let available = ExporterRegistry.all()
        for job in jobs {
            // Compared as real paths: two `out`s reaching one directory through a symbolic link collide too.
            let key = realDirectory(job.output)
            if let other = seen[key] {
                throw ValidationError("\(other) and \(job.file) would both write into \(job.output); give one an 'out' in a manifest")
            }
            seen[key] = job.file
            guard !job.formats.isEmpty else {
                throw ValidationError("\(job.file): 'formats' names no format; give at least one (e.g. png-frames)")
            }
            let exporters = try job.formats.map { name in
                guard let exporter = available.first(where: { $0.name == name }) else {
                    throw ValidationError("\(job.file): unknown format '\(name)'")
                }
                return exporter
            }
            if let (file, formats) = Exporter.collision(among: exporters, baseName: OutputName.base(of: job.file)) {
                throw ValidationError("\(job.file): \(formats.0) and \(formats.1) would both write \(file); "
                                      + "give them different 'out' directories in a manifest")
            }
        }
        return jobs
    }

    /// `path` with symbolic links resolved as far as it exists (the rest appended as written).
    static func realDirectory(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", realpath(existing, nil) == nil {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let resolved = realpath(existing, nil) else { return path }
        defer { free(resolved) }
        return ([String(cString: resolved)] + rest).joined(separator: "/")
    }

    /// The .cg files below `directory`, relative to it, sorted.
    static func cgFiles(in directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let next = enumerator.nextObject() as? String {
            guard next.hasSuffix(".cg") else { continue }
            // A FIFO, socket or device named `x.cg` would block or never end: skip it, and say so.
            guard BoundedRead.isRegularFile((directory as NSString).appendingPathComponent(next)) else {
                Warnings.report(["skipping \((directory as NSString).appendingPathComponent(next)): not a regular file"])
                continue
            }
            found.append(next)
        }
        return found.sorted()
    }

    /// The jobs of a YAML or JSON manifest:
    /// `{defaults: {…}, graphs: [{file: …, out: …, formats: [...], size: …, …}]}`.
    static func manifest(_ path: String, outputRoot: String, defaults: BatchLook, formats: [String]) throws -> [BatchJob] {
        let base = (path as NSString).deletingLastPathComponent
        guard let bytes = try? BoundedRead.bytes(of: path, limit: maxManifestBytes), bytes.count <= maxManifestBytes,
              let text = String(validating: bytes, as: UTF8.self) else {
            throw ValidationError("cannot read manifest \(path) (it must be UTF-8 text of at most \(maxManifestBytes / 1024 / 1024) MiB)")
        }
        if let (line, column) = YAMLNesting.tooDeep(text) {
            throw ValidationError("\(path):\(line):\(column): nested more than \(YAMLNesting.maxDepth) levels deep")
        }
        let document: Any?
        do {
            // Aliases could expand a few hundred bytes into gigabytes (billion laughs): count the
            // composed tree's values, each alias copy included, before turning it into Swift values.
            if let node = try Yams.compose(yaml: text), YAMLSize.exceeds(node, limit: YAMLSize.maxValues) {
                throw ValidationError("\(path): more than \(YAMLSize.maxValues) values once aliases are expanded")
            }
            document = try Yams.load(yaml: text)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(path): not valid YAML or JSON: \(error)")
        }
        guard let root = document as? [String: Any], let graphs = root["graphs"] as? [Any] else {
            throw ValidationError("\(path): a manifest needs a list 'graphs' (and may have 'defaults')")
        }
        for key in root.keys where key != "graphs" && key != "defaults" {
            throw ValidationError("\(path): unknown key '\(key)' (use 'graphs' and 'defaults')")
        }
        let shared = try options(root["defaults"] ?? [String: Any](), in: path, context: "defaults", allowFile: false)
        var jobs: [BatchJob] = []
        for (i, entry) in graphs.enumerated() {
            var item: [String: Any]
            if let file = entry as? String { item = ["file": file] } else if let map = entry as? [String: Any] { item = map } else {
                throw ValidationError("\(path): graphs[\(i)] must be a file name or a mapping")
            }
            guard let file = item["file"] as? String else { throw ValidationError("\(path): graphs[\(i)] needs 'file'") }
            let own = try options(item, in: path, context: "graphs[\(i)]", allowFile: true)
            let resolved = file.hasPrefix("/") ? file : (base as NSString).appendingPathComponent(file)
            let out = (own.out ?? shared.out).map { $0.hasPrefix("/") ? $0 : (base as NSString).appendingPathComponent($0) }
                ?? (outputRoot as NSString).appendingPathComponent(OutputName.base(of: file))
            var look = defaults
            do {
                for (key, text) in shared.settings + own.settings {
                    // A theme file, like `file:`, is relative to the manifest's folder; names stay names.
                    let isRelativeTheme = key == "theme" && ThemeCatalog.isPath(text) && !text.hasPrefix("/")
                    try look.set(key, to: isRelativeTheme ? (base as NSString).appendingPathComponent(text) : text)
                }
                try look.options.validate()
            } catch {
                throw ValidationError("\(path): graphs[\(i)]: \(error.message)")
            }
            jobs.append(BatchJob(file: resolved, output: out, look: look, formats: own.formats ?? shared.formats ?? formats))
        }
        return jobs
    }

    /// A manifest mapping's options as (key, text) pairs, plus its `out` and `formats`.
    static func options(_ value: Any, in path: String, context: String, allowFile: Bool) throws
        -> (settings: [(String, String)], out: String?, formats: [String]?) {
        guard let map = value as? [String: Any] else { throw ValidationError("\(path): \(context) must be a mapping") }
        var settings: [(String, String)] = []
        var out: String?
        var formats: [String]?
        for key in map.keys.sorted() {
            let raw = map[key]!
            // Values are scalars or lists of scalars; a nested mapping has no meaning as a flag.
            func scalar(_ value: Any) throws -> String {
                switch value {
                case let text as String: return text
                case let number as Int: return String(number)
                case let number as Double: return NumberFormat.full(number)
                case let flag as Bool: return flag ? "true" : "false"
                default:
                    throw ValidationError("\(path): \(context): '\(key)' must be a value or a list of values, not "
                                          + (value is [String: Any] ? "a mapping" : value is [Any] ? "a nested list" : "empty"))
                }
            }
            let text = try (raw as? [Any]).map { try $0.map(scalar).joined(separator: ",") } ?? scalar(raw)
            switch key {
            case "file" where allowFile: continue
            case "out": out = text
            case "formats", "format": formats = text.split(separator: ",").map(String.init)
            default:
                guard optionKeys.contains(key) else {
                    let known = (["out", "formats"] + optionKeys).sorted().joined(separator: ", ")
                    throw ValidationError("\(path): \(context): unknown key '\(key)' (known: \(known))")
                }
                settings.append((key, text))
            }
        }
        return (settings, out, formats)
    }

    /// Job `k` belongs to shard `k mod count` (shards numbered from 1 on the command line).
    static func shard(_ jobs: [BatchJob], index: Int, count: Int) -> [BatchJob] {
        jobs.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
