import StyrDomain
import StyrServices

/// The forms of the internal control plan: what a form's fields mean for the rules, and back.
extension InternalControlController {
    static func draft(_ fields: [String: String]) -> ControlDraft {
        ControlDraft(
            title: fields.text("kontroll"), requirementKind: ControlRequirementKind(rawValue: fields.text("kravtype")),
            requirementReference: fields.text("krav"), frequency: ControlFrequency(rawValue: fields.text("hyppighet")),
            responsible: fields.text("ansvarlig"))
    }

    static func executionDraft(_ fields: [String: String]) -> ExecutionDraft {
        ExecutionDraft(
            date: CalendarDate(fields.text("dato")), result: ControlResult(rawValue: fields.text("resultat")), note: fields.text("merknad"),
            deviationDescription: fields.text("avvik"), deviationMeasure: fields.text("tiltak"))
    }

    static func values(_ draft: ControlDraft) -> [String: String] {
        ["kontroll": draft.title, "kravtype": draft.requirementKind?.rawValue ?? "", "krav": draft.requirementReference,
         "hyppighet": draft.frequency?.rawValue ?? "", "ansvarlig": draft.responsible]
    }

    func controlForm(_ plan: InternalControlService.Plan, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(plan.scope.base)/internkontroll/\(plan.year)"
        let risks = plan.risks.filter { $0.closedOn == nil }.map { "\($0.id ?? 0) (\($0.title))" }.joined(separator: ", ")
        return FormPage(
            kicker: "\(plan.scope.organisation.name) · Internkontroll \(plan.year)", heading: id.map { "Endre kontroll nr. \($0)" } ?? "Ny kontroll i planen",
            intro: "Hva som kontrolleres, hvilket krav kontrollen bygger på, hvor ofte og av hvem.",
            action: id.map { "\(base)/\($0)/endre" } ?? "\(base)/ny", submitLabel: "Lagre kontrollen",
            fields: [
                FormField(name: "kontroll", label: "Hva kontrolleres", value: values["kontroll"] ?? "", hint: "F.eks. «Gjennomgang av tilganger med administratorrettigheter»."),
                FormField(name: "kravtype", label: "Kravet bygger på", kind: .select([("", "Velg")] + ControlRequirementKind.allCases.map { ($0.rawValue, $0.norwegianName) }),
                          value: values["kravtype"] ?? ""),
                FormField(name: "krav", label: "Krav", value: values["krav"] ?? "",
                          hint: "Loven eller instruksen med paragraf; for ISO/IEC 27001 nummeret i vedlegg A, f.eks. «A.8.2»; for en risiko nummeret i risikoregisteret"
                              + (risks.isEmpty ? "." : ": \(risks).")),
                FormField(name: "hyppighet", label: "Hvor ofte", kind: .select([("", "Velg")] + ControlFrequency.allCases.map { ($0.rawValue, $0.norwegianName) }),
                          value: values["hyppighet"] ?? ""),
                FormField(name: "ansvarlig", label: "Hvem gjennomfører", value: values["ansvarlig"] ?? "", hint: "Rollen, f.eks. «Sikkerhetsleder»."),
            ],
            errors: errors, errorHeading: "Kontrollen er ikke lagret", cancelURL: id.map { "\(base)/\($0)" } ?? base)
    }

    func executionForm(_ plan: InternalControlService.Plan, _ activity: ControlActivity, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(plan.scope.base)/internkontroll/\(plan.year)/\(activity.id ?? 0)"
        return FormPage(
            kicker: "\(plan.scope.organisation.name) · Internkontroll \(plan.year)", heading: "Gjennomføring av kontroll nr. \(activity.id ?? 0)",
            intro: "«\(activity.title)». Et avvik beskrives med tiltaket som retter det, og følges til det er lukket. Dokumentasjon lastes opp på kontrollens side.",
            action: "\(base)/gjennomforing", submitLabel: "Registrer gjennomføringen",
            fields: [
                FormField(name: "dato", label: "Dato", kind: .date, value: values["dato"] ?? "", hint: "I \(plan.year)."),
                FormField(name: "resultat", label: "Resultat", kind: .select([("", "Velg")] + ControlResult.allCases.map { ($0.rawValue, $0.norwegianName) }),
                          value: values["resultat"] ?? ""),
                FormField(name: "merknad", label: "Merknad", kind: .textarea, value: values["merknad"] ?? "", rows: 2),
                FormField(name: "avvik", label: "Avvik", kind: .textarea, value: values["avvik"] ?? "", hint: "Bare ved avvik: hva kontrollen fant.", rows: 3),
                FormField(name: "tiltak", label: "Tiltak", kind: .textarea, value: values["tiltak"] ?? "", hint: "Bare ved avvik: hva som gjøres for å rette det.", rows: 2),
            ],
            errors: errors, errorHeading: "Gjennomføringen er ikke registrert", cancelURL: base)
    }

    func closeForm(_ plan: InternalControlService.Plan, _ activity: ControlActivity, number: Int, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(plan.scope.base)/internkontroll/\(plan.year)/\(activity.id ?? 0)"
        let deviation = activity.executions.first { $0.number == number }?.deviation
        return FormPage(
            kicker: "\(plan.scope.organisation.name) · Internkontroll \(plan.year)", heading: "Lukk avvik i kontroll nr. \(activity.id ?? 0)",
            intro: deviation.map { "Avviket: «\($0.description)». Tiltak: «\($0.measure)»." } ?? "",
            action: "\(base)/avvik/\(number)", submitLabel: "Lukk avviket",
            fields: [
                FormField(name: "dato", label: "Lukket", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "merknad", label: "Hvordan avviket ble rettet", kind: .textarea, value: values["merknad"] ?? "", rows: 3),
            ],
            errors: errors, errorHeading: "Avviket er ikke lukket", cancelURL: base)
    }
}
