import StyrDomain

/// The view model of `setup.mustache`: the first administrator's form.
struct SetupView: Sendable {
    struct Field: Sendable {
        var name: String, label: String, type: String, value: String, autocomplete: String
        var hint: String?
        var error: String?
    }
    struct ErrorEntry: Sendable { var field: String, message: String }

    var action: String
    var fields: [Field]
    var errors: [ErrorEntry]

    init(token: String, values: [String: String], errors: InputErrors) {
        action = "/oppsett/\(token.urlPathEncoded)"
        func field(_ name: String, _ label: String, type: String = "text", autocomplete: String = "off", hint: String? = nil) -> Field {
            Field(name: name, label: label, type: type, value: type == "password" ? "" : values[name] ?? "", autocomplete: autocomplete,
                  hint: hint, error: errors[name])
        }
        fields = [
            field("kode", "Kode for organisasjonen", hint: "Kort og unik, f.eks. «OSLO» eller «KDD». Bokstaver, sifre og bindestrek."),
            field("organisasjon", "Navn på organisasjonen", hint: "Kommunen eller departementet øverst i treet, f.eks. «Oslo kommune»."),
            field("navn", "Ditt navn", autocomplete: "name"),
            field("epost", "Din e-postadresse", type: "email", autocomplete: "email"),
            field("passord", "Velg passord", type: "password", autocomplete: "new-password",
                  hint: "Minst \(AccountRules.minimumPasswordLength) tegn."),
        ]
        self.errors = errors.entries.map { ErrorEntry(field: $0.field, message: $0.message) }
    }
}
