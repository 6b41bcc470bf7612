/// The Norwegian words for what the audit log stores under code names: entity types, field names
/// and the raw values of the domain's enums.
enum AuditVocabulary {
    /// Each entity type the stores write to the log, by its Norwegian name.
    static let entityNames: [String: String] = [
        "organisation": "Organisasjon", "staffing": "Bemanningstall", "missionStatement": "Samfunnsoppdrag",
        "goalArea": "Målområde", "indicator": "Resultatindikator", "indicatorValue": "Måltall og resultat for en resultatindikator",
        "chapter": "Budsjettkapittel", "budgetAmount": "Budsjett- eller regnskapsbeløp", "budgetRevision": "Budsjettregulering",
        "investmentProject": "Investeringsprosjekt", "narrative": "Tekst i årsberetningen", "allocationLetter": "Tildelingsbrev",
        "assignmentUpdate": "Status for et oppdrag", "meeting": "Møte", "steeringSignal": "Styringssignal",
        "notice": "Melding til byrådsavdelingen", "ledgerImport": "Import av regnskapslinjer", "importProfile": "Importprofil",
        "forecast": "Prognose", "accountingReport": "Regnskapsrapport", "postGrouping": "Postinndeling",
        "budgetProfiles": "Periodisering av budsjettet", "forecastThreshold": "Terskel for forklaring av avvik",
        "calendarToken": "Kalenderlenke",
        "delegatedAuthority": "Fullmakt", "authorityRequest": "Anmodning om fullmakt", "missionDraft": "Utkast til samfunnsoppdrag",
        "risk": "Risiko", "riskSettings": "Risikoskalaer og akseptgrense", "riskSnapshot": "Risikobilde sendt med melding",
        "reportWorkflow": "Rapport i arbeidsflyten", "reportVersion": "Innsendt versjon av en rapport",
        "indicatorPeriodResult": "Resultat for en periode",
        "controlActivity": "Kontroll i internkontrollplanen", "controlEvidence": "Dokumentasjon av en kontroll",
        "service": "Tjeneste i tjenestekatalogen", "serviceAgreement": "Tjenesteavtale", "serviceMapping": "Regler for kobling av regnskap mot tjenester",
        "fixedAsset": "Anleggsmiddel", "selfCostYear": "Selvkostgrunnlag for et år", "serviceLevelResult": "Målt tjenestenivå",
    ]

