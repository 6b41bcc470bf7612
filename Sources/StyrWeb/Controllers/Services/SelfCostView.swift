import StyrDomain
import StyrServices

/// The view model of `selfcost.mustache`: each service's calculation A–H step by step, the
/// year's input (swap rate, indirect costs and their keys) and the links to change it.
struct SelfCostView: Sendable {
    struct Line: Sendable {
        var label: String
        var amount: String
        var strong: Bool
    }

    struct Service: Sendable {
        var name: String
        var url: String
        var problem: String?
        var lines: [Line]
        var flags: [String]
        var priceSteps: [Line]
        var priceProblem: String?
    }

    struct Pool: Sendable {
        var poolName: String
        var amount: String
        var basis: String
        var shares: String
    }

    var organisationName: String
    var year: Int
    var nextYear: Int
    var saved: String?
    var isExample: Bool
    var swapRate: String?
    var pools: [Pool]
    var services: [Service]
    var canEdit: Bool
    var swapRateURL: String
    var newPoolURL: String
    var newPriceURL: String
    var catalogueURL: String
    var csvURL: String
    var xlsxURL: String

    init(_ computed: SelfCostService.Year, canEdit: Bool, saved: String?) {
        let scope = computed.scope
        let base = "\(scope.base)/tjenester"
        let names = Dictionary(computed.services.map { ($0.service.key, $0.service.name) }, uniquingKeysWith: { first, _ in first })
        organisationName = scope.organisation.name
        year = computed.year
        nextYear = computed.year + 1
        self.saved = saved
        isExample = computed.isExample
        swapRate = computed.setup.swapRate?.percentText
        pools = computed.setup.indirectPools.map { pool in
            Pool(poolName: pool.name, amount: NorwegianFormat.kroner(pool.amount), basis: pool.basis.norwegianName,
                 shares: pool.shares.map { "\($0.serviceKey == ServiceMappingRule.notAService ? "Ikke en tjeneste" : names[$0.serviceKey] ?? $0.serviceKey) \($0.share.percentText)" }
                    .joined(separator: ", "))
        }
        services = computed.services.map { row in
            func money(_ value: Money) -> String { NorwegianFormat.exactKroner(value) + " kr" }
            var lines: [Line] = []
            if let c = row.calculation {
                lines = [
                    Line(label: "A Direkte driftskostnader (art 010–499 på tjenesten)", amount: money(c.directCosts), strong: false),
                ] + c.indirectParts.map {
                    Line(label: "B \($0.name): \($0.share.percentText) av \(NorwegianFormat.kroner($0.pool)) kr", amount: money($0.part), strong: false)
                } + [
                    Line(label: "B Indirekte kostnader i alt", amount: money(c.indirectCosts), strong: false),
                    Line(label: "Restverdi 1.1. \(NorwegianFormat.kroner(c.openingResidual)) kr og 31.12. \(NorwegianFormat.kroner(c.closingResidual)) kr, gjennomsnitt",
                         amount: money(c.averageResidual), strong: false),
                    Line(label: "C Kalkulatoriske renter: \(c.interestRate.percentText) (swaprente \(c.swapRate.percentText) + 0,5) × gjennomsnittlig restverdi",
                         amount: money(c.calculatedInterest), strong: false),
                    Line(label: "D Kalkulatoriske avskrivninger (lineært)", amount: money(c.depreciation), strong: false),
                    Line(label: "E Andre inntekter", amount: money(c.otherIncome), strong: false),
                    Line(label: "F Kostnadsgrunnlag = A + B + C + D − E", amount: money(c.costBase), strong: true),
                    Line(label: "G Inntekter fra kunder", amount: money(c.customerIncome), strong: false),
                    Line(label: "H Resultat = G − F", amount: money(c.result), strong: true),
                    Line(label: "Dekningsgrad G / F", amount: c.coverageText, strong: true),
                    Line(label: "Selvkostfond 1.1.", amount: money(c.fund.opening), strong: false),
                    Line(label: "Renter på fondet (\(c.interestRate.percentText) av gjennomsnittet)", amount: money(c.fund.interest), strong: false),
                    Line(label: "Selvkostfond 31.12. (positivt: overskudd, negativt: fremført underskudd)", amount: money(c.fund.closing), strong: true),
                ]
            }
            return Service(name: row.service.name, url: "\(base)/\(row.service.key.urlPathEncoded)?ar=\(computed.year)", problem: row.problem,
                           lines: lines, flags: row.calculation?.fund.flags.map(\.message) ?? [],
                           priceSteps: row.price?.steps.map { Line(label: $0.label, amount: $0.amount, strong: false) } ?? [],
                           priceProblem: row.priceProblem)
        }
        self.canEdit = canEdit
        swapRateURL = "\(base)/selvkost/\(computed.year)/swaprente"
        newPoolURL = "\(base)/selvkost/\(computed.year)/kostnad/ny"
        newPriceURL = "\(base)/selvkost/\(computed.year)/pris/ny"
        catalogueURL = base
        csvURL = "\(base)/selvkost/\(computed.year)?format=csv"
        xlsxURL = "\(base)/selvkost/\(computed.year)?format=xlsx"
    }
}

