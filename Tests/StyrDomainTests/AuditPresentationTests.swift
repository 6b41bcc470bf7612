import Foundation
import StyrDomain
import Testing

/// How the history page reads an audit entry: entity types, people and times in Norwegian, and
/// the stored JSON field by field.
@Suite("Audit presentation")
struct AuditPresentationTests {
    static let directory = AuditDirectory(
        people: ["redaktor@uke.styr.demo": "Ulrik Redaktør"],
        organisations: ["UKE": "Utviklings- og kompetanseetaten", "FIN": "Byrådsavdeling for finans"])

    static func entry(
        _ type: String, action: AuditAction = .update, actor: String = "redaktor@uke.styr.demo", at time: String = "2026-12-04T10:05:28.225Z",
        before: String?, after: String?
    ) -> AuditEntry {
        AuditEntry(sequence: 7, occurredAt: time, actor: actor, action: action, entityType: type, entityKey: "UKE/x", before: before, after: after,
                   previousHash: "", hash: "")
    }

    @Test("an indicator value: a Norwegian name, the person by name, Oslo time, and the changed fields marked")
    func indicatorValue() throws {
        let shown = AuditPresentation(Self.entry(
            "indicatorValue",
            before: #"{"result":{"milli":81700},"target":{"value":{"_0":{"milli":85000}}},"year":2020}"#,
            after: #"{"deviationComment":"Ny portal.","result":{"milli":80500},"target":{"value":{"_0":{"milli":85000}}},"year":2020}"#),
            directory: Self.directory)
        #expect(shown.entityName == "Måltall og resultat for en resultatindikator")
        #expect(shown.person == "Ulrik Redaktør (redaktor@uke.styr.demo)")
        #expect(shown.time == "04.12.2026 kl. 11.05")
        #expect(shown.action == "endret")
        #expect(shown.fields.map(\.label) == ["År", "Måltall", "Resultat", "Kommentar til avvik"])
        let result = try #require(shown.fields.first { $0.label == "Resultat" })
        #expect(result.before == ["81,7"] && result.after == ["80,5"] && result.isChanged)
        let target = try #require(shown.fields.first { $0.label == "Måltall" })
        #expect(target.before == ["85"] && target.after == ["85"] && !target.isChanged)
        let comment = try #require(shown.fields.last)
        #expect(comment.before.isEmpty && comment.after == ["Ny portal."] && comment.isChanged)
        for field in shown.fields {
            for text in field.before + field.after { #expect(!text.contains("{") && !text.contains("milli"), "\(text)") }
        }
    }

    @Test("Styr's own actors by what they are; unknown people as written")
    func people() {
        #expect(Self.directory.person("system:demo") == "Demodata (system)")
        #expect(Self.directory.person("system:cli") == "Kommandolinjen (system)")
        #expect(Self.directory.person("system") == "Styr (system)")
        #expect(Self.directory.person("ukjent@example.org") == "ukjent@example.org")
        #expect(Self.directory.organisation("FIN") == "Byrådsavdeling for finans (FIN)")
        #expect(Self.directory.organisation("XYZ") == "XYZ")
    }

    @Test("times in Europe/Oslo in winter and summer; a time that is not ISO 8601 as written")
    func times() {
        #expect(AuditPresentation(Self.entry("organisation", at: "2026-07-01T22:30:00Z", before: nil, after: nil), directory: .init()).time
            == "02.07.2026 kl. 00.30")
        #expect(AuditPresentation(Self.entry("organisation", at: "2026-12-31T23:59:59.999Z", before: nil, after: nil), directory: .init()).time
            == "01.01.2027 kl. 00.59")
        #expect(AuditPresentation(Self.entry("organisation", at: "i går", before: nil, after: nil), directory: .init()).time == "i går")
    }

    @Test("every entity type the stores write has a Norwegian name")
    func entityNames() {
        for type in ["organisation", "staffing", "missionStatement", "goalArea", "indicator", "indicatorValue", "chapter", "budgetAmount",
                     "budgetRevision", "investmentProject", "narrative", "allocationLetter", "assignmentUpdate", "meeting",
                     "steeringSignal", "notice", "ledgerImport", "importProfile", "forecast", "accountingReport", "postGrouping",
                     "budgetProfiles", "forecastThreshold", "calendarToken"] {
            #expect(!AuditPresentation.entityName(type).contains(type), "\(type)")
        }
        #expect(AuditPresentation.entityName("somethingNew") == "Objekt av typen «somethingNew»")
    }

