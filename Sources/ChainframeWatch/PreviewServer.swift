import ChainframeCLIKit
import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `chainframe watch` (FlyingFox): `/` is the preview's current page, `/live`
/// the WebSocket that tells pages about new versions and errors.
struct PreviewServer {
    let server: HTTPServer

    /// A server for `preview` on `address` and `port`; `host` is the address as the user wrote it.
    init(host: String, address: WatchOptions.ListenAddress, port: UInt16, preview: LivePreview) throws {
        let socket: any SocketAddress = switch address {
        case .ip4(let text): try sockaddr_in.inet(ip4: text, port: port)
        case .ip6(let text): try sockaddr_in6.inet6(ip6: text, port: port)
        }
        server = HTTPServer(address: socket, timeout: 30, logger: .disabled)
        self.host = host
        self.port = port
        self.preview = preview
    }

    private let host: String
    private let port: UInt16
    private let preview: LivePreview

    /// Starts listening; returns the bound port (the free one the system chose for port 0),
    /// then keeps serving in `serving` until cancelled.
    func start() async throws -> (port: UInt16, serving: Task<Void, any Error>) {
        await server.appendRoute("GET /live", to: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LivePreviewMessages(preview: preview))))
        await server.appendRoute("GET /") { [preview] _ in
            HTTPResponse(statusCode: .ok,
                         headers: [.contentType: "text/html; charset=utf-8", .init("Cache-Control"): "no-store"],
                         body: Data(await preview.page.utf8))
        }
        let failure = ServingFailure()
        let serving = Task { [server] in
            do { try await server.run() } catch { await failure.record(error); throw error }
        }
        // Either the server listens, or `run` failed (a busy port): whichever comes first.
        while !(await server.isListening) {
            if let error = await failure.error { throw explain(error) }
            try await Task.sleep(for: .milliseconds(10))
        }
        let bound = await server.listeningAddress.flatMap(Self.port(of:)) ?? port
        return (bound, serving)
    }

    private static func port(of address: Socket.Address) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): port
        default: nil
        }
    }

    /// A socket error in the user's words.
    private func explain(_ error: any Error) -> RunFailure {
        if case SocketError.failed(_, let number, _) = error {
            switch number {
            case EADDRINUSE:
                return RunFailure(message: "port \(port) on \(host) is already in use; choose another with --port (--port 0 picks a free one)")
            case EACCES:
                return RunFailure(message: "no permission to listen on port \(port) (ports below 1024 need root); choose another with --port")
            case EADDRNOTAVAIL:
                return RunFailure(message: "\(host) is not an address of this machine (--host)")
            default: break
            }
        }
        return RunFailure(message: "cannot serve on \(host):\(port): \(error.localizedDescription)")
    }
}

/// The error the server's run ended with, if it has.
private actor ServingFailure {
    private(set) var error: (any Error)?
    func record(_ error: any Error) { self.error = error }
}
