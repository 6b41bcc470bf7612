/// The unconfirmed steering signals a start page shows: the oldest few of some organisations, and
/// how many each has unconfirmed, so the page (and the memory to build it) does not grow with
/// every signal recorded.
public struct UnconfirmedSignals: Sendable, Equatable {
    /// The oldest unconfirmed signals (by the date given, then as recorded), at most the number asked for.
    public var oldest: [SteeringSignal]
    /// Unconfirmed signals per organisation code (organisations with none are left out).
    public var counts: [String: Int]

    public init(oldest: [SteeringSignal], counts: [String: Int]) {
        self.oldest = oldest
        self.counts = counts
    }
}
