import Chainframe
import Foundation

/// Finds themes by name or path: what `--theme NAME|PATH` and `chainframe themes` use.
///
/// A path (it contains `/` or ends in `.yaml`/`.yml`) is loaded as it is. A name is looked up as
/// `NAME.yaml` in `directories`, first match wins; the built-in themes (`classroom`,
/// `chalkboard`, `colorblind`, `print`) always resolve, to the copy compiled into Chainframe
/// when no directory has a file of that name.
public struct ThemeCatalog: Sendable, Equatable {
    /// Where a theme comes from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// Compiled into Chainframe (`Theme.classroom`, `Theme.chalkboard`, …).
        case builtIn
        /// A theme file, by its path.
        case file(String)

        public var description: String {
            switch self {
            case .builtIn: return "built-in"
            case .file(let path): return path
            }
        }
    }

    /// One theme the catalog offers, for `chainframe themes`.
    public struct Entry: Sendable, Equatable {
        /// What to pass to `--theme`.
        public var name: String
        /// The theme's own description (empty when it could not be loaded).
        public var description: String
        public var source: Source
        /// Why the file could not be loaded, when it could not.
        public var problem: ThemeError?
    }

    /// The name of the built-in theme.
    public static let builtInName = "classroom"

    /// The folders searched for `NAME.yaml`, in order.
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The catalog of this process: `standardDirectories()`.
    public static var standard: ThemeCatalog {
        ThemeCatalog(directories: standardDirectories())
    }

    /// `$CHAINFRAME_THEMES` (if set; `:` separates several), `themes` (relative to the current
    /// folder), then `<executable folder>/../../themes` and
    /// `<executable folder>/../share/chainframe/themes`, without repeats.
    ///
    /// The executable folder is taken both as invoked (`.build/release`, a symlink in SwiftPM
    /// builds) and as resolved (`/proc/self/exe`), so both a build tree and an install work.
    public static func standardDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableDirectories: [String] = executableDirectories()
    ) -> [String] {
        var found: [String] = []
        if let list = environment["CHAINFRAME_THEMES"] {
            found += list.split(separator: ":").map(String.init)
        }
        found.append("themes")
        for directory in executableDirectories {
            // A SwiftPM build: .build/debug (a link) or .build/<triple>/debug, inside the package.
            found.append(lexicallyNormalized(directory + "/../../themes"))
            if directory.contains("/.build/"), let build = directory.range(of: "/.build/", options: .backwards) {
                found.append(String(directory[..<build.lowerBound]) + "/themes")
            }
            found.append(lexicallyNormalized(directory + "/../share/chainframe/themes"))
        }
        var seen = Set<String>()
        return found.filter { seen.insert(lexicallyNormalized($0)).inserted }
    }

    /// The folder of the running executable, as invoked and as resolved.
    public static func executableDirectories() -> [String] {
        var directories: [String] = []
        let cwd = FileManager.default.currentDirectoryPath
        if let invoked = CommandLine.arguments.first, invoked.contains("/") {
            let absolute = invoked.hasPrefix("/") ? invoked : cwd + "/" + invoked
            directories.append(lexicallyNormalized(absolute + "/.."))
        }
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(lexicallyNormalized(resolved + "/.."))
        } else if let path = Bundle.main.executablePath {
            directories.append(lexicallyNormalized(path + "/.."))
        }
        return directories
    }

    /// Whether `--theme` was given a path rather than a name.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
    }

    /// The theme `--theme NAME|PATH` means; a `ThemeError` when it is unknown or invalid.
    public func resolve(_ nameOrPath: String) throws -> Theme {
        if Self.isPath(nameOrPath) { return try ThemeFile.load(path: nameOrPath, catalog: self) }
        if let path = file(named: nameOrPath) { return try ThemeFile.load(path: path, catalog: self) }
        if let theme = Theme.builtIn(named: nameOrPath) { return theme }
        let names = names()
        let guess = DiagnosticText.suggestion(for: nameOrPath, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        throw ThemeError(file: nil, message: "unknown theme \(ThemeWording.quoted(nameOrPath))\(guess) "
                         + "(available: \(ThemeWording.list(names)); a theme NAME is the file NAME.yaml in "
                         + "one of: \(ThemeWording.list(directories)))")
    }

    /// The file `NAME.yaml` in the first directory that has it.
    public func file(named name: String) -> String? {
        guard !name.isEmpty, !Self.isPath(name) else { return nil }
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(name + ".yaml")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return path
            }
        }
        return nil
    }

    /// Every theme name the catalog knows, sorted; the built-in ones included once.
    public func names() -> [String] {
        var names = Set(Theme.builtInNames)
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".yaml") && !file.hasPrefix(".") {
                names.insert(String(file.dropLast(".yaml".count)))
            }
        }
        return names.sorted()
    }

    /// Every theme with its description and source, sorted by name; files that fail to load
    /// are listed with their `problem`.
    public func available() -> [Entry] {
        names().map { name in
            guard let path = file(named: name) else {
                return Entry(name: name, description: Theme.builtIn(named: name)?.description ?? "", source: .builtIn)
            }
            do {
                let theme = try ThemeFile.load(path: path, catalog: self)
                return Entry(name: name, description: theme.description, source: .file(path))
            } catch {
                let problem = error as? ThemeError ?? ThemeError(file: path, message: "\(error)")
                return Entry(name: name, description: "", source: .file(path), problem: problem)
            }
        }
    }

    /// `ThemeCatalog.standard.resolve(_:)`.
    public static func resolve(_ nameOrPath: String) throws -> Theme {
        try standard.resolve(nameOrPath)
    }

    /// `ThemeCatalog.standard.available()`.
    public static func available() -> [Entry] {
        standard.available()
    }

    /// `a/b/../c/.` as `a/c`, without touching the file system (symlinks are not followed).
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !path.hasPrefix("/") {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
