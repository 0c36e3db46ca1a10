import Foundation
import Synchronization

/// Keeps an interrupted or concurrent run from damaging an output directory.
///
/// - Temporary files are created and registered in one step while no signal is being handled;
///   on SIGINT, SIGTERM or SIGHUP they are removed and no new one can be created, then the
///   process exits (status 130, 143 or 129), so no partial file is left.
/// - Temporary files of runs that were killed outright (`kill -9`, SIGQUIT) are removed by the
///   next run that locks the directory.
/// - `lock(_:)` takes an exclusive `flock` on the output directory itself (no lock file), so
///   two renders into one directory take turns instead of interleaving their frames.
public enum OutputGuard {
    private struct Registry {
        var files: Set<String> = []
        /// Set once a signal is being handled: no new temporary file may appear after that.
        var closed = false
    }

    private static let registry = Mutex(Registry())
    private static let signalSources = Mutex<[any DispatchSourceSignal]>([])

    /// Removes registered temporary files when the process is interrupted or terminated, and
    /// ignores SIGPIPE (a pipe closed early is an error to report, not a reason to die).
    /// Call once, early in `main`.
    public static func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        signalSources.withLock { sources in
            guard sources.isEmpty else { return }
            for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129))] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    closeAndRemoveTemporaryFiles()
                    FileHandle.standardError.write(Data("chainframe: interrupted; no partial files left\n".utf8))
                    fflush(nil)
                    // Other threads may still be drawing: leave without running exit handlers.
                    _exit(status)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// An open temporary file: its descriptor (write-only) and path.
    struct Temporary {
        var descriptor: Int32
        var path: String
    }

    /// The marker in every temporary file's name: `.<name>.tmp-<pid>-<random>`.
    static let temporaryMarker = ".tmp-"

    /// Creates a new, empty temporary file beside `url` under an unpredictable name, exclusively
    /// (`O_EXCL`) and without following symbolic links, and registers it for removal on a signal.
    static func createTemporary(for url: URL) throws -> Temporary {
        let directory = url.deletingLastPathComponent().path
        // Long names are cut so that the temporary name stays within NAME_MAX (255 bytes).
        var name = url.lastPathComponent
        while name.utf8.count > 200 { name.removeLast() }
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let path = directory + "/." + name + temporaryMarker + "\(getpid())-" + random
            let result: Result<Temporary?, AtomicFile.WriteError> = registry.withLock { registry in
                guard !registry.closed else {
                    return .failure(AtomicFile.WriteError(path: url.path, reason: "the run is being interrupted"))
                }
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
                if descriptor < 0 {
                    if errno == EEXIST { return .success(nil) }
                    return .failure(AtomicFile.WriteError(path: url.path, reason: String(cString: strerror(errno))))
                }
                registry.files.insert(path)
                return .success(Temporary(descriptor: descriptor, path: path))
            }
            if let temporary = try result.get() { return temporary }
        }
        throw AtomicFile.WriteError(path: url.path, reason: "cannot find a free temporary name")
    }

    /// Records `path` (a file created elsewhere, e.g. ffmpeg's filter script) for removal if the
    /// run is interrupted.
    static func register(_ path: String) {
        registry.withLock { _ = $0.files.insert(path) }
    }

    /// Forgets `path` (renamed into place or removed).
    static func unregister(_ path: String) {
        registry.withLock { _ = $0.files.remove(path) }
    }

    /// Removes every registered temporary file and refuses new ones (the process is exiting).
    static func closeAndRemoveTemporaryFiles() {
        let paths = registry.withLock { registry in
            registry.closed = true
            defer { registry.files.removeAll() }
            return registry.files
        }
        for path in paths { unlink(path) }
    }

    /// Removes temporary files that runs killed outright left in `directory` and its folders one
    /// level down (`svg/`): names `.<name>.tmp-<pid>` or `.<name>.tmp-<pid>-<random>` whose
    /// process is gone. Call while holding the directory's lock. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaries(in directory: URL, depth: Int = 1) -> [String] {
        var removed: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() {
            let path = directory.appendingPathComponent(name).path
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                guard depth > 0 else { continue }
                removed += removeStaleTemporaries(in: directory.appendingPathComponent(name), depth: depth - 1).map { name + "/" + $0 }
                continue
            }
            guard status.st_mode & S_IFMT == S_IFREG, let owner = temporaryOwner(name), owner != getpid(),
                  kill(owner, 0) != 0 && errno == ESRCH else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// The process id in a temporary file's name, or nil if `name` is not one.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || (parts.count == 2 && !parts[1].isEmpty && parts[1].allSatisfy(\.isHexDigit)),
              parts[0].allSatisfy(\.isASCII), let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }

    /// An exclusive lock on an output directory, held until `release()` or process exit.
    public final class DirectoryLock {
        private var descriptor: Int32

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// Lets the next run in.
        public func release() {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }

        deinit { release() }
    }

    /// Locks `directory` (which must exist); if another run holds it, calls `waiting` once
    /// and waits for it. Then removes what killed runs left there (stale temporary files, and
    /// the empty `.chainframe.lock` file earlier versions kept).
    public static func lock(_ directory: URL, waiting: () -> Void) throws -> DirectoryLock {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw AtomicFile.WriteError(path: directory.path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        removeStaleTemporaries(in: directory)
        let legacy = directory.appendingPathComponent(".chainframe.lock").path
        var status = stat()
        if lstat(legacy, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == 0 { unlink(legacy) }
        return DirectoryLock(descriptor: descriptor)
    }
}
