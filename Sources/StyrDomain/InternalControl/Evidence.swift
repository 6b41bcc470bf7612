import Foundation

/// A file that documents a control, checked before it is stored: at most `maximumBytes`, and of
/// a type on the allow-list recognised by its first bytes (not by its name or the browser's word).
public enum EvidenceRules {
    public static let maximumBytes = 5 * 1024 * 1024

    /// The allowed types: PDF, PNG, JPEG, Office Open XML (DOCX, XLSX, by a ZIP signature and the
    /// name's extension) and plain UTF-8 text (TXT, CSV).
    public static let allowedDescription = "PDF, PNG, JPEG, DOCX, XLSX, TXT eller CSV"

    /// The content type of `bytes`, or the errors (field `evidence`) when the file is empty, too
    /// large or of a type not allowed. The name is trimmed to its last path component.
    public static func check(filename: String, bytes: [UInt8]) throws -> (filename: String, contentType: String) {
        let name = String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "").trimmingCharacters(in: .whitespaces)
        if bytes.isEmpty { throw InputErrors.single("evidence", "Velg en fil å laste opp; filen var tom.") }
        if bytes.count > maximumBytes {
            throw InputErrors.single("evidence", "Filen er \(NorwegianFormat.integer(Int64(bytes.count))) byte; grensen er \(maximumBytes / 1024 / 1024) MB.")
        }
        if name.isEmpty || name.count > 200 { throw InputErrors.single("evidence", "Filen må ha et navn på høyst 200 tegn.") }
        guard let type = contentType(of: bytes, filename: name) else {
            throw InputErrors.single("evidence", "«\(name)» er ikke en tillatt filtype. Last opp \(allowedDescription).")
        }
        return (name, type)
    }

    static func contentType(of bytes: [UInt8], filename: String) -> String? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            switch ext {
            case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            default: return nil
            }
        }
        if ["txt", "csv"].contains(ext), !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil {
            return ext == "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8"
        }
        return nil
    }
}
