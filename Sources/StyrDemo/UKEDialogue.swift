import Foundation
import StyrDomain

/// The governance dialogue between FIN and UKE in 2020 and 2021: letters, meetings, signals,
/// notices. The seeds describe the dialogue (seed 000 §4) but not its records, so these are
/// illustrations; the frame of the 2020 letter is the stored Dok. 3 budget, not typed again.
extension DemoData {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }

    static func instant(_ text: String) -> Date { OsloTime.parse(text)! }

    /// Sum expenses and sum revenues of Dok. 3 for the chapter, from the stored input amounts.
    static func originalFrame(year: Int) -> BudgetFrame {
        let original = budgetAmounts.filter { $0.year == year && $0.kind == .operating && $0.measure == .originalBudget }
        return BudgetFrame(
            chapter: chapterNumber, expenses: original.filter { $0.amount.ore > 0 }.map(\.amount).sum(),
            revenues: original.filter { $0.amount.ore < 0 }.map(\.amount).sum())
    }

    public static let letter2020 = AllocationLetter(
        organisationCode: agencyCode, year: 2020, number: 0, title: "Tildelingsbrev 2020 for Utviklings- og kompetanseetaten",
        status: .issued, issuedOn: date(2020, 1, 20), issuedByCode: "FIN",
        introduction: "Byrådsavdeling for finans viser til bystyrets budsjettvedtak for 2020 (Sak 1) og samfunnsoppdraget til UKE. Tildelingsbrevet formidler budsjettrammen, målene og resultatindikatorene i Sak 1, forventninger til etaten og særskilte oppdrag for året.",
        content: LetterContent(
            frames: [originalFrame(year: 2020)],
            expectations: [
                Expectation(key: "fellestjenester", text: "UKE skal levere sikre, stabile og kostnadseffektive fellestjenester til kommunens virksomheter, innenfor avtalte tjenestenivåer."),
                Expectation(key: "gevinster", text: "UKE skal stille systematiske krav til gevinstrealisering for digitaliseringstiltak og rapportere på realiserte gevinster."),
                Expectation(key: "informasjonssikkerhet", text: "UKE skal ha et styringssystem for informasjonssikkerhet i tråd med kommunens krav, og varsle byrådsavdelingen umiddelbart om alvorlige hendelser."),
            ],
            assignments: [
                Assignment(key: "mitt-oslo", title: "Felles plattform for innbyggertjenester (Mitt Oslo)",
                           description: "UKE skal etablere første versjon av en felles plattform for digitale innbyggertjenester.",
                           deadline: date(2020, 10, 1), reporting: "I 2. tertialrapport"),
                Assignment(key: "ikt-konsolidering", title: "Plan for konsolidering av etatenes IKT-miljøer",
                           description: "UKE skal legge frem en plan for hvordan virksomheter med egne IKT-miljøer kan gå over til felles plattform.",
                           deadline: date(2020, 12, 1), reporting: "Egen sak til FIN"),
                Assignment(key: "seriositet", title: "Kontrollrutiner for seriøsitetskrav i anskaffelser",
                           description: "UKE skal etablere rutiner for kontroll av seriøsitetskrav i kommunens rammeavtaler.",
                           deadline: date(2020, 6, 30), reporting: "I årsberetningen"),
            ],
            meetingPlan: [
                PlannedMeeting(date: date(2020, 3, 10), kind: .governance, title: "Etatsstyringsmøte 1/2020"),
                PlannedMeeting(date: date(2020, 6, 9), kind: .governance, title: "Etatsstyringsmøte 2/2020"),
                PlannedMeeting(date: date(2020, 10, 13), kind: .governance, title: "Etatsstyringsmøte 3/2020"),
                PlannedMeeting(date: date(2020, 12, 8), kind: .governance, title: "Etatsstyringsmøte 4/2020"),
            ],
            reportingRequirements: [
                ReportingRequirement(report: "Regnskapsrapport med prognose", period: "per april 2020", due: date(2020, 5, 15)),
                ReportingRequirement(report: "2. tertialrapport", period: "per 31.08.2020", due: date(2020, 9, 25)),
                ReportingRequirement(report: "Årsberetning", period: "2020", due: date(2021, 2, 15)),
            ]))

    public static let supplement2020 = AllocationLetter(
        organisationCode: agencyCode, year: 2020, number: 1, title: "Supplerende tildelingsbrev nr. 1 2020 – koronasituasjonen",
        status: .issued, issuedOn: date(2020, 4, 2), issuedByCode: "FIN",
        introduction: "Koronasituasjonen krever at UKE prioriterer løsninger for hjemmekontor og digital samhandling. Fristen for Mitt Oslo flyttes.",
        amendments: [
            .setAssignment(Assignment(key: "hjemmekontor", title: "Digitale løsninger for hjemmekontor og samhandling",
                                      description: "UKE skal sørge for at kommunens ansatte kan arbeide sikkert hjemmefra, med kapasitet for videomøter.",
                                      deadline: date(2020, 6, 30), reporting: "Egen rapport om koronatiltak")),
            .setAssignment(Assignment(key: "mitt-oslo", title: "Felles plattform for innbyggertjenester (Mitt Oslo)",
                                      description: "UKE skal etablere første versjon av en felles plattform for digitale innbyggertjenester.",
                                      deadline: date(2020, 12, 15), reporting: "I årsberetningen")),
            .addReportingRequirement(ReportingRequirement(report: "Rapport om koronatiltak", period: "mai 2020", due: date(2020, 5, 29))),
        ])

    public static let assignmentUpdates2020: [AssignmentStatusUpdate] = [
        (date(2020, 3, 2), "mitt-oslo", AssignmentStatus.inProgress, "Arbeidet er startet; arkitektur er valgt."),
        (date(2020, 4, 20), "hjemmekontor", .inProgress, "VPN-kapasiteten er tredoblet."),
        (date(2020, 6, 25), "seriositet", .done, "Rutinene er vedtatt og tatt i bruk i alle nye rammeavtaler."),
        (date(2020, 6, 30), "hjemmekontor", .done, "Alle ansatte har tilgang til sikre løsninger for hjemmekontor og videomøter."),
        (date(2020, 9, 1), "ikt-konsolidering", .inProgress, "Kartlegging av egne IKT-miljøer er ferdig."),
        (date(2020, 12, 10), "mitt-oslo", .done, "Første versjon er i drift."),
    ].map { AssignmentStatusUpdate(organisationCode: agencyCode, year: 2020, assignmentKey: $0.1, date: $0.0, status: $0.2, comment: $0.3,
                                   recordedBy: "redaktor@uke.styr.demo") }

    static let finParticipants = ["Frida Finans (FIN, etatsstyrer)", "Kontaktperson i FIN"]
    static let ukeParticipants = ["Etatsdirektør (UKE)", "Line Leder (UKE)", "Ulrik Redaktør (UKE)"]

    /// Loads the dialogue records: letters, meetings, signals, notices.
    static func loadDialogue(into repository: some GovernanceRepository) async throws {
        try await repository.save(letter2020)
        try await repository.save(supplement2020)
        for update in assignmentUpdates2020 { try await repository.add(update) }

        let informal2020 = try await repository.save(Meeting(
            organisationCode: agencyCode, chairedByCode: "FIN", kind: .professional, title: "Fagmøte om tjenesteleveranser",
            date: date(2020, 2, 20), participants: finParticipants + ukeParticipants,
            topics: [.serviceStatus, .projects, .benefitsRealisation], agenda: ["Status tjenesteleveranser", "Status Mitt Oslo", "Gevinstrealisering"],
            minutes: "Gjennomgang av nøkkeltall og tjenestenivå for januar. Status for Mitt Oslo og gevinstplanene.",
            items: [MeetingItem(number: 1, kind: .note, text: "Tjenestenivåene ble nådd i januar.")],
            departmentApproval: MinutesApproval(by: "etatsstyrer@fin.styr.demo", on: date(2020, 2, 24)),
            agencyApproval: MinutesApproval(by: "leder@uke.styr.demo", on: date(2020, 2, 25))))
        let formal2020 = try await repository.save(Meeting(
            organisationCode: agencyCode, chairedByCode: "FIN", kind: .governance, title: "Etatsstyringsmøte 1/2020",
            date: date(2020, 3, 10), participants: finParticipants + ukeParticipants,
            topics: [.frameConditions, .risk], otherTopics: ["Koronasituasjonen"],
            agenda: ["Årsberetning 2019", "Tildelingsbrev 2020", "Risikobilde", "Eventuelt"],
            minutes: "FIN og UKE gikk gjennom årsberetningen for 2019 og oppdragene i tildelingsbrevet for 2020.",
            items: [
                MeetingItem(number: 1, kind: .decision, text: "UKE legger frem plan for konsolidering av IKT-miljøer innen 1. desember."),
                MeetingItem(number: 2, kind: .actionItem, text: "Sende oppdatert risikobilde til FIN", owner: "UKE", deadline: date(2020, 4, 15), status: .done),
                MeetingItem(number: 3, kind: .decision, text: "Arbeidet med Mitt Oslo prioriteres foran ny intranettløsning (bekrefter signalet fra fagmøtet 20.02.2020)."),
            ],
            departmentApproval: MinutesApproval(by: "etatsstyrer@fin.styr.demo", on: date(2020, 3, 17)),
            agencyApproval: MinutesApproval(by: "leder@uke.styr.demo", on: date(2020, 3, 18))))
        try await repository.save(SteeringSignal(
            organisationCode: agencyCode, text: "UKE skal prioritere arbeidet med Mitt Oslo foran ny intranettløsning.",
            givenBy: "Frida Finans (FIN)", givenOn: date(2020, 2, 20), origin: .informalMeeting, meetingID: informal2020,
            place: "Fagmøte om tjenesteleveranser 20.02.2020", recordedBy: "etatsstyrer@fin.styr.demo",
            confirmation: .minutesItem(meetingID: formal2020, itemNumber: 3), confirmedOn: date(2020, 3, 18)))

        try await repository.save(InformationNotice(
            organisationCode: agencyCode, title: "Rapportering av gevinstrealisering",
            details: .clarification(question: "Skal gevinstrealiseringsplanene rapporteres i 2. tertialrapport eller i egen sak til FIN?"),
            status: .answered, createdBy: "redaktor@uke.styr.demo", createdAt: instant("03.02.2020 09:12"),
            submittedAt: instant("03.02.2020 09:15"),
            answer: NoticeAnswer(text: "Gevinstrealiseringen rapporteres i 2. tertialrapport, med en samlet oversikt i årsberetningen.",
                                 by: "etatsstyrer@fin.styr.demo", at: instant("10.02.2020 14:30"))))
        try await repository.save(InformationNotice(
            organisationCode: agencyCode, title: "Driftsavbrudd i felles e-postløsning",
            details: .incident(system: "Felles e-post og kalender", description: "E-post var utilgjengelig for alle virksomheter i 50 minutter etter en feil ved sertifikatfornyelse.",
                               timing: IncidentTiming(occurredAt: instant("14.09.2020 07:40"), detectedAt: instant("14.09.2020 08:05"),
                                                      notifiedAt: instant("14.09.2020 08:35"))),
            status: .answered, createdBy: "leder@uke.styr.demo", createdAt: instant("14.09.2020 08:35"), submittedAt: instant("14.09.2020 08:35"),
            answer: NoticeAnswer(text: "Takk for raskt varsel. Vi ber om en kort rapport om årsak og tiltak.", by: "etatsstyrer@fin.styr.demo",
                                 at: instant("14.09.2020 10:00"))))
        try await repository.save(InformationNotice(
            organisationCode: agencyCode, title: "Merforbruk på lisenser",
            details: .deviation(area: .budget, description: "Lisenskostnadene for videomøter og hjemmekontor blir høyere enn budsjettert.",
                                expectedEffect: "Merforbruk på artsgruppe 100-299 mot slutten av året.",
                                measures: "Lisenser fordeles på virksomhetene etter bruk fra 1. oktober."),
            status: .submitted, createdBy: "redaktor@uke.styr.demo", createdAt: instant("02.09.2020 13:00"), submittedAt: instant("02.09.2020 13:05")))

        // 2021: the letter starts from the 2020 letter as it stood at the end of the year.
        let endOf2020 = LetterRules.inForce([letter2020, supplement2020], on: date(2020, 12, 31))!
        var letter2021 = LetterRules.draftForNextYear(
            from: endOf2020, statuses: LetterRules.currentStatuses(assignmentUpdates2020), issuedByCode: "FIN")
        letter2021.title = "Tildelingsbrev 2021 for Utviklings- og kompetanseetaten"
        // The 2021 budget is not in the seeds, so the 2021 letter states no frame.
        letter2021.content.frames = []
        letter2021.status = .issued
        letter2021.issuedOn = date(2021, 1, 19)
        try await repository.save(letter2021)

        try await repository.save(Meeting(
            organisationCode: agencyCode, chairedByCode: "FIN", kind: .governance, title: "Etatsstyringsmøte 1/2021",
            date: date(2021, 2, 16), participants: finParticipants + ukeParticipants, topics: [.planAndBudget],
            agenda: ["Årsberetning 2020", "Tildelingsbrev 2021"],
            minutes: "Gjennomgang av årsberetningen for 2020.",
            items: [MeetingItem(number: 1, kind: .actionItem, text: "Oppdatere gevinstplanen for Mitt Oslo", owner: "UKE", deadline: date(2021, 4, 30), status: .inProgress)],
            departmentApproval: MinutesApproval(by: "etatsstyrer@fin.styr.demo", on: date(2021, 2, 22))))
        let systemOwner2021 = try await repository.save(Meeting(
            organisationCode: agencyCode, chairedByCode: "FIN", kind: .systemOwner, title: "Systemeiermøte om sakarkivsystemet",
            date: date(2021, 3, 9), participants: finParticipants + ["Systemforvalter (UKE)"], topics: [.serviceDevelopment, .risk],
            agenda: ["Oppgradering av sakarkivsystemet"], minutes: "Drøfting av tidspunkt for oppgraderingen."))
        try await repository.save(SteeringSignal(
            organisationCode: agencyCode, text: "UKE bør utsette oppgraderingen av sakarkivsystemet til høsten.",
            givenBy: "Frida Finans (FIN)", givenOn: date(2021, 3, 9), origin: .informalMeeting, meetingID: systemOwner2021,
            place: "Systemeiermøte om sakarkivsystemet 09.03.2021", recordedBy: "etatsstyrer@fin.styr.demo"))
        try await repository.save(InformationNotice(
            organisationCode: agencyCode, title: "Uautorisert innlogging i felles påloggingsløsning",
            details: .incident(system: "Felles påloggingsløsning", description: "En angriper fikk tilgang til en tjenestekonto. Kontoen er sperret og passord byttet.",
                               timing: IncidentTiming(occurredAt: instant("26.01.2021 22:10"), detectedAt: instant("27.01.2021 06:50"),
                                                      notifiedAt: instant("27.01.2021 10:20"))),
            status: .submitted, createdBy: "leder@uke.styr.demo", createdAt: instant("27.01.2021 10:20"), submittedAt: instant("27.01.2021 10:20")))
    }
}
