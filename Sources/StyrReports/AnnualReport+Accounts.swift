import StyrDomain

extension AnnualReport {
    static func accountsSection(
        _ data: AnnualReportData, kind: AccountKind, unit: AmountUnit, explanations: [String]
    ) -> AccountsSection {
        let year = data.year
        let table = AccountsTable.build(
            chapter: data.chapter.number, year: year, kind: kind, amounts: data.amounts, revisions: data.revisions)
        // The budget columns of a year without a budget have no figures ("..", as in KOSTRA's and
        // SSB's tables), which is not 0 ("-").
        let cells: [[String]]
        switch unit {
        case .kroner:
            cells = table.rows.map { row in row.columns.map { amount in amount.map { NorwegianFormat.kroner($0) } ?? noFigure } }
        case .thousands:
            cells = table.rounded(toUnitOre: 100_000).map { row in
                row.map { units in units.map { $0 == 0 ? "-" : NorwegianFormat.integer($0) } ?? noFigure }
            }
        }
        let rows = table.rows.enumerated().map { index, row in
            // A cell without a figure has no amount and no ledger lines behind it; 0 stands in its place.
            AccountsRow(label: table.label(of: row), cells: cells[index], isSum: !isGroup(row.kind), kind: row.kind,
                        amounts: row.columns.map { $0 ?? .zero })
        }
        let caption = kind == .operating
            ? "Driftsregnskap for kap. \(data.chapter.number) \(data.chapter.name)"
            : "Investeringsregnskap for kap. \(data.chapter.number) \(data.chapter.name)"
        let decidedNote = kind == .operating
            ? "* Bystyret vedtar kun sum driftsutgifter, sum driftsinntekter og nettoresultat pr. kapittel, jf. Dok. 3."
            : "* Bystyret vedtar sum utgifter (sum finansieringsbehov), sum inntekter (sum finansiering) og resultat (netto finansieringsbehov) pr. kapittel."
        let unitNote = unit == .thousands ? [TotalsPreservingRounding.methodNote] : []
        let budgetNote = table.hasBudget ? [] : [noBudgetNote(chapter: data.chapter, year: year)]
        let revisions = data.revisions.filter { $0.kind == kind && $0.chapter == data.chapter.number }
        return AccountsSection(
            kind: kind, year: year, caption: caption,
            headings: ["Artsgrupper", "Regnskap \(year)", "Dok. 3 \(year)*", "Regulert bud. \(year)", "Regnskap \(year - 1)",
                       "Avvik \(year) (III-I)"],
            rows: rows, notes: budgetNote + [decidedNote] + unitNote,
            explanations: resultSentence(table) + explanations,
            revisionHeading: "Redegjørelse for budsjettreguleringer i løpet av \(year)",
            revisionText: revisionText(table, revisions: revisions),
            comparisonHeading: "Årsaksforklaring til større avvik mellom regnskap \(year) og regnskap \(year - 1)",
            comparisonText: comparisonText(table))
    }

    private static func isGroup(_ kind: AccountsTable.RowKind) -> Bool {
        if case .group = kind { return true }
        return false
    }

    /// A cell without a figure: a budget column in a year without a budget.
    static let noFigure = ".."

    /// What the accounts tables of a year without a budget say instead of an avvik.
    public static func noBudgetNote(chapter: Chapter, year: Int) -> String {
        "Det er ikke registrert noe budsjett for kap. \(chapter.number) \(chapter.name) i \(year) (verken Dok. 3 eller budsjettreguleringer). Tabellen viser derfor bare regnskapet; Dok. 3, regulert budsjett og avvik har ingen tall («..»)."
    }

    /// "Totalresultatet viser et mindreforbruk på 7 858 141 kr." from the net row's deviation;
    /// nothing in a year without a budget (`noBudgetNote` says why).
    static func resultSentence(_ table: AccountsTable) -> [String] {
        guard table.kind == .operating, let deviation = table.net.budgetDeviation,
              !(table.net.actuals.isZero && table.net.revisedBudget.isZero) else { return [] }
        if deviation.isZero { return ["Totalresultatet er i balanse med regulert budsjett."] }
        let kind = deviation > .zero ? "et positivt resultat (mindreforbruk)" : "et negativt resultat (merforbruk)"
        return ["Totalresultatet viser \(kind) på \(NorwegianFormat.kroner(deviation.magnitudeMoney, zeroAsDash: false)) kr."]
    }

