import Foundation

/// Reads a file or standard input with a size limit applied while reading, so an oversized
/// or endless input (`/dev/zero`, a 2 GB pipe) costs at most `limit + 1` bytes of memory.
public enum BoundedRead {
    /// Why an input could not be read: `reason` is a short phrase ("no such file").
    public struct Failure: Error, Sendable {
        public var reason: String
    }

    /// Up to `limit + 1` bytes of the file at `path` (`"-"` for standard input): one byte past
    /// the limit tells the caller the input is too large without reading the rest.
    public static func bytes(of path: String, limit: Int) throws(Failure) -> [UInt8] {
        if path == "-" { return try bytes(descriptor: STDIN_FILENO, limit: limit) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: phrase(errno)) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw Failure(reason: "it is a directory")
        }
        return try bytes(descriptor: descriptor, limit: limit)
    }

    /// Up to `limit + 1` bytes from an open descriptor.
    public static func bytes(descriptor: Int32, limit: Int) throws(Failure) -> [UInt8] {
        let cap = limit >= Int.max - 1 ? Int.max - 1 : limit + 1
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while result.count < cap {
            let wanted = min(chunk.count, cap - result.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: phrase(errno))
            }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// Whether `path` is a regular file (or a symbolic link to one): FIFOs, sockets and devices
    /// are not, and reading them could block forever.
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    private static func phrase(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
