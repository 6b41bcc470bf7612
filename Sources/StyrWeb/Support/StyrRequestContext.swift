import Hummingbird
import StyrStorage

/// The request context of Styr's routes: who is logged in, through which session.
public struct StyrRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The logged-in user's session, set by `SessionMiddleware`.
    var session: SQLAccountStore.Session?

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
