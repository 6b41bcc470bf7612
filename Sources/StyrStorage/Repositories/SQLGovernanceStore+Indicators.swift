import SQLKit
import StyrDomain

extension SQLGovernanceStore: IndicatorRepository {
    public func save(_ goalArea: GoalArea, of organisationCode: String, year: Int, position: Int) async throws {
        let organisationID = try await organisationID(organisationCode)
        let before = try await goalAreas(of: organisationCode, year: year).first { $0.name == goalArea.name }
        let id = try await insertReturningID(
            db.insert(into: "goal_areas").columns("organisation_id", "year", "position", "name", "narrative")
                .values(SQLBind(organisationID), SQLBind(Int64(year)), SQLBind(Int64(position)), SQLBind(goalArea.name),
                        SQLBind(goalArea.narrative))
                .onConflict(with: ["organisation_id", "year", "name"]) { $0.set(excludedValueOf: "position").set(excludedValueOf: "narrative") })
        try await db.delete(from: "goals").where("goal_area_id", .equal, id).run()
        for (goalPosition, goal) in goalArea.goals.enumerated() {
            try await db.insert(into: "goals").columns("goal_area_id", "position", "text")
                .values(SQLBind(id), SQLBind(Int64(goalPosition)), SQLBind(goal)).run()
        }
        try await record("goalArea", "\(organisationCode)/\(year)/\(goalArea.name)", before: before, after: goalArea)
    }

    public func goalAreas(of organisationCode: String, year: Int) async throws -> [GoalArea] {
        let organisationID = try await organisationID(organisationCode)
        var areas: [GoalArea] = []
        let rows = try await db.select().columns("id", "name", "narrative").from("goal_areas")
            .where("organisation_id", .equal, organisationID).where("year", .equal, year).orderBy("position").all()
        guard !rows.isEmpty else { return [] }
        // Every area's goals in one statement, not one per area.
        var goalsByArea: [Int64: [String]] = [:]
        for goal in try await db.select().columns("goal_area_id", "text").from("goals")
            .where(SQLColumn("goal_area_id"), .in, SQLSubquery(db.select().column("id").from("goal_areas")
                .where("organisation_id", .equal, organisationID).where("year", .equal, year).select))
            .orderBy("goal_area_id").orderBy("position").all() {
            goalsByArea[try goal.decode(column: "goal_area_id", as: Int64.self), default: []].append(try goal.decode(column: "text", as: String.self))
        }
        for row in rows {
            let goals = goalsByArea[try row.decode(column: "id", as: Int64.self)] ?? []
            areas.append(GoalArea(name: try row.decode(column: "name"), goals: goals, narrative: try row.decodeOptional("narrative")))
        }
        return areas
    }

    public func renameGoalArea(of organisationCode: String, year: Int, from oldName: String, to newName: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let before = try await goalAreas(of: organisationCode, year: year).first(where: { $0.name == oldName }) else {
            throw StorageError.notFound("målområdet «\(oldName)» i \(year) hos «\(organisationCode)»")
        }
        try await db.update("goal_areas").set("name", to: newName)
            .where("organisation_id", .equal, organisationID).where("year", .equal, year).where("name", .equal, oldName).run()
        for entry in try await indicators(of: organisationCode) where entry.indicator.goalArea == oldName {
            try await db.update("indicators").set("goal_area", to: newName)
                .where("organisation_id", .equal, organisationID).where("key", .equal, entry.indicator.key).run()
            var after = entry.indicator
            after.goalArea = newName
            try await record("indicator", "\(organisationCode)/\(entry.indicator.key)", before: entry.indicator, after: after)
        }
        var after = before
        after.name = newName
        try await record("goalArea", "\(organisationCode)/\(year)/\(oldName)", before: before, after: after)
    }

    public func deleteGoalArea(of organisationCode: String, year: Int, named name: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let before = try await goalAreas(of: organisationCode, year: year).first(where: { $0.name == name }),
              let row = try await db.select().column("id").from("goal_areas").where("organisation_id", .equal, organisationID)
                .where("year", .equal, year).where("name", .equal, name).first() else {
            throw StorageError.notFound("målområdet «\(name)» i \(year) hos «\(organisationCode)»")
        }
        let id = try row.decode(column: "id", as: Int64.self)
        try await db.delete(from: "goals").where("goal_area_id", .equal, id).run()
        try await db.delete(from: "goal_areas").where("id", .equal, id).run()
        try await record("goalArea", "\(organisationCode)/\(year)/\(name)", before: before, after: GoalArea?.none)
    }

