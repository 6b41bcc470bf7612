/// A table's text as the header search reads it: its lines, and the first ten non-blank lines
/// (where the header may be) split into fields and normalized, once for every definition tried
/// on the file rather than once each.
struct TableLines: Sendable {
    struct Candidate: Sendable {
        /// The line's index in `lines`.
        var number: Int
        /// The fields, split at the line's own delimiter.
        var fields: [String]
        /// The fields through `TableText.normalizedLabel`.
        var normalized: [String]
    }

    var lines: [String]
    var candidates: [Candidate]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var candidates: [Candidate] = []
        for (number, line) in lines.enumerated() where !TableText.isBlank(line) {
            if candidates.count == 10 { break }
            let fields = TableText.split(line, delimiter: TableText.delimiter(of: line))
            candidates.append(Candidate(number: number, fields: fields, normalized: fields.map(TableText.normalizedLabel)))
        }
        self.candidates = candidates
    }
}
