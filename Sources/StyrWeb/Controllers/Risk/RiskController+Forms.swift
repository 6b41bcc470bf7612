import StyrDomain
import StyrServices

/// The forms of the risk register: what a form's fields mean for the rules, and back.
extension RiskController {
    static let linkFields: [(RiskLink.Kind, String, String)] = [
        (.goal, "mal", "Mål den truer"), (.indicator, "indikatorer", "Indikatorer den truer"),
        (.assignment, "oppdrag", "Oppdrag den truer"), (.service, "tjenester", "Tjenester den truer"),
    ]

    static func level(_ text: String) -> Int? { text.isEmpty ? nil : Int(text) ?? -1 }

    static func draft(_ fields: [String: String]) -> RiskDraft {
        let links = linkFields.flatMap { kind, name, _ in
            fields.text(name).split(whereSeparator: \.isNewline).map { RiskLink(kind: kind, key: String($0).trimmingCharacters(in: .whitespaces)) }
                .filter { !$0.key.isEmpty }
        }
        return RiskDraft(
            title: fields.text("tittel"), description: fields.text("beskrivelse"), cause: fields.text("arsak"), consequence: fields.text("konsekvens"),
            category: RiskCategory(rawValue: fields.text("kategori")), owner: fields.text("eier"), links: links,
            recordedOn: CalendarDate(fields.text("registrert")), likelihood: level(fields.text("sannsynlighet")),
            consequenceLevel: level(fields.text("konsekvensgrad")), residualLikelihood: level(fields.text("sannsynlighet_etter")),
            residualConsequenceLevel: level(fields.text("konsekvensgrad_etter")))
    }

    static func assessmentDraft(_ fields: [String: String]) -> AssessmentDraft {
        AssessmentDraft(
            date: CalendarDate(fields.text("dato")), likelihood: level(fields.text("sannsynlighet")), consequenceLevel: level(fields.text("konsekvensgrad")),
            residualLikelihood: level(fields.text("sannsynlighet_etter")), residualConsequenceLevel: level(fields.text("konsekvensgrad_etter")),
            note: fields.text("merknad"))
    }

    static func measureDraft(_ fields: [String: String]) -> MeasureDraft {
        MeasureDraft(description: fields.text("beskrivelse"), owner: fields.text("eier"), deadline: CalendarDate(fields.text("frist")),
                     status: RiskMeasureStatus(rawValue: fields.text("status")), expectedEffect: fields.text("effekt"))
    }

    static func values(_ draft: RiskDraft) -> [String: String] {
        var values: [String: String] = [
            "tittel": draft.title, "beskrivelse": draft.description, "arsak": draft.cause, "konsekvens": draft.consequence,
            "kategori": draft.category?.rawValue ?? "", "eier": draft.owner, "registrert": draft.recordedOn?.iso ?? "",
            "sannsynlighet": draft.likelihood.map(String.init) ?? "", "konsekvensgrad": draft.consequenceLevel.map(String.init) ?? "",
            "sannsynlighet_etter": draft.residualLikelihood.map(String.init) ?? "",
            "konsekvensgrad_etter": draft.residualConsequenceLevel.map(String.init) ?? "",
        ]
        for (kind, name, _) in linkFields {
            values[name] = draft.links.filter { $0.kind == kind }.map(\.key).joined(separator: "\n")
        }
        return values
    }

    static func values(_ measure: RiskMeasure) -> [String: String] {
        ["beskrivelse": measure.description, "eier": measure.owner, "frist": measure.deadline.iso, "status": measure.status.rawValue,
         "effekt": measure.expectedEffect]
    }

    static func values(_ settings: RiskSettings) -> [String: String] {
        var values = ["akseptgrense": String(settings.acceptanceLevel)]
        for step in 1...5 {
            values["sannsynlighet_\(step)"] = settings.likelihoodLabels.count == 5 ? settings.likelihoodLabels[step - 1] : ""
            values["konsekvens_\(step)"] = settings.consequenceLabels.count == 5 ? settings.consequenceLabels[step - 1] : ""
        }
        return values
    }

    func scoreFields(_ settings: RiskSettings, _ values: [String: String]) -> [FormField] {
        let likelihood = [("", "Velg sannsynlighet")] + (1...5).map { (String($0), settings.likelihoodLabel($0)) }
        let consequence = [("", "Velg konsekvens")] + (1...5).map { (String($0), settings.consequenceLabel($0)) }
        return [
            FormField(name: "sannsynlighet", label: "Sannsynlighet før tiltak", kind: .select(likelihood), value: values["sannsynlighet"] ?? ""),
            FormField(name: "konsekvensgrad", label: "Konsekvens før tiltak", kind: .select(consequence), value: values["konsekvensgrad"] ?? ""),
            FormField(name: "sannsynlighet_etter", label: "Sannsynlighet etter tiltak", kind: .select(likelihood), value: values["sannsynlighet_etter"] ?? "",
                      hint: "Den gjenværende risikoen når tiltakene virker. Lik risikoen før tiltak når det ikke er tiltak ennå."),
            FormField(name: "konsekvensgrad_etter", label: "Konsekvens etter tiltak", kind: .select(consequence), value: values["konsekvensgrad_etter"] ?? ""),
        ]
    }

