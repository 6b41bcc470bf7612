import StyrDomain

extension AnnualReport {
    /// Chapters 4–6 alone (the chapters' own page), with the year's written sections.
    public static func specialChapters(of data: SpecialChaptersData, year: Int, narratives: [Narrative]) -> [ReportBlock] {
        let texts = Dictionary(narratives.map { ($0.key, $0.body) }, uniquingKeysWith: { first, _ in first })
        return specialChapters(data, year: year) { Paragraphs.split(texts[$0] ?? "") }
    }

    /// Chapters 4–6 (særskilt rapportering, miljø og klima, oppfølging av vedtak og merknader)
    /// as blocks, every share, ratio, deviation and total computed here.
    static func specialChapters(_ special: SpecialChaptersData?, year: Int, text: (String) -> [String]) -> [ReportBlock] {
        let report = special?.report ?? SpecialReport(organisationCode: "", year: year)
        var blocks: [ReportBlock] = [.heading(level: 1, text: "4. Særskilt rapportering")]
        func written(_ number: String, _ title: String, _ key: String, empty: String = "Ikke skrevet ennå.") {
            blocks.append(.heading(level: 2, text: "\(number) \(title)"))
            let paragraphs = text(key)
            blocks += paragraphs.isEmpty ? [.note(empty)] : paragraphs.map(ReportBlock.paragraph)
        }
        written("4.1", "Tiltak for å forbedre service overfor innbyggere og næringsliv", SpecialChapterTexts.serviceImprovement)
        written("4.2", "Saksbehandlingstid", SpecialChapterTexts.caseProcessing)
        written("4.3", "Handlingsplan for mennesker med funksjonsnedsettelse", SpecialChapterTexts.disabilityPlan)
        written("4.4", "Universell utforming", SpecialChapterTexts.universalDesign)
        written("4.5", "Tiltak/aktiviteter i tråd med Oslo kommunes folkehelseplan", SpecialChapterTexts.publicHealth)
        written("4.6", "Likestillingstiltak rettet mot byens innbyggere", SpecialChapterTexts.equalityMeasures)

        blocks.append(.heading(level: 2, text: "4.7 Rapportering innen HR-området og HMS"))
        blocks += hrBlocks(report, year: year, findings: special?.findings ?? [], text: text)
        blocks.append(.heading(level: 2, text: "4.8 Bruk av konsulenter"))
        blocks += text(SpecialChapterTexts.consultantsComment).map(ReportBlock.paragraph)
        blocks += consultantBlocks(special?.consultants ?? ConsultantUse(source: .entered, rows: report.consultants), year: year)

        blocks.append(.heading(level: 1, text: "5. Miljø- og klimarapportering"))
        blocks.append(.heading(level: 2, text: "Miljø- og klimaarbeidet i etaten"))
        blocks += text(SpecialChapterTexts.environmentWork).map(ReportBlock.paragraph)
        blocks.append(.paragraph(report.environment.certification.map { "Miljøsertifisering: \($0)." } ?? "Virksomheten har ikke oppgitt noen miljøsertifisering."))
        blocks.append(.heading(level: 2, text: "Klimabudsjett"))
        blocks += text(SpecialChapterTexts.climateBudget).map(ReportBlock.paragraph)
        if !report.environment.measures.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Tabell 5.1. Klimatiltak og status", headings: ["Tiltak", "Status"],
                rows: report.environment.measures.map { .init([$0.measure, $0.status.norwegianName]) }, textColumns: [0, 1])))
        }

        blocks.append(.heading(level: 1, text: "6. Oppfølging av verbalvedtak og flertallsmerknader"))
        let items = special?.trackedItems ?? []
        blocks.append(.heading(level: 2, text: "6.1 Utkvittering av bystyrets verbalvedtak og merknader"))
        blocks += trackedBlocks(items.filter { $0.source == .cityCouncil }, year: year,
                                none: "Virksomheten har ingen verbalvedtak eller merknader som skal kvitteres ut i årsberetningen for \(year).")
        blocks.append(.heading(level: 2, text: "6.2 Merknader fra kommunerevisjonen og kontrollutvalget"))
        blocks += trackedBlocks(items.filter { $0.source != .cityCouncil }, year: year,
                                none: "Virksomheten har ingen merknader fra kommunerevisjonen eller kontrollutvalget å følge opp for \(year).")
        return blocks
    }

    static func percent(_ value: Quantity?, decimals: Int = 0) -> String {
        value.map { NorwegianFormat.fixedQuantity($0, decimals: decimals) + " %" } ?? ""
    }

    static func count(_ value: Int) -> String { NorwegianFormat.integer(Int64(value)) }

    private static func hrBlocks(_ report: SpecialReport, year: Int, findings: [SpecialReportFinding], text: (String) -> [String]) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 3, text: "Likestilling og mangfold i arbeidsgiverrollen")]
        let question = "Har virksomheten i løpet av \(year) undersøkt om det finnes risiko for diskriminering eller andre hindre for likestilling?"
        blocks.append(.table(ReportTable(
            caption: "Tabell 4.7.1. Likestilling og mangfold", headings: ["Tilstandsanalyse", "Ja/nei", "Hvis nei, hvorfor ikke?"],
            rows: [.init([question, report.equality.map { $0.riskAssessed ? "Ja" : "Nei" } ?? "Ikke besvart", report.equality?.explanation ?? ""])],
            textColumns: [0, 1, 2])))
        if !report.genderPay.isEmpty {
            let rows = report.genderPay.map { row -> ReportTable.Row in
                let total = row.count.total
                return .init([row.category, String(row.year), percent(SpecialReportFigures.share(row.count.men, of: total)),
                              percent(SpecialReportFigures.share(row.count.women, of: total)), count(total),
                              NorwegianFormat.kroner(row.menPay), NorwegianFormat.kroner(row.womenPay),
                              SpecialReportFigures.womenPayShare(row).map { NorwegianFormat.fixedQuantity($0, decimals: 1) + " %" } ?? ""])
            }
            blocks.append(.table(ReportTable(
                caption: "Tabell 4.7.2. Kjønn og lønn",
                headings: ["Stillingskategori", "År", "Menn", "Kvinner", "Total (N)", "Lønn menn (kr)", "Lønn kvinner (kr)", "Kvinners lønn i % av menns"],
                rows: rows)))
            blocks.append(.note("Andelene er beregnet fra antall menn og kvinner; kvinners lønn i prosent av menns er beregnet fra gjennomsnittlig årslønn."))
        }
        blocks += text(SpecialChapterTexts.hrComment).map(ReportBlock.paragraph)
        if !report.workforce.isEmpty {
            // One row per kind of employment, the years side by side (total, men, women), so the table fits the page.
            let years = report.workforce.sorted { $0.year > $1.year }
            func group(_ count: SexCount?) -> [String] {
                guard let count else { return ["", "", ""] }
                return [Self.count(count.total), percent(SpecialReportFigures.share(count.men, of: count.total)),
                        percent(SpecialReportFigures.share(count.women, of: count.total))]
            }
            let kinds: [(String, (WorkforceRow) -> [String])] = [
                ("Alle ansatte", { [Self.count($0.total), "", ""] }),
                ("Heltid", { group($0.fullTime) }), ("Deltid", { group($0.partTime) }),
                ("Ufrivillig deltid", { group($0.involuntaryPartTime) }), ("Midlertidig ansatte", { group($0.temporary) }),
            ]
            blocks.append(.table(ReportTable(
                caption: "4.7.3. Heltid, deltid mv.",
                headings: ["Ansatte"] + years.flatMap { ["\($0.year) totalt", "\($0.year) menn", "\($0.year) kvinner"] },
                rows: kinds.map { name, cells in ReportTable.Row([name] + years.flatMap(cells)) })))
            blocks.append(.note("Andelene av menn og kvinner er regnet ut fra antallet i hver gruppe."))
        }
        for finding in findings {
            blocks.append(.finding(finding.message))
            if let explanation = finding.explanation { blocks.append(.paragraph("Forklaring: \(explanation)")) }
            if let request = finding.request { blocks.append(.finding(request)) }
        }
        blocks.append(.heading(level: 3, text: "HMS og arbeidstid"))
        if !report.hse.questions.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Tabell 4.7.4. HMS", headings: ["HMS", "Ja", "Nei", "Kommentar"],
                rows: report.hse.questions.map { question in
                    .init([question.question, question.answer == true ? "x" : "", question.answer == false ? "x" : "", question.comment])
                }, textColumns: [0, 1, 2, 3])))
        }
        if let breaches = report.hse.workingTimeBreaches {
            blocks.append(.paragraph("Antall brudd på arbeidsmiljølovens arbeidstidsbestemmelser (AML) i \(year): \(count(breaches))."))
            if !report.hse.breachesComment.isEmpty { blocks.append(.paragraph(report.hse.breachesComment)) }
        } else {
            blocks.append(.note("Antall brudd på arbeidstidsbestemmelsene er ikke registrert for \(year)."))
        }
        blocks.append(.heading(level: 3, text: "Sykefravær"))
        blocks += text(SpecialChapterTexts.sickLeaveComment).map(ReportBlock.paragraph)
        if !report.sickLeave.isEmpty {
            let order = SickLeaveGroup.allCases
            blocks.append(.table(ReportTable(
                caption: "Tabell 4.7.6. Sykefravær",
                headings: ["Sykefravær", "Resultat \(year - 1)", "Mål \(year)", "Resultat \(year)", "Avvik \(year) (prosentpoeng)"],
                rows: report.sickLeave.sorted { order.firstIndex(of: $0.group)! < order.firstIndex(of: $1.group)! }.map { row in
                    .init([row.group.norwegianName, percent(row.previousResult, decimals: 1), percent(row.target, decimals: 1),
                           percent(row.result, decimals: 1),
                           SpecialReportFigures.deviation(row).map { NorwegianFormat.fixedQuantity($0, decimals: 1) } ?? ""],
                          isSum: row.group == .total)
                })))
        }
        return blocks
    }

    /// "18,40" for 18 400 000 kr.
    static func millions(_ money: Money?) -> String {
        guard let money else { return "" }
        return NorwegianFormat.fixedQuantity(Quantity(milli: money.ore / 100_000), decimals: 2)
    }

    private static func consultantBlocks(_ use: ConsultantUse, year: Int) -> [ReportBlock] {
        guard !use.rows.isEmpty else { return [.note("Konsulentbruken er ikke registrert, og det er ikke importert regnskapslinjer på konsulentartene.")] }
        var rows = use.rows.map { ReportTable.Row([$0.category, millions($0.previousYear), millions($0.year)]) }
        if use.rows.count > 1 {
            let previous = use.rows.compactMap(\.previousYear).reduce(Money.zero, +), current = use.rows.compactMap(\.year).reduce(Money.zero, +)
            rows.append(.init(["Sum", millions(previous), millions(current)], isSum: true))
        }
        return [
            .table(ReportTable(
                caption: "Tabell 4.8.1. Konsulentbruk drift (regnskap pr. 31.12 i mill. kr)",
                headings: ["Kategori av kjøp/type konsulenttjeneste", String(year - 1), String(year)], rows: rows)),
            .note(use.sourceNote),
        ]
    }

    private static func trackedBlocks(_ items: [TrackedItem], year: Int, none: String) -> [ReportBlock] {
        let closed = items.filter { $0.isClosed(in: year) }, open = items.filter { $0.isOpen(atEndOf: year) }
        guard !closed.isEmpty || !open.isEmpty else { return [.paragraph(none)] }
        var blocks: [ReportBlock] = []
        for (heading, list) in [("Kvittert ut i \(year)", closed), ("Fortsatt åpne ved utgangen av \(year)", open)] where !list.isEmpty {
            blocks.append(.heading(level: 3, text: heading))
            for item in list {
                blocks.append(.paragraph("\(item.title) (\(item.source.norwegianName), \(NorwegianFormat.date(item.date)))"))
                blocks.append(.paragraph(item.text))
                var facts: [String] = []
                if !item.measures.isEmpty { facts.append("Tiltak: \(item.measures)") }
                if !item.responsible.isEmpty { facts.append("Ansvarlig: \(item.responsible)") }
                if item.status == .closed, let reference = item.closedReference, let on = item.closedOn {
                    facts.append("Lukket \(NorwegianFormat.date(on)) med referanse: \(reference)")
                } else {
                    facts.append("Status: \(item.status.norwegianName)")
                }
                blocks.append(.bullets(facts))
            }
        }
        return blocks
    }
}