    /// Field names, the same in every entity that has them.
    static let labels: [String: String] = [
        // Organisations and mission statements
        "code": "Kode", "name": "Navn", "kind": "Type", "parentCode": "Ligger under", "organisationCode": "Organisasjon",
        "asOf": "Per dato", "headcount": "Ansatte", "fullTimeEquivalents": "Årsverk", "comment": "Kommentar",
        "version": "Versjon", "title": "Tittel", "fixedOn": "Fastsatt", "fixedByCode": "Fastsatt av", "targetGroups": "Målgrupper",
        "coreTasks": "Kjerneoppgaver", "letter": "Bokstav", "description": "Beskrivelse", "authorities": "Fullmakter",
        "legalBasis": "Hjemmel", "fundingSources": "Finansiering", "revisionTriggers": "Revideres når", "sections": "Tekst",
        "number": "Nummer", "heading": "Overskrift", "body": "Tekst",
        // Goals and indicators
        "goals": "Mål", "narrative": "Omtale", "key": "Nøkkel", "unit": "Enhet", "polarity": "Retning",
        "deviationRule": "Avviksregel", "decimals": "Desimaler", "tolerance": "Toleranse", "yellow": "Gul", "red": "Rød",
        "goalArea": "Målområde", "introducedIn": "Innført", "notes": "Fotnoter", "year": "År", "target": "Måltall",
        "result": "Resultat", "notMeasuredReason": "Hvorfor ikke målt", "deviationComment": "Kommentar til avvik",
        // Budget and accounts
        "chapter": "Kapittel", "group": "Artsgruppe", "groups": "Artsgrupper", "measure": "Beløpet gjelder", "amount": "Beløp",
        "reference": "Referanse", "decidedOn": "Vedtatt", "reason": "Begrunnelse", "lines": "Linjer",
        "councilCompletion": "Ferdig etter bystyrets vedtak", "expectedCompletion": "Forventet ferdig",
        "originalBudget": "Opprinnelig budsjett", "revisedBudget": "Regulert budsjett", "actuals": "Regnskap",
        "expenses": "Utgifter", "revenues": "Inntekter",
        // Governance dialogue
        "status": "Status", "issuedOn": "Utstedt", "issuedByCode": "Utstedt av", "introduction": "Innledning",
        "content": "Innhold", "amendments": "Endringer", "frames": "Rammer", "expectations": "Forventninger",
        "assignments": "Oppdrag", "meetingPlan": "Møteplan", "reportingRequirements": "Rapporteringskrav",
        "text": "Tekst", "deadline": "Frist", "reporting": "Rapportering", "report": "Rapport", "period": "Periode", "due": "Frist",
        "assignmentKey": "Oppdrag", "date": "Dato", "recordedBy": "Registrert av", "chairedByCode": "Ledet av",
        "participants": "Deltakere", "topics": "Tema", "otherTopics": "Andre tema", "agenda": "Saksliste", "minutes": "Referat",
        "items": "Punkter", "owner": "Ansvarlig", "departmentApproval": "Godkjent av byrådsavdelingen",
        "agencyApproval": "Godkjent av etaten", "by": "Av", "on": "Dato", "givenBy": "Gitt av", "givenOn": "Gitt",
        "origin": "Hvor det ble gitt", "meetingID": "Møte nr.", "place": "Sted eller anledning", "confirmation": "Bekreftet gjennom",
        "confirmedOn": "Bekreftet", "itemNumber": "Punkt", "details": "Innhold", "createdAt": "Opprettet",
        "createdBy": "Opprettet av", "submittedAt": "Sendt", "submittedBy": "Sendt av", "answer": "Svar", "at": "Tidspunkt",
        "question": "Spørsmål", "area": "Gjelder", "expectedEffect": "Forventet virkning", "measures": "Tiltak",
        "rule": "Regel", "proposedChange": "Foreslått endring", "system": "System", "timing": "Tidspunkter",
        "occurredAt": "Inntraff", "detectedAt": "Oppdaget", "notifiedAt": "Varslet", "id": "Nr.",
        // Ledger, forecasts and set-up
        "sourceName": "Fil", "format": "Format", "controlSum": "Kontrollsum", "importedAt": "Importert",
        "importedBy": "Importert av", "scope": "Kontoklasse", "totals": "Summer", "method": "Metode",
        "explanation": "Forklaring", "postCode": "Post", "csv": "Rapporten (CSV)", "posts": "Poster",
        "percentBasisPoints": "Prosent (hundredeler)", "renewedAt": "Fornyet",
        // Delegated authorities and mission statement drafts
        "holder": "Innehaver", "limits": "Begrensninger", "validFrom": "Gjelder fra", "validTo": "Gjelder til",
        "replaces": "Erstatter", "requestID": "Anmodning", "justification": "Begrunnelse", "proposal": "Forslag",
        "decision": "Vedtak", "outcome": "Avgjørelse", "decidedBy": "Vedtatt av", "sentOn": "Sendt", "sentBy": "Sendt av",
        "resultingAuthorityID": "Ny fullmakt", "authorityID": "Fullmakt", "legalBasisKind": "Type hjemmel",
        "legalBasisReference": "Henvisning", "revisionCause": "Årsak til revisjonen", "trigger": "Utløst av",
        "basedOnVersion": "Bygger på versjon", "cause": "Årsak",
        // Risks and internal control
        "consequence": "Konsekvens", "category": "Kategori", "links": "Koblinger", "recordedOn": "Registrert",
        "assessments": "Vurderinger", "closedOn": "Tatt ut", "isExample": "Eksempeldata", "inherent": "Før tiltak",
        "residual": "Etter tiltak", "likelihood": "Sannsynlighet", "note": "Merknad", "acceptanceLevel": "Akseptgrense",
        "likelihoodLabels": "Skala for sannsynlighet", "consequenceLabels": "Skala for konsekvens", "entries": "Risikoer",
        "riskID": "Risiko", "requirement": "Krav", "frequency": "Hyppighet", "responsible": "Ansvarlig", "executions": "Gjennomføringer",
        "evidence": "Dokumentasjon", "deviation": "Avvik", "closedBy": "Lukket av", "filename": "Filnavn", "contentType": "Filtype",
        "byteCount": "Størrelse (byte)", "sha256": "Sjekksum (SHA-256)",
    ]

