import Foundation

/// A result as typed by the agency (in a form or through the API): checked and applied to the
/// year's value, or the Norwegian reason per field (`InputErrors` keyed by `Field`'s raw value).
/// The explanation rule is `IndicatorRules.missingExplanations`.
public struct IndicatorResultDraft: Sendable {
    /// The draft's fields, as `InputErrors` name them.
    public enum Field: String, Sendable, CaseIterable { case result, notMeasuredReason, deviationComment }

    public static let maximumTextLength = 4000

    public var result: String
    public var notMeasuredReason: String
    public var deviationComment: String

    public init(result: String?, notMeasuredReason: String?, deviationComment: String?) {
        self.result = (result ?? "").trimmingCharacters(in: .whitespaces)
        self.notMeasuredReason = (notMeasuredReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        self.deviationComment = (deviationComment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `value` with the result, reason and comment applied, when they are valid and every owed
    /// explanation is given; else the errors, in the order of `Field`.
    public func applied(to value: IndicatorValue, of indicator: Indicator) throws(InputErrors) -> IndicatorValue {
        var errors: [Field: String] = [:]
        var parsed: Quantity?
        if !result.isEmpty {
            if let number = Quantity(parsing: result) {
                parsed = number
                if indicator.unit == .share, number < .zero || number > Quantity(100) {
                    errors[.result] = "En andel må være mellom 0 og 100 %."
                } else if number < .zero {
                    errors[.result] = "Resultatet kan ikke være negativt."
                }
            } else {
                errors[.result] = "«\(result)» er ikke et tall. Bruk komma som desimaltegn, f.eks. 81,7."
            }
        }
        if notMeasuredReason.count > Self.maximumTextLength { errors[.notMeasuredReason] = "Teksten kan ha høyst \(Self.maximumTextLength) tegn." }
        if deviationComment.count > Self.maximumTextLength { errors[.deviationComment] = "Teksten kan ha høyst \(Self.maximumTextLength) tegn." }
        var updated = value
        updated.result = parsed
        updated.notMeasuredReason = notMeasuredReason.isEmpty ? nil : notMeasuredReason
        updated.deviationComment = deviationComment.isEmpty ? nil : deviationComment
        if errors.isEmpty, !IndicatorRules.missingExplanations(updated, of: indicator).isEmpty {
            if parsed == nil {
                errors[.notMeasuredReason] = "Resultatet mangler: skriv hvorfor indikatoren ikke er målt."
            } else if let deviation = IndicatorRules.assess(updated, of: indicator)?.deviation {
                let shown = NorwegianFormat.quantity(deviation.truncated(toDecimals: indicator.decimals), decimals: indicator.decimals)
                    + (indicator.deviationRule == .relativePercent ? " %" : "")
                errors[.deviationComment] = "Avviket (\(shown)) er ugunstig og utenfor toleransen: skriv en kommentar til avvik før du lagrer."
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors, order: Field.allCases) }
        return updated
    }
}

extension InputErrors {
    /// The errors of a rule that collects them by field, in the order of `fields`.
    init<Field: RawRepresentable & Hashable>(_ errors: [Field: String], order fields: [Field]) where Field.RawValue == String {
        self.init()
        for field in fields { if let message = errors[field] { add(field.rawValue, message) } }
    }
}
