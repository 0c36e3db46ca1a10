import Chainframe
import FlyingFox
import Foundation

/// What `chainframe watch` serves: the last page that rendered, its version, and the error of
/// the latest attempt (if it failed). Pages follow it over WebSocket messages
/// `{"version": N, "error": "…" | null}`, sent on connecting and after every attempt.
actor LivePreview {
    private(set) var version = 0
    private(set) var page = ""
    private(set) var error: String?
    private var listeners: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    /// A new page rendered: it becomes version `version`, and the error is cleared.
    func publish(page: String, version: Int) {
        self.page = page
        self.version = version
        error = nil
        broadcast()
    }

    /// The latest attempt failed: pages keep the last good version and show `message`.
    func fail(_ message: String) {
        error = message
        broadcast()
    }

    /// The state message for a page, as JSON text.
    var message: String {
        JSONValue.object([("version", .number(Double(version))), ("error", error.map(JSONValue.string) ?? .null)])
            .serialized()
    }

    /// The messages one page receives: the current state, then every change.
    func messages() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.yield(.text(message))
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        return stream
    }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }

    private func broadcast() {
        let text = message
        for listener in listeners.values { listener.yield(.text(text)) }
    }
}

/// Sends a page the preview's messages; what the page sends is ignored.
struct LivePreviewMessages: WSMessageHandler {
    let preview: LivePreview

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        await preview.messages()
    }
}