    /// Fields whose text is a code of one of the domain's enums.
    static let enumFields: Set<String> = [
        "kind", "status", "measure", "unit", "polarity", "deviationRule", "origin", "area", "topics", "scope", "rule",
    ]

    /// The Norwegian name of every enum code the log may hold (the codes are unique across enums,
    /// or mean the same).
    static let valueNames: [String: String] = {
        var names: [String: String] = [:]
        func add<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ name: (E) -> String) where E.RawValue == String {
            for value in E.allCases { names[value.rawValue] = name(value) }
        }
        add(OrganisationKind.self) { $0.norwegianName }
        add(AccountKind.self) { $0.norwegianName }
        add(LedgerMeasure.self) { $0.norwegianName }
        add(IndicatorUnit.self) { $0.norwegianName }
        add(Polarity.self) { $0.norwegianName }
        add(DeviationRule.self) { $0.norwegianName }
        add(AssignmentStatus.self) { $0.norwegianName }
        add(NoticeKind.self) { $0.norwegianName }
        add(DeviationArea.self) { $0.norwegianName }
        add(MeetingKind.self) { $0.norwegianName }
        add(FocusTopic.self) { $0.norwegianName }
        add(MeetingItemKind.self) { $0.norwegianName }
        add(SignalOrigin.self) { $0.norwegianName }
        add(FundingKind.self) { $0.norwegianName }
        add(ForecastThreshold.Rule.self) { $0 == .amountAndPercent ? "Over både beløpet og prosenten" : "Over beløpet eller prosenten" }
        names["originalBudget"] = "Dok. 3 (opprinnelig budsjett)"
        names["actuals"] = "Regnskap"
        names["draft"] = "Utkast"
        names["issued"] = "Utstedt"
        names["submitted"] = "Sendt, venter på svar"
        names["answered"] = "Besvart"
        return names
    }()

    /// Enum cases with a payload, by what they are; "" where the payload says it all (a target).
    static let caseNames: [String: String] = [
        "value": "", "range": "", "minutesItem": "Punkt i referat", "letter": "Tildelingsbrev",
        "setFrame": "Ramme satt", "setExpectation": "Forventning satt", "withdrawExpectation": "Forventning trukket",
        "setAssignment": "Oppdrag satt", "withdrawAssignment": "Oppdrag trukket", "addMeeting": "Møte lagt til",
        "addReportingRequirement": "Rapporteringskrav lagt til", "clarification": "Avklaringsbehov",
        "deviation": "Varsel om vesentlig avvik", "improvement": "Forslag til forbedring", "incident": "Varsel om alvorlig hendelse",
        "risk": "Oppdatert risikobilde", "runRate": "Løpende takt", "seasonal": "Sesongmønster fra i fjor", "manual": "Manuell",
    ]

    /// Fields holding an organisation's code, shown with its name.
    static let organisationFields: Set<String> = ["organisationCode", "parentCode", "fixedByCode", "issuedByCode", "chairedByCode", "owner"]

    /// Fields holding a person's e-mail (or a `system:` actor), shown by name.
    static let personFields: Set<String> = ["recordedBy", "createdBy", "importedBy", "submittedBy", "by"]

    /// The order fields are shown in: what names the object first, the rest as in `labels`.
    static let leading = [
        "code", "number", "letter", "version", "key", "name", "title", "text", "year", "asOf", "date", "kind", "status", "chapter", "group",
        "measure", "amount", "target", "result",
    ]

    static func order(_ a: String, _ b: String) -> Bool {
        switch (leading.firstIndex(of: a), leading.firstIndex(of: b)) {
        case let (x?, y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): label(of: a).localizedStandardCompare(label(of: b)) == .orderedAscending
        }
    }

    /// The field's label; a field not in the vocabulary by its name in words (`someField` → `Some field`).
    static func label(of field: String) -> String {
        if let label = labels[field] { return label }
        var words = ""
        for character in field where character != "_" {
            if character.isUppercase, !words.isEmpty { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
