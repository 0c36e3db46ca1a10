import Foundation
import Synchronization

/// Keeps an interrupted or concurrent run from damaging an output directory.
///
/// - Temporary files are registered while they exist; on SIGINT or SIGTERM they are
///   removed before the process exits (status 130 or 143), so no partial file is left.
/// - `lock(_:)` takes an exclusive `flock` on `<directory>/.chainframe.lock`, so two renders
///   into one directory take turns instead of interleaving their frames.
public enum OutputGuard {
    private static let temporaryFiles = Mutex<Set<String>>([])
    private static let signalSources = Mutex<[any DispatchSourceSignal]>([])

    /// Removes registered temporary files when the process is interrupted or terminated.
    /// Call once, early in `main`.
    public static func installSignalHandlers() {
        signalSources.withLock { sources in
            guard sources.isEmpty else { return }
            for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    removeTemporaryFiles()
                    FileHandle.standardError.write(Data("chainframe: interrupted; no partial files left\n".utf8))
                    exit(status)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Records `path` as a temporary file to remove if the run is interrupted.
    static func register(_ path: String) {
        temporaryFiles.withLock { _ = $0.insert(path) }
    }

    /// Forgets `path` (renamed into place or removed).
    static func unregister(_ path: String) {
        temporaryFiles.withLock { _ = $0.remove(path) }
    }

    static func removeTemporaryFiles() {
        let paths = temporaryFiles.withLock { files in
            defer { files.removeAll() }
            return files
        }
        for path in paths { unlink(path) }
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
    /// and waits for it.
    public static func lock(_ directory: URL, waiting: () -> Void) throws -> DirectoryLock {
        let path = directory.appendingPathComponent(".chainframe.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        return DirectoryLock(descriptor: descriptor)
    }
}
