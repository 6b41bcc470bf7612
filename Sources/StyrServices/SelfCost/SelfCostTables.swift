import Foundation
import StyrDomain
import StyrReports

/// The self-cost reports as tables, shared by the pages, the command line and the downloads:
/// tjenesteregnskap (income and expenses per service), the self-cost calculation per service
/// (laid out as KOSTRA skjema 23: one row per line A–H, one column per service), next year's
/// price list, and the invoice basis per customer. Amounts are kroner (whole kroner in Markdown
/// and HTML, kroner with øre in CSV, whole kroner in XLSX cells); example figures say so in the title.
public struct SelfCostTable: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var amount: Money?

        public static func text(_ text: String) -> Cell { Cell(text: text, amount: nil) }
        public static func money(_ money: Money) -> Cell { Cell(text: NorwegianFormat.kroner(money, zeroAsDash: false), amount: money) }
    }

    /// A file-name friendly key: `tjenesteregnskap`, `selvkost`, `prisliste`, `fakturagrunnlag`.
    public var key: String
    public var title: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(key: String, title: String, header: [String], rows: [[Cell]]) {
        self.key = key
        self.title = title
        self.header = header
        self.rows = rows
    }

    /// Markdown: a heading and a pipe table.
    public var markdown: String {
        var lines = ["## \(title)", "", "| " + header.joined(separator: " | ") + " |",
                     "|" + header.indices.map { $0 == 0 ? "---" : "---:" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + $0.map(\.text).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV (semicolon-separated, as a Norwegian spreadsheet reads it): amounts as kroner with
    /// øre and a decimal comma, without thousands separators.
    public var csv: String {
        func quoted(_ text: String) -> String {
            text.contains(where: { ";\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        func value(_ cell: Cell) -> String {
            guard let amount = cell.amount else { return quoted(cell.text) }
            return NorwegianFormat.exactKroner(amount).replacingOccurrences(of: " ", with: "")
        }
        return ([header.map(quoted).joined(separator: ";")] + rows.map { $0.map(value).joined(separator: ";") }).joined(separator: "\r\n") + "\r\n"
    }

    public var sheet: XLSXSheet {
        XLSXSheet(name: String((title.components(separatedBy: " – ").first ?? key).prefix(31)), header: header, rows: rows.map { row in
            row.map { cell in cell.amount.map { .amount($0.roundedKroner) } ?? .text(cell.text) }
        }, columnWidths: [36] + Array(repeating: 18, count: max(header.count - 1, 0)))
    }
}

extension SelfCostService.Year {
    var exampleMark: String { isExample ? " (eksempel)" : "" }

    /// Income and expenses per service, from the ledger lines the mapping attributes to it.
    public var serviceAccountsTable: SelfCostTable {
        let header = ["Tjeneste", "Utgifter (art 010–499)", "Herav internkjøp (290)", "Inntekter fra kunder", "Herav internsalg (790)",
                      "Andre inntekter", "Netto utgift"]
        func row(_ name: String, _ accounts: ServiceAccounts) -> [SelfCostTable.Cell] {
            [.text(name), .money(accounts.directCosts), .money(accounts.internalPurchases), .money(accounts.customerIncome),
             .money(accounts.internalSales), .money(accounts.otherIncome), .money(accounts.directCosts - accounts.income)]
        }
        let rows = services.map { row($0.service.name, $0.accounts) } + [row("Ikke en tjeneste", notAService)]
        return SelfCostTable(key: "tjenesteregnskap", title: "Tjenesteregnskap \(year) – \(scope.organisation.name)\(exampleMark)", header: header, rows: rows)
    }

    /// The calculation A–H with the fund, one column per service (or only `service`).
    public func calculationTable(service: String? = nil) -> SelfCostTable {
        let chosen = services.filter { service == nil || $0.service.key == service }
        let header = ["Selvkostkalkyle \(year)"] + chosen.map(\.service.name)
        func line(_ label: String, _ value: (SelfCostCalculation) -> SelfCostTable.Cell) -> [SelfCostTable.Cell] {
            [.text(label)] + chosen.map { $0.calculation.map(value) ?? .text($0.problem ?? "–") }
        }
        let rows: [[SelfCostTable.Cell]] = [
            line("A Direkte driftskostnader") { .money($0.directCosts) },
            line("B Indirekte kostnader (fordelingsnøkler)") { .money($0.indirectCosts) },
            line("Kalkylerente (swaprente + 0,5 prosentpoeng)") { .text($0.interestRate.percentText) },
            line("Gjennomsnittlig restverdi anleggsmidler") { .money($0.averageResidual) },
            line("C Kalkulatoriske renter") { .money($0.calculatedInterest) },
            line("D Kalkulatoriske avskrivninger") { .money($0.depreciation) },
            line("E Andre inntekter") { .money($0.otherIncome) },
            line("F Kostnadsgrunnlag (A + B + C + D − E)") { .money($0.costBase) },
            line("G Inntekter fra kunder") { .money($0.customerIncome) },
            line("H Resultat (G − F)") { .money($0.result) },
            line("Dekningsgrad (G / F)") { .text($0.coverageText) },
            line("Selvkostfond 1.1.") { .money($0.fund.opening) },
            line("Renter på selvkostfond") { .money($0.fund.interest) },
            line("Selvkostfond 31.12.") { .money($0.fund.closing) },
            line("Merknad om fondet") { .text($0.fund.flags.map(\.message).joined(separator: " ")) },
        ]
        return SelfCostTable(key: "selvkost", title: "Selvkost \(year) – \(scope.organisation.name)\(exampleMark)", header: header, rows: rows)
    }

    /// Next year's price per unit, from each service's price plan.
    public var priceListTable: SelfCostTable {
        let header = ["Tjeneste", "Enhet", "Planlagt kostnadsgrunnlag", "Planlagt bruk av fond", "Skal dekkes", "Planlagt volum", "Pris per enhet"]
        let rows: [[SelfCostTable.Cell]] = services.map { row in
            guard let price = row.price else {
                return [.text(row.service.name), .text(row.service.unit), .text(row.priceProblem ?? "Ingen prisplan"), .text(""), .text(""), .text(""), .text("")]
            }
            return [.text(row.service.name), .text(row.service.unit), .money(price.plan.plannedCostBase), .money(price.plan.plannedFundUse),
                    .money(price.toRecover), .text(price.plan.plannedVolume.map { NorwegianFormat.quantity($0, decimals: 3) } ?? ""),
                    SelfCostTable.Cell(text: NorwegianFormat.exactKroner(price.pricePerUnit), amount: price.pricePerUnit)]
        }
        return SelfCostTable(key: "prisliste", title: "Prisliste \(year + 1) – \(scope.organisation.name)\(exampleMark)", header: header, rows: rows)
    }

    /// Each customer's agreements of the year: volume × price.
    public var invoiceBasisTable: SelfCostTable {
        let header = ["Kunde", "Tjeneste", "Periode", "Volum", "Enhet", "Pris per enhet", "Beløp"]
        let sorted = agreements.sorted { ($0.customerCode, $0.serviceKey) < ($1.customerCode, $1.serviceKey) }
        var rows: [[SelfCostTable.Cell]] = []
        for customer in Array(Set(sorted.map(\.customerCode))).sorted() {
            let own = sorted.filter { $0.customerCode == customer }
            for agreement in own {
                let service = services.first { $0.service.key == agreement.serviceKey }?.service
                rows.append([.text(scope.name(of: customer)), .text(service?.name ?? agreement.serviceKey),
                             .text("\(NorwegianFormat.date(agreement.fromDate))–\(NorwegianFormat.date(agreement.toDate))"),
                             .text(NorwegianFormat.quantity(agreement.volume, decimals: 3)), .text(service?.unit ?? ""),
                             SelfCostTable.Cell(text: NorwegianFormat.exactKroner(agreement.price), amount: agreement.price), .money(agreement.amount)])
            }
            rows.append([.text("Sum \(scope.name(of: customer))"), .text(""), .text(""), .text(""), .text(""), .text(""), .money(own.map(\.amount).sum())])
        }
        return SelfCostTable(key: "fakturagrunnlag", title: "Fakturagrunnlag \(year) – \(scope.organisation.name)\(exampleMark)", header: header, rows: rows)
    }

    public func tables(service: String? = nil) -> [SelfCostTable] {
        [serviceAccountsTable, calculationTable(service: service), priceListTable, invoiceBasisTable]
    }
}