    /// "Budsjettet er økt fra … kr i Dok. 3/2020 til … kr i regulert budsjett, til sammen … kr", then each revision.
    static func revisionText(_ table: AccountsTable, revisions: [BudgetRevision]) -> [String] {
        guard !revisions.isEmpty else { return ["Det er ikke gjort budsjettreguleringer i \(table.year)."] }
        let isInvestment = table.kind == .investment
        let net = table.net
        // A revision's lines carry the KOSTRA sign, so their sum is the change of the net result
        // and, in the investment table, of the net financing need alike.
        let change = RevisionRules.summary(originalNet: net.originalBudget, revisions: revisions).totalChange
        let verb = change >= .zero ? "økt" : "redusert"
        let what = isInvestment ? "Netto finansieringsbehov er" : "Budsjettet er"
        var text = [
            "\(what) \(verb) fra \(NorwegianFormat.kroner(net.originalBudget, zeroAsDash: false)) kr i Dok. 3/\(table.year) til \(NorwegianFormat.kroner(net.revisedBudget, zeroAsDash: false)) kr i regulert budsjett, til sammen \(NorwegianFormat.kroner(change.magnitudeMoney, zeroAsDash: false)) kr."
        ]
        for revision in revisions {
            let amount = revision.netChange
            let direction = amount >= .zero ? "økt" : "redusert"
            text.append(
                "I \(revision.reference) ble budsjettet \(direction) med \(NorwegianFormat.kroner(amount.magnitudeMoney, zeroAsDash: false)) kr. \(revision.reason)")
        }
        return text
    }

    /// The change of the net result from the year before.
    static func comparisonText(_ table: AccountsTable) -> [String] {
        let net = table.net
        guard !net.previousActuals.isZero else { return [] }
        let difference = net.actuals - net.previousActuals
        let direction = difference >= .zero ? "høyere" : "lavere"
        let label = table.kind == .operating ? "Nettoresultatet" : "Netto finansieringsbehov"
        return [
            "\(label) i regnskapet for \(table.year) er \(NorwegianFormat.kroner(difference.magnitudeMoney, zeroAsDash: false)) kr \(direction) enn i regnskapet for \(table.year - 1)."
        ]
    }

    static func projectSection(_ data: AnnualReportData, unit: AmountUnit, comments: [String]) -> ProjectSection {
        let table = InvestmentProjectTable(projects: data.projects)
        let year = data.year
        let columns: [[Money]] = table.projects.map { [$0.originalBudget, $0.revisedBudget, $0.actuals, $0.deviation] }
        let sums = [table.originalBudget, table.revisedBudget, table.actuals, table.deviation]
        let formattedColumns: [[String]]
        let formattedSums: [String]
        switch unit {
        case .kroner:
            formattedColumns = columns.map { $0.map { NorwegianFormat.kroner($0) } }
            formattedSums = sums.map { NorwegianFormat.kroner($0) }
        case .thousands:
            let rounded = (0..<4).map { column in
                TotalsPreservingRounding.round(columns.map { $0[column].ore }, unit: 100_000)
            }
            formattedColumns = columns.indices.map { row in (0..<4).map { NorwegianFormat.integer(rounded[$0][row]) } }
            formattedSums = (0..<4).map { NorwegianFormat.integer(rounded[$0].reduce(0, +)) }
        }
        let rows = table.projects.enumerated().map { index, project in
            [project.name, project.number, project.groups.code, project.councilCompletion ?? "", project.expectedCompletion ?? ""]
                + formattedColumns[index]
        }
        var notes = ["* Budsjett- og regnskapstall er sum finansieringsbehov, dvs. sum artsgruppene 000-599."]
        if unit == .thousands { notes.append(TotalsPreservingRounding.methodNote) }
        notes += reconciliation(data, projects: table)
        return ProjectSection(
            caption: "Investeringsprosjekter for kap. \(data.chapter.number) \(data.chapter.name)",
            headings: ["Prosjektnavn", "Prosjektnummer", "Artsgruppe", "Bystyrevedtatt ferdig (kv/år)",
                       "Faktisk/forventet ferdig (kv/år)", "Dok. 3 \(year)", "Regulert budsjett \(year) (inkl. y.disp fra \(year - 1))",
                       "Regnskap \(year)", "Avvik (VII-VIII)"],
            rows: rows, sumRow: ["Sum kap. \(data.chapter.number)", "", "", "", ""] + formattedSums, notes: notes, comments: comments)
    }

    /// The projects together should match the investment table's financing need; say so when not.
    static func reconciliation(_ data: AnnualReportData, projects: InvestmentProjectTable) -> [String] {
        guard !projects.projects.isEmpty else { return [] }
        let investment = AccountsTable.build(
            chapter: data.chapter.number, year: data.year, kind: .investment, amounts: data.amounts, revisions: data.revisions)
        var notes: [String] = []
        let pairs: [(String, Money, Money)] = [
            ("regulert budsjett", projects.revisedBudget, investment.expenseSum.revisedBudget),
            ("regnskap", projects.actuals, investment.expenseSum.actuals),
        ]
        for (label, projectSum, tableSum) in pairs where projectSum != tableSum {
            notes.append(
                "Merk: prosjektenes sum \(label) (\(NorwegianFormat.kroner(projectSum, zeroAsDash: false)) kr) er ikke lik sum finansieringsbehov i investeringsregnskapet (\(NorwegianFormat.kroner(tableSum, zeroAsDash: false)) kr); differansen er \(NorwegianFormat.kroner(projectSum - tableSum, zeroAsDash: false)) kr.")
        }
        return notes
    }
}

extension Money {
    var magnitudeMoney: Money { Money(ore: ore < 0 ? -ore : ore) }
}
