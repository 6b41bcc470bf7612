import Hummingbird
import StyrDomain
import Synchronization

/// The request context of Styr's routes: who is logged in, through which session.
public struct StyrRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Shared by every copy of this context, so that the outer middlewares (the access log, the
    /// error pages) see what the inner ones found out (the session, the API caller, a failure).
    let record = RequestRecord()

    /// The peer's address of the connection (nil in tests without a network).
    let remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress.flatMap { $0.ipAddress ?? $0.pathname }
    }

    /// The logged-in user's session, set by `SessionMiddleware`.
    var session: UserSession? {
        get { record.session }
        nonmutating set { record.session = newValue }
    }
}

/// What the middlewares learn about one request, for the access log and the error pages.
final class RequestRecord: Sendable {
    private struct State {
        var session: UserSession?
        var apiCaller: UserAccount?
        var failure: String?
        var dataVersion: Int64?
    }

    private let state = Mutex(State())

    /// The browser session of the request's cookie.
    var session: UserSession? {
        get { state.withLock { $0.session } }
        set { state.withLock { $0.session = newValue } }
    }

    /// The caller of an API request (bearer token or session).
    var apiCaller: UserAccount? {
        get { state.withLock { $0.apiCaller } }
        set { state.withLock { $0.apiCaller = newValue } }
    }

    /// The data version read at the start of the request (`SessionMiddleware`), for the caches.
    var dataVersion: Int64? {
        get { state.withLock { $0.dataVersion } }
        set { state.withLock { $0.dataVersion = newValue } }
    }

    /// The error behind a 5xx answer, as logged.
    var failure: String? {
        get { state.withLock { $0.failure } }
        set { state.withLock { $0.failure = newValue } }
    }

    /// Records the error behind a 5xx answer.
    func fail(_ error: any Error) { failure = String(reflecting: error) }

    /// Who made the request, when known.
    var user: UserAccount? { state.withLock { $0.apiCaller ?? $0.session?.user } }
}
