import Crypto
import Foundation
import Synchronization

/// A bounded in-memory cache whose entries hold the data version (`SQLStorage.dataVersion`) read
/// *before* the value was computed: an entry is used only while the version is still the same,
/// so a write anywhere (on any instance sharing the database) retires every entry at once.
final class VersionedCache<Value: Sendable>: Sendable {
    private struct Entry {
        var version: Int64
        var value: Value
        var cost: Int
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var cost = 0
    }

    private let state = Mutex(State())
    let maximumEntries: Int
    let maximumCost: Int

    init(maximumEntries: Int, maximumCost: Int = .max) {
        self.maximumEntries = maximumEntries
        self.maximumCost = maximumCost
    }

    func value(for key: String, at version: Int64) -> Value? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.version == version else { return nil }
            return entry.value
        }
    }

    /// Keeps `value` for `key`, read at `version`. Past the bounds, entries of other versions go
    /// first, then any.
    func store(_ value: Value, for key: String, at version: Int64, cost: Int = 1) {
        guard cost <= maximumCost else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.cost -= old.cost }
            if state.entries.count >= maximumEntries || state.cost + cost > maximumCost {
                for (key, entry) in state.entries where entry.version != version {
                    state.entries[key] = nil
                    state.cost -= entry.cost
                }
            }
            while state.entries.count >= maximumEntries || state.cost + cost > maximumCost, let first = state.entries.first {
                state.entries[first.key] = nil
                state.cost -= first.value.cost
            }
            state.entries[key] = Entry(version: version, value: value, cost: cost)
            state.cost += cost
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// A key for secrets and long texts: the SHA-256 of the parts, so no token is kept as it is.
    static func key(_ parts: String...) -> String {
        var hash = SHA256()
        for part in parts {
            hash.update(data: Data(part.utf8))
            hash.update(data: Data([0]))
        }
        return Data(hash.finalize()).base64EncodedString()
    }
}