/// The view model of `selfcost-table.mustache`: one report table (tjenesteregnskap, price list,
/// invoice basis, the department's overview) with its downloads.
struct SelfCostTableView: Sendable {
    struct Row: Sendable {
        var head: String
        var cells: [String]
    }

    var organisationName: String
    var heading: String
    var intro: String
    var isExample: Bool
    var headHeader: String
    var header: [String]
    var rows: [Row]
    var emptyText: String
    var backURL: String
    var csvURL: String?
    var xlsxURL: String?

    init(_ table: SelfCostTable, organisationName: String, intro: String, isExample: Bool, emptyText: String, backURL: String, downloadBase: String?) {
        self.organisationName = organisationName
        heading = table.title
        self.intro = intro
        self.isExample = isExample
        headHeader = table.header.first ?? ""
        header = Array(table.header.dropFirst())
        rows = table.rows.map { Row(head: $0.first?.text ?? "", cells: $0.dropFirst().map(\.text)) }
        self.emptyText = emptyText
        self.backURL = backURL
        csvURL = downloadBase.map { "\($0)?format=csv" }
        xlsxURL = downloadBase.map { "\($0)?format=xlsx" }
    }
}

/// The view model of `service-mapping.mustache`: where the year's ledger lines went.
struct ServiceMappingView: Sendable {
    struct Group: Sendable {
        var target: String
        var lines: String
        var amount: String
    }

    struct Line: Sendable {
        var dimensions: String
        var lines: String
        var amount: String
        var claimedBy: String?
    }

    var organisationName: String
    var year: Int
    var totalLines: String
    var attributedLines: String
    var complete: Bool
    var groups: [Group]
    var unmatched: [Line]
    var conflicts: [Line]
    var canEdit: Bool
    var newRuleURL: String
    var catalogueURL: String

    init(_ mapping: SelfCostService.Mapping, canEdit: Bool) {
        let names = Dictionary(mapping.services.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ key: String) -> String { key == ServiceMappingRule.notAService ? "Ikke en tjeneste" : names[key] ?? key }
        func describe(_ group: LedgerLineGroup) -> String {
            let line = group.line
            return ["ansvar \(line.responsibility.isEmpty ? "–" : line.responsibility)", line.kind.norwegianName.lowercased(),
                    "art \(LedgerLine.artCode(line.art))", "funksjon \(line.function)",
                    line.project.isEmpty ? nil : "prosjekt \(line.project)", line.freeDimension.isEmpty ? nil : "fri \(line.freeDimension)"]
                .compactMap { $0 }.joined(separator: ", ")
        }
        let base = "\(mapping.scope.base)/tjenester"
        organisationName = mapping.scope.organisation.name
        year = mapping.year
        totalLines = NorwegianFormat.integer(mapping.totalLines)
        attributedLines = NorwegianFormat.integer(mapping.attribution.attributedLineCount)
        complete = mapping.attribution.isComplete
        let order = mapping.services.map(\.key) + [ServiceMappingRule.notAService]
        groups = order.compactMap { key in
            guard let groups = mapping.attribution.byTarget[key] else { return nil }
            return Group(target: name(key), lines: NorwegianFormat.integer(groups.map(\.count).reduce(0, +)),
                         amount: NorwegianFormat.kroner(groups.map(\.line.amount).sum(), zeroAsDash: false))
        }
        unmatched = mapping.attribution.unmatched.map {
            Line(dimensions: describe($0), lines: NorwegianFormat.integer($0.count), amount: NorwegianFormat.kroner($0.line.amount, zeroAsDash: false), claimedBy: nil)
        }
        conflicts = mapping.attribution.conflicts.map {
            Line(dimensions: describe($0.group), lines: NorwegianFormat.integer($0.group.count),
                 amount: NorwegianFormat.kroner($0.group.line.amount, zeroAsDash: false), claimedBy: $0.targets.map(name).joined(separator: " og "))
        }
        self.canEdit = canEdit
        newRuleURL = "\(base)/regler/ny"
        catalogueURL = base
    }
}
