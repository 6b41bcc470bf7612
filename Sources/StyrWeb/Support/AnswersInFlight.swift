import Synchronization

/// Kept answers being computed now, by cache key and data version (single flight). When many
/// requests miss the same kept answer at once — on a cold start, or right after a write under
/// load — one of them computes it and the others wait for its result, instead of each computing
/// the same page: 64 concurrent misses of a 14 ms page on two cores made the last of them wait
/// about 450 ms (`Benchmarks/results/`).
///
/// Waiting is as fresh as a cache hit: a waiter read the same data version before it arrived, and
/// the answer it gets is the one the cache would hand it a moment later (`VersionedCache`).
final class AnswersInFlight: Sendable {
    enum Turn: Sendable {
        /// Compute the answer, then hand it to the waiters with `finish` (also when failing).
        case compute
        /// What the request that computed handed over: its kept answer, or nil when it has none to
        /// share (an error, an answer that is not kept), so the caller computes its own.
        case shared(CachedResponse?)
    }

    private let flights = Mutex<[String: [CheckedContinuation<Turn, Never>]]>([:])

    /// The caller's turn for `key` at `version`: the first request computes, the others wait for it.
    func turn(for key: String, at version: Int64) async -> Turn {
        let flight = Self.flight(key, version)
        if flights.withLock({ Self.lead(flight, in: &$0) }) { return .compute }
        return await withCheckedContinuation { continuation in
            let leads = flights.withLock { flights in
                if Self.lead(flight, in: &flights) { return true }
                flights[flight, default: []].append(continuation)
                return false
            }
            if leads { continuation.resume(returning: .compute) }
        }
    }

    /// Ends the computation of `key` at `version`: every request waiting for it gets `answer`.
    func finish(_ key: String, at version: Int64, with answer: CachedResponse?) {
        let waiters = flights.withLock { $0.removeValue(forKey: Self.flight(key, version)) } ?? []
        for waiter in waiters { waiter.resume(returning: .shared(answer)) }
    }

    /// Computations running now (for tests).
    var count: Int { flights.withLock { $0.count } }

    /// Starts a flight when none runs: true when the caller is the one to compute.
    private static func lead(_ flight: String, in flights: inout [String: [CheckedContinuation<Turn, Never>]]) -> Bool {
        guard flights[flight] == nil else { return false }
        flights[flight] = []
        return true
    }

    private static func flight(_ key: String, _ version: Int64) -> String { "\(version) \(key)" }
}