    func riskForm(_ register: RiskService.Register, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/risiko"
        var fields = [
            FormField(name: "tittel", label: "Risiko", value: values["tittel"] ?? "", hint: "Kort, f.eks. «Forsinket innføring av felles skyplattform»."),
            FormField(name: "beskrivelse", label: "Beskrivelse", kind: .textarea, value: values["beskrivelse"] ?? "", rows: 3),
            FormField(name: "arsak", label: "Årsak", kind: .textarea, value: values["arsak"] ?? "", rows: 2),
            FormField(name: "konsekvens", label: "Konsekvens", kind: .textarea, value: values["konsekvens"] ?? "", hint: "Hva som skjer om risikoen inntreffer.", rows: 2),
            FormField(name: "kategori", label: "Kategori", kind: .select([("", "Velg kategori")] + RiskCategory.allCases.map { ($0.rawValue, $0.norwegianName) }),
                      value: values["kategori"] ?? ""),
            FormField(name: "eier", label: "Risikoeier", value: values["eier"] ?? "", hint: "Rollen som eier risikoen, f.eks. «Seksjonssjef drift»."),
        ]
        fields += Self.linkFields.map { _, name, label in
            FormField(name: name, label: label, kind: .textarea, value: values[name] ?? "", hint: "Ett navn per linje; kan stå tomt.", rows: 2)
        }
        fields.append(FormField(name: "registrert", label: "Registrert", kind: .date, value: values["registrert"] ?? ""))
        if id == nil { fields += scoreFields(register.settings, values) }
        return FormPage(
            kicker: register.scope.organisation.name, heading: id.map { "Endre risiko nr. \($0)" } ?? "Ny risiko",
            intro: id == nil
                ? "Vurder sannsynlighet og konsekvens på skalaen 1–5, før og etter tiltak. Akseptgrensen er \(register.settings.acceptanceLevel): en risiko med høyere risikoverdi (sannsynlighet × konsekvens) etter tiltak flagges."
                : "Endringen gjelder hva risikoen er. En ny plassering i risikomatrisen registreres som en ny vurdering, så risikoens vei gjennom matrisen bevares.",
            action: id.map { "\(base)/\($0)/endre" } ?? "\(base)/ny", submitLabel: "Lagre risikoen", fields: fields, errors: errors,
            errorHeading: "Risikoen er ikke lagret", cancelURL: id.map { "\(base)/\($0)" } ?? base,
            version: id == nil ? nil : RecordVersions.parse(values[FormPage.versionField]))
    }

    func assessmentForm(_ register: RiskService.Register, _ risk: Risk, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/risiko/\(risk.id ?? 0)"
        return FormPage(
            kicker: register.scope.organisation.name, heading: "Ny vurdering av risiko nr. \(risk.id ?? 0)",
            intro: "«\(risk.title)». Vurderingen dateres og legges til risikoens historikk; en vurdering samme dag erstatter den forrige.",
            action: "\(base)/vurdering", submitLabel: "Lagre vurderingen",
            fields: [FormField(name: "dato", label: "Dato", kind: .date, value: values["dato"] ?? "")] + scoreFields(register.settings, values)
                + [FormField(name: "merknad", label: "Merknad", kind: .textarea, value: values["merknad"] ?? "", hint: "Hvorfor risikoen er flyttet.", rows: 3)],
            errors: errors, errorHeading: "Vurderingen er ikke lagret", cancelURL: base)
    }

    func measureForm(_ register: RiskService.Register, _ risk: Risk, number: Int?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/risiko/\(risk.id ?? 0)"
        return FormPage(
            kicker: register.scope.organisation.name, heading: number.map { "Tiltak \($0) for risiko nr. \(risk.id ?? 0)" } ?? "Nytt tiltak for risiko nr. \(risk.id ?? 0)",
            intro: "«\(risk.title)», registrert \(NorwegianFormat.date(risk.recordedOn)). Fristen kan ikke være før risikoen ble registrert.",
            action: "\(base)/tiltak/\(number.map(String.init) ?? "ny")", submitLabel: "Lagre tiltaket",
            fields: [
                FormField(name: "beskrivelse", label: "Tiltak", kind: .textarea, value: values["beskrivelse"] ?? "", rows: 3),
                FormField(name: "eier", label: "Ansvarlig", value: values["eier"] ?? ""),
                FormField(name: "frist", label: "Frist", kind: .date, value: values["frist"] ?? ""),
                FormField(name: "status", label: "Status", kind: .select(RiskMeasureStatus.allCases.map { ($0.rawValue, $0.norwegianName) }),
                          value: values["status"] ?? ""),
                FormField(name: "effekt", label: "Forventet effekt", kind: .textarea, value: values["effekt"] ?? "",
                          hint: "Hvordan tiltaket reduserer sannsynlighet eller konsekvens.", rows: 2),
            ],
            errors: errors, errorHeading: "Tiltaket er ikke lagret", cancelURL: base)
    }

    func settingsForm(_ register: RiskService.Register, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/risiko"
        return FormPage(
            kicker: register.scope.organisation.name, heading: "Skalaer og akseptgrense",
            intro: "Betegnelsene på de fem trinnene for sannsynlighet og konsekvens, og den høyeste risikoverdien (sannsynlighet × konsekvens, 1–25) organisasjonen aksepterer uten flere tiltak.",
            action: "\(base)/innstillinger", submitLabel: "Lagre",
            fields: (1...5).map { FormField(name: "sannsynlighet_\($0)", label: "Sannsynlighet \($0)", value: values["sannsynlighet_\($0)"] ?? "") }
                + (1...5).map { FormField(name: "konsekvens_\($0)", label: "Konsekvens \($0)", value: values["konsekvens_\($0)"] ?? "") }
                + [FormField(name: "akseptgrense", label: "Akseptgrense", value: values["akseptgrense"] ?? "", hint: "Et helt tall fra 1 til 24.")],
            errors: errors, errorHeading: "Ingenting er lagret", cancelURL: base)
    }
}
