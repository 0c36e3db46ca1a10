import Foundation

/// Writes files whole or not at all: a temporary file beside the target, then a rename.
///
/// The temporary file is created with `O_CREAT | O_EXCL | O_NOFOLLOW` under an unpredictable
/// name (`.<name>.tmp-<pid>-<random>`), so a file or symbolic link planted in the output
/// directory is never opened, followed or overwritten; `rename` then replaces the target
/// itself (a symbolic link at the target is replaced, not followed).
public enum AtomicFile {
    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            // strerror's "No space left on device" reads as "no space left on device" after a colon.
            self.reason = reason.first.map { $0.lowercased() + reason.dropFirst() } ?? reason
        }
    }

    /// Writes `bytes` to `url` atomically.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws {
        let data = Array(bytes)
        let temporary = try OutputGuard.createTemporary(for: url)
        defer { OutputGuard.unregister(temporary.path) }
        var written = 0
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Foundation.write(temporary.descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if close(temporary.descriptor) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: String(cString: strerror(failure)))
        }
        try moveIntoPlace(temporary.path, url)
    }

    /// Lets `produce` write the temporary file beside `url` by path (for writers that need a
    /// path, such as cairo's PDF surface), then renames it into place. The temporary file is
    /// created empty first (exclusively, under an unpredictable name); it is removed if `produce`
    /// throws, if it was replaced by anything but a regular file, if the rename fails, or if the
    /// run is interrupted meanwhile.
    public static func replace(_ url: URL, producing produce: (URL) throws -> Void) throws {
        let temporary = try OutputGuard.createTemporary(for: url)
        close(temporary.descriptor)
        defer { OutputGuard.unregister(temporary.path) }
        do {
            try produce(URL(fileURLWithPath: temporary.path))
        } catch {
            unlink(temporary.path)
            throw error
        }
        var status = stat()
        guard lstat(temporary.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: "its temporary file was replaced while it was written")
        }
        try moveIntoPlace(temporary.path, url)
    }

    private static func moveIntoPlace(_ temporary: String, _ url: URL) throws {
        guard rename(temporary, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: url.path, reason: message)
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }

    /// Creates `url` (and its parents) as a directory, with a clear error naming the part of
    /// the path that is in the way.
    public static func makeDirectory(_ url: URL) throws {
        let path = url.standardizedFileURL.path
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw WriteError(path: url.path, reason: "it exists and is not a directory") }
            return
        }
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o777) == 0 { continue }
            let code = errno
            if stat(prefix, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw WriteError(path: url.path, reason: "'\(prefix)' is a file, not a folder")
                }
                continue
            }
            throw WriteError(path: url.path, reason: String(cString: strerror(code)))
        }
    }

    /// Creates the folder `name` inside an output directory (`svg/`), refusing a symbolic link
    /// or anything else planted under that name: what Chainframe writes stays inside the
    /// output directory.
    public static func makeSubdirectory(_ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name, isDirectory: true)
        if mkdir(url.path, 0o777) != 0 && errno != EEXIST {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw WriteError(path: url.path, reason: "it exists and is not a folder (a symbolic link is not followed)")
        }
        return url
    }

    /// A Foundation error as a short phrase ("no space left on device"), never an error code.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch ns.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        default: return "the file system refused it"
        }
    }
}
