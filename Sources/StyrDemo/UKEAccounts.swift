import StyrDomain

extension DemoData {
    private static func groups(_ code: String) -> ObjectGroup { ObjectGroup(code: code)! }

    private static func amounts(
        _ kind: AccountKind, _ year: Int, _ measure: BudgetMeasure, _ kroner: [(String, Int64)]
    ) -> [BudgetAmount] {
        kroner.map {
            BudgetAmount(chapter: chapterNumber, year: year, kind: kind, group: groups($0.0), measure: measure, amount: .kroner($0.1))
        }
    }

    /// Driftsregnskap and investeringsregnskap for kap. 125 (seed chapter 3), in kroner as printed.
    /// Revenues carry the KOSTRA sign (negative); the investment table prints them positive.
    public static let budgetAmounts: [BudgetAmount] =
        amounts(.operating, 2020, .actuals, [
            ("000-099", 350_110_013), ("100-299", 643_136_895), ("400-499", 149_479_100), ("500-599", 15_687_255),
            ("600-699", -541_434_566), ("700-799", -181_385_180), ("900-999", -15_530_658),
        ])
        + amounts(.operating, 2020, .originalBudget, [
            ("000-099", 221_748_000), ("100-299", 605_791_000), ("300-399", 3_716_000), ("400-499", 14_295_000),
            ("600-699", -413_124_000), ("700-799", -38_600_000),
        ])
        + amounts(.operating, 2019, .actuals, [
            ("000-099", 317_261_065), ("100-299", 557_753_777), ("300-399", 2_261_825), ("400-499", 130_425_341),
            ("500-599", 17_063_478), ("600-699", -480_752_607), ("700-799", -191_826_543), ("800-899", -890_718),
            ("900-999", -17_063_478),
        ])
        + amounts(.investment, 2020, .actuals, [
            ("000-099", 3_148_181), ("300-399", 6_689_052), ("400-499", 1_619_027), ("600-699", -14_600), ("700-799", -1_619_027),
        ])
        + amounts(.investment, 2019, .actuals, [
            ("300-399", 16_937_529), ("400-499", 4_737_424), ("700-799", -4_737_424),
        ])

    /// Budsjettreguleringer 2020. The report gives 168/20 (2 138 000) and 208/20 (32 737 000) and
    /// the total change per artsgruppe, but not how each decision was split on artsgrupper: 168/20
    /// and 208/20 are booked on 600-699 here, and 90/20 carries the rest of each group's change
    /// (net −780 000), so that Dok. 3 + revisions gives the printed revised budget in every group.
    public static let budgetRevisions: [BudgetRevision] = [
        BudgetRevision(
            chapter: chapterNumber, year: 2020, kind: .operating, reference: "byrådssak 90/20", decidedOn: nil,
            reason: "Utviklings- og kompetanseetaten ble tilført midler for innføring av kontorstøtteløsning Office 365. I samme sak ble det foretatt betydelige rammetrekk som følge av tapte inntekter i Oslo kommune.",
            lines: [
                RevisionLine(group: groups("000-099"), amount: .kroner(-3_820_000)),
                RevisionLine(group: groups("100-299"), amount: .kroner(-15_725_835)),
                RevisionLine(group: groups("600-699"), amount: .kroner(14_011_435)),
                RevisionLine(group: groups("700-799"), amount: .kroner(4_754_400)),
            ]),
        BudgetRevision(
            chapter: chapterNumber, year: 2020, kind: .operating, reference: "byrådssak 168/20", decidedOn: nil,
            reason: "Utviklings- og kompetanseetaten ble tilført midler fra avsetninger som ble gjort i forbindelse med revidert budsjett.",
            lines: [RevisionLine(group: groups("600-699"), amount: .kroner(2_138_000))]),
        BudgetRevision(
            chapter: chapterNumber, year: 2020, kind: .operating, reference: "byrådssak 208/20", decidedOn: nil,
            reason: "Utviklings- og kompetanseetaten fikk tilført ytterligere midler.",
            lines: [RevisionLine(group: groups("600-699"), amount: .kroner(32_737_000))]),
        // The investment budget (Dok. 3: nothing) was set by 90/20 and the carry-over (YDISP) from
        // 2019; the report does not split the two, so they stand as one revision.
        BudgetRevision(
            chapter: chapterNumber, year: 2020, kind: .investment, reference: "byrådssak 90/20 og YDISP fra 2019", decidedOn: nil,
            reason: "Kap. 125 ble tilført midler til dekning av kostnader i forbindelse med anskaffelse av kommunens kontorstøtteverktøy Office 365, og ubrukte midler fra 2019 ble overført som YDISP.",
            lines: [
                RevisionLine(group: groups("300-399"), amount: .kroner(19_861_000)),
                RevisionLine(group: groups("400-499"), amount: .kroner(2_280_000)),
                RevisionLine(group: groups("700-799"), amount: .kroner(-6_428_000)),
            ]),
    ]

    /// Investeringsprosjekter for kap. 125 (seed chapter 3).
    public static let investmentProjects: [InvestmentProject] = [
        ("108006", "IKT-området konsern", "Avsluttes 2020", 10_522_000, 0),
        ("112007", "Sentral IKT-infrastruktur", "Avsluttes 2020", 7_759_000, 640_000),
        ("118082", "ACOS Websak", "Løpende", 2_253_000, 1_724_098),
        ("120037", "Kontorstøtte Office 365", "Løpende", 17_125_000, 9_092_162),
    ].map { number, name, completion, revised, actuals in
        InvestmentProject(
            chapter: chapterNumber, year: 2020, number: number, name: name, groups: groups("000-599"), councilCompletion: nil,
            expectedCompletion: completion, originalBudget: .zero, revisedBudget: .kroner(revised), actuals: .kroner(actuals))
    }
}
