import SQLKit
import StyrDomain

/// The start page's unconfirmed signals: a count per organisation and the oldest few, read by the
/// `confirmed` column, so only those few JSON documents are decoded however many signals wait.
extension SQLGovernanceStore {
    public func unconfirmedSignals(ofEach organisationCodes: [String], first limit: Int) async throws -> UnconfirmedSignals {
        var counts: [String: Int] = [:]
        for (code, rows) in try await eachOrganisation(organisationCodes, { try await unconfirmedCounts(of: $0) }) {
            if let count = rows.first, count > 0 { counts[code] = count }
        }
        guard limit > 0, !counts.isEmpty else { return UnconfirmedSignals(oldest: [], counts: counts) }
        var oldest: [SteeringSignal] = []
        for signals in try await eachOrganisation(Array(counts.keys), { try await oldestUnconfirmed(of: $0, limit: limit) }).values {
            oldest += signals
        }
        oldest.sort { ($0.givenOn, $0.id ?? 0) < ($1.givenOn, $1.id ?? 0) }
        return UnconfirmedSignals(oldest: Array(oldest.prefix(limit)), counts: counts)
    }

    /// Unconfirmed signals per organisation id: one row each.
    private func unconfirmedCounts(of organisationIDs: [Int64]) async throws -> [Int64: [Int]] {
        var result: [Int64: [Int]] = [:]
        for row in try await db.select().column("organisation_id").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from("steering_signals").where("organisation_id", .in, organisationIDs).where("confirmed", .equal, 0)
            .groupBy("organisation_id").all() {
            result[try row.decode(column: "organisation_id", as: Int64.self)] = [Int(try row.decode(column: "n", as: Int64.self))]
        }
        return result
    }

    /// The oldest `limit` unconfirmed signals of the organisations (ids) together, by organisation id.
    private func oldestUnconfirmed(of organisationIDs: [Int64], limit: Int) async throws -> [Int64: [SteeringSignal]] {
        var result: [Int64: [SteeringSignal]] = [:]
        for row in try await db.select().columns("organisation_id", "document").from("steering_signals")
            .where("organisation_id", .in, organisationIDs).where("confirmed", .equal, 0)
            .orderBy("given_on").orderBy("id").limit(limit).all() {
            result[try row.decode(column: "organisation_id", as: Int64.self), default: []].append(try Self.decode(SteeringSignal.self, row))
        }
        return result
    }
}