    public func save(_ indicator: Indicator, of organisationCode: String, position: Int) async throws {
        guard !indicator.key.isEmpty, !indicator.name.isEmpty else {
            throw StorageError.invalid("En indikator må ha nøkkel og navn.")
        }
        guard (0...3).contains(indicator.decimals) else {
            throw StorageError.invalid("Indikatoren «\(indicator.name)»: antall desimaler må være mellom 0 og 3.")
        }
        let organisationID = try await organisationID(organisationCode)
        let before = try await indicators(of: organisationCode).first { $0.indicator.key == indicator.key }?.indicator
        let id = try await insertReturningID(
            db.insert(into: "indicators")
                .columns("organisation_id", "key", "position", "name", "unit", "polarity", "deviation_rule",
                         "tolerance_yellow_milli", "tolerance_red_milli", "decimals", "introduced_in", "goal_area")
                .values(
                    SQLBind(organisationID), SQLBind(indicator.key), SQLBind(Int64(position)), SQLBind(indicator.name),
                    SQLBind(indicator.unit.rawValue), SQLBind(indicator.polarity.rawValue), SQLBind(indicator.deviationRule.rawValue),
                    SQLBind(indicator.tolerance.yellow.milli), SQLBind(indicator.tolerance.red.milli), SQLBind(Int64(indicator.decimals)),
                    SQLBind(indicator.introducedIn.map(Int64.init)), SQLBind(indicator.goalArea))
                .onConflict(with: ["organisation_id", "key"]) { update in
                    ["position", "name", "unit", "polarity", "deviation_rule", "tolerance_yellow_milli", "tolerance_red_milli",
                     "decimals", "introduced_in", "goal_area"].reduce(update) { $0.set(excludedValueOf: $1) }
                })
        try await db.delete(from: "indicator_notes").where("indicator_id", .equal, id).run()
        for (notePosition, note) in indicator.notes.enumerated() {
            try await db.insert(into: "indicator_notes").columns("indicator_id", "position", "text")
                .values(SQLBind(id), SQLBind(Int64(notePosition)), SQLBind(note)).run()
        }
        try await record("indicator", "\(organisationCode)/\(indicator.key)", before: before, after: indicator)
    }

    public func save(_ value: IndicatorValue, ofIndicator key: String, of organisationCode: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let row = try await db.select().column("id").from("indicators")
            .where("organisation_id", .equal, organisationID).where("key", .equal, key).first() else {
            throw StorageError.notFound("indikatoren «\(key)» hos «\(organisationCode)»")
        }
        let indicatorID = try row.decode(column: "id", as: Int64.self)
        let (low, high): (Int64?, Int64?) = switch value.target {
        case .none: (nil, nil)
        case .value(let target): (target.milli, nil)
        case .range(let lowTarget, let highTarget): (lowTarget.milli, highTarget.milli)
        }
        if let low, let high, low > high {
            throw StorageError.invalid("Målområdet for «\(key)» \(value.year): nedre grense er større enn øvre.")
        }
        let before = try await db.select().columns("*").from("indicator_values")
            .where("indicator_id", .equal, indicatorID).where("year", .equal, value.year).first().map(Self.indicatorValue)
        try await db.insert(into: "indicator_values")
            .columns("indicator_id", "year", "target_low_milli", "target_high_milli", "result_milli", "not_measured_reason", "deviation_comment")
            .values(SQLBind(indicatorID), SQLBind(Int64(value.year)), SQLBind(low), SQLBind(high), SQLBind(value.result?.milli),
                    SQLBind(value.notMeasuredReason), SQLBind(value.deviationComment))
            .onConflict(with: ["indicator_id", "year"]) { update in
                ["target_low_milli", "target_high_milli", "result_milli", "not_measured_reason", "deviation_comment"]
                    .reduce(update) { $0.set(excludedValueOf: $1) }
            }
            .run()
        try await record("indicatorValue", "\(organisationCode)/\(key)/\(value.year)", before: before, after: value)
    }

    public func indicators(of organisationCode: String) async throws -> [IndicatorWithValues] {
        let organisationID = try await organisationID(organisationCode)
        return try await indicators(ofOrganisations: [organisationID])[organisationID] ?? []
    }

    static func indicatorValue(_ row: any SQLRow) throws -> IndicatorValue {
        let low = try row.decodeOptional("target_low_milli", as: Int64.self)
        let high = try row.decodeOptional("target_high_milli", as: Int64.self)
        let target: IndicatorTarget? = switch (low, high) {
        case (let low?, let high?): .range(low: Quantity(milli: low), high: Quantity(milli: high))
        case (let low?, nil): .value(Quantity(milli: low))
        default: nil
        }
        return IndicatorValue(
            year: Int(try row.decode(column: "year", as: Int64.self)), target: target,
            result: try row.decodeOptional("result_milli", as: Int64.self).map(Quantity.init(milli:)),
            notMeasuredReason: try row.decodeOptional("not_measured_reason"),
            deviationComment: try row.decodeOptional("deviation_comment")
        )
    }
}

func enumValue<T: RawRepresentable>(_ row: any SQLRow, _ column: String) throws -> T where T.RawValue == String {
    let raw = try row.decode(column: column, as: String.self)
    guard let value = T(rawValue: raw) else { throw StorageError.invalid("Ukjent verdi «\(raw)» i kolonnen \(column).") }
    return value
}
