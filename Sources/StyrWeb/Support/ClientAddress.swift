import Foundation
import HTTPTypes
import Hummingbird

/// The client's address for login throttling: the connection's peer, or, only when that peer is
/// a proxy named in `STYR_TRUSTED_PROXIES` (comma-separated addresses), the nearest address in
/// `X-Forwarded-For` that is not itself a trusted proxy. A client cannot choose its own address
/// by sending the header straight to Styr.
struct ClientAddress: Sendable {
    let trustedProxies: Set<String>

    init(trustedProxies: Set<String>) { self.trustedProxies = trustedProxies }

    /// From `STYR_TRUSTED_PROXIES`.
    static let fromEnvironment = ClientAddress(trustedProxies: parse(ProcessInfo.processInfo.environment["STYR_TRUSTED_PROXIES"] ?? ""))

    static func parse(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// The address of `request`'s client (`ukjent` when the connection has none).
    func of(_ request: Request, peer: String?) -> String {
        let peer = peer ?? "ukjent"
        guard trustedProxies.contains(peer) else { return peer }
        let hops = request.headers[values: HTTPField.Name("X-Forwarded-For")!]
            .flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last(where: { !trustedProxies.contains($0) }) ?? peer
    }
}
