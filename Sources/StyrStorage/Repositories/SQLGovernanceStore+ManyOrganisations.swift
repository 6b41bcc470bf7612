import SQLKit
import StyrDomain

/// Reads of many organisations at once (a steerer's start page with 50 agencies): one statement
/// per kind of record for a chunk of organisations, not a few statements per organisation.
extension SQLGovernanceStore {
    /// Organisations per statement: the `IN` lists stay far below SQLite's and PostgreSQL's limits
    /// on bound values.
    static let organisationsPerStatement = 500

    public func indicators(ofEach organisationCodes: [String]) async throws -> [String: [IndicatorWithValues]] {
        try await eachOrganisation(organisationCodes) { try await indicators(ofOrganisations: $0) }
    }

    public func notices(ofEach organisationCodes: [String]) async throws -> [String: [InformationNotice]] {
        try await eachOrganisation(organisationCodes) { ids in
            try await documents(InformationNotice.self, from: "information_notices", of: ids) { $0.orderBy("id") }
        }
    }

    /// Runs `read` for the stored organisations among `codes`, a chunk at a time, and keys its
    /// answer (by organisation id) by code; every stored organisation gets an entry, empty or not.
    func eachOrganisation<Record>(
        _ codes: [String], _ read: ([Int64]) async throws -> [Int64: [Record]]
    ) async throws -> [String: [Record]] {
        var result: [String: [Record]] = [:]
        let unique = Array(Set(codes)).sorted()
        for start in stride(from: 0, to: unique.count, by: Self.organisationsPerStatement) {
            let chunk = Array(unique[start..<min(start + Self.organisationsPerStatement, unique.count)])
            var codeByID: [Int64: String] = [:]
            for row in try await db.select().columns("id", "code").from("organisations").where("code", .in, chunk).all() {
                let id = try row.decode(column: "id", as: Int64.self), code = try row.decode(column: "code", as: String.self)
                codeByID[id] = code
                knownIDs.remember(id, for: code)
            }
            guard !codeByID.isEmpty else { continue }
            let records = try await read(codeByID.keys.sorted())
            for (id, code) in codeByID { result[code] = records[id] ?? [] }
        }
        return result
    }

    /// The indicators of the organisations (ids), each in position order with its notes and its
    /// values by year: three statements, whatever the number of organisations and indicators.
    func indicators(ofOrganisations organisationIDs: [Int64]) async throws -> [Int64: [IndicatorWithValues]] {
        guard !organisationIDs.isEmpty else { return [:] }
        let rows = try await db.select().columns("*").from("indicators").where("organisation_id", .in, organisationIDs)
            .orderBy("organisation_id").orderBy("position").all()
        guard !rows.isEmpty else { return [:] }
        let indicatorIDs = SQLSubquery(
            db.select().column("id").from("indicators").where("organisation_id", .in, organisationIDs).select)
        var notes: [Int64: [String]] = [:]
        for row in try await db.select().columns("indicator_id", "text").from("indicator_notes")
            .where(SQLColumn("indicator_id"), .in, indicatorIDs).orderBy("indicator_id").orderBy("position").all() {
            notes[try row.decode(column: "indicator_id", as: Int64.self), default: []].append(try row.decode(column: "text", as: String.self))
        }
        var values: [Int64: [IndicatorValue]] = [:]
        for row in try await db.select().columns("*").from("indicator_values")
            .where(SQLColumn("indicator_id"), .in, indicatorIDs).orderBy("indicator_id").orderBy("year").all() {
            values[try row.decode(column: "indicator_id", as: Int64.self), default: []].append(try Self.indicatorValue(row))
        }
        var result: [Int64: [IndicatorWithValues]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let indicator = Indicator(
                key: try row.decode(column: "key"), name: try row.decode(column: "name"),
                unit: try enumValue(row, "unit"), polarity: try enumValue(row, "polarity"),
                deviationRule: try enumValue(row, "deviation_rule"),
                tolerance: Tolerance(
                    yellow: Quantity(milli: try row.decode(column: "tolerance_yellow_milli")),
                    red: Quantity(milli: try row.decode(column: "tolerance_red_milli"))),
                decimals: Int(try row.decode(column: "decimals", as: Int64.self)),
                introducedIn: try row.decodeOptional("introduced_in", as: Int64.self).map(Int.init),
                notes: notes[id] ?? [], goalArea: try row.decodeOptional("goal_area")
            )
            result[try row.decode(column: "organisation_id", as: Int64.self), default: []]
                .append(IndicatorWithValues(indicator: indicator, values: values[id] ?? []))
        }
        return result
    }

    /// The JSON documents of a dialogue table for the organisations (ids), in `order` within each.
    func documents<Record: Decodable>(
        _ type: Record.Type, from table: String, of organisationIDs: [Int64],
        order: (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws -> [Int64: [Record]] {
        var result: [Int64: [Record]] = [:]
        for row in try await order(db.select().columns("organisation_id", "document").from(table)
            .where("organisation_id", .in, organisationIDs)).all() {
            result[try row.decode(column: "organisation_id", as: Int64.self), default: []].append(try Self.decode(Record.self, row))
        }
        return result
    }
}