    @Test("a created object: amounts in kroner, groups and enum codes in words, organisations by name, nothing marked")
    func created() throws {
        let amount = AuditPresentation(Self.entry(
            "budgetAmount", action: .create, actor: "system:demo", before: nil,
            after: #"{"amount":{"ore":-473742400},"chapter":125,"group":{"first":700,"last":799},"kind":"investment","measure":"actuals","year":2019}"#),
            directory: Self.directory)
        #expect(amount.person == "Demodata (system)")
        #expect(amount.fields.map(\.label) == ["År", "Type", "Kapittel", "Artsgruppe", "Beløpet gjelder", "Beløp"])
        #expect(amount.fields.map(\.after) == [["2019"], ["Investering"], ["125"], ["700-799"], ["Regnskap"], ["-4 737 424 kr"]])
        #expect(amount.fields.allSatisfy { $0.before.isEmpty && !$0.isChanged })
        let organisation = AuditPresentation(Self.entry(
            "organisation", action: .create, before: nil, after: #"{"code":"UKE","kind":"agency","name":"Utviklings- og kompetanseetaten","parentCode":"FIN"}"#),
            directory: Self.directory)
        #expect(organisation.fields.map(\.after) == [["UKE"], ["Utviklings- og kompetanseetaten"], ["Etat"], ["Byrådsavdeling for finans (FIN)"]])
    }

    @Test("nested values: dates, lists a line each, enum cases with named payloads, instants in Oslo time, people by name")
    func nested() throws {
        let signal = AuditPresentation(Self.entry(
            "steeringSignal", action: .update,
            before: #"{"givenOn":{"day":20,"month":2,"year":2020},"origin":"informalMeeting","recordedBy":"redaktor@uke.styr.demo","text":"Prioriter Mitt Oslo."}"#,
            after: #"{"confirmation":{"minutesItem":{"itemNumber":3,"meetingID":2}},"confirmedOn":{"day":18,"month":3,"year":2020},"givenOn":{"day":20,"month":2,"year":2020},"origin":"informalMeeting","recordedBy":"redaktor@uke.styr.demo","text":"Prioriter Mitt Oslo."}"#),
            directory: Self.directory)
        func field(_ label: String) throws -> AuditPresentation.Field { try #require(signal.fields.first { $0.label == label }) }
        #expect(try field("Gitt").after == ["20.02.2020"])
        #expect(try field("Hvor det ble gitt").after == ["Uformelt møte (fag- eller systemeiermøte)"])
        #expect(try field("Registrert av").after == ["Ulrik Redaktør (redaktor@uke.styr.demo)"])
        #expect(try field("Bekreftet gjennom").after == ["Punkt i referat: Møte nr.: 2; Punkt: 3"])
        #expect(try field("Bekreftet gjennom").isChanged && !(try field("Tekst").isChanged))
        let meeting = AuditPresentation(Self.entry(
            "meeting", action: .create, before: nil,
            after: #"{"agenda":["Årsberetning 2020","Tildelingsbrev 2021"],"items":[{"kind":"actionItem","number":1,"text":"Oppdatere gevinstplanen"}],"topics":["planAndBudget"]}"#),
            directory: Self.directory)
        #expect(meeting.fields.first { $0.label == "Saksliste" }?.after == ["Årsberetning 2020", "Tildelingsbrev 2021"])
        #expect(meeting.fields.first { $0.label == "Tema" }?.after == ["Plan- og budsjettprosess"])
        #expect(meeting.fields.first { $0.label == "Punkter" }?.after == ["Nummer: 1; Tekst: Oppdatere gevinstplanen; Type: Oppfølgingspunkt"])
        let notice = AuditPresentation(Self.entry(
            "notice", action: .create, before: nil, after: #"{"createdAt":"2020-09-02T11:00:00Z","status":"submitted"}"#), directory: Self.directory)
        #expect(notice.fields.map(\.after) == [["Sendt, venter på svar"], ["02.09.2020 kl. 13.00"]])
        let target = AuditPresentation(Self.entry(
            "indicatorValue", action: .create, before: nil, after: #"{"target":{"range":{"_0":{"milli":80000},"_1":{"milli":90500}}}}"#),
            directory: Self.directory)
        #expect(target.fields.first?.after == ["80–90,5"])
    }

    @Test("numbers stay numbers (0 and 1 are not read as booleans); true and false are ja and nei; large numbers are grouped")
    func numbers() {
        let shown = AuditPresentation(Self.entry(
            "ledgerImport", action: .create, before: nil, after: #"{"id":1,"lines":1234567,"period":0,"replace":true,"share":0.5}"#),
            directory: Self.directory)
        #expect(shown.fields.map(\.after) == [["1 234 567"], ["1"], ["0"], ["ja"], ["0,5"]])
    }

    @Test("a value kept as text (a budget profile) is one field, a line of text a line")
    func text() {
        let shown = AuditPresentation(Self.entry("budgetProfiles", before: "alle: 1 2 3", after: "alle: 1 2 3\n125 drift 000-099: 4 5 6"),
                                      directory: Self.directory)
        #expect(shown.entityName == "Periodisering av budsjettet")
        #expect(shown.fields.count == 1)
        #expect(shown.fields[0].label == "Verdi" && shown.fields[0].after == ["alle: 1 2 3", "125 drift 000-099: 4 5 6"] && shown.fields[0].isChanged)
    }
}
