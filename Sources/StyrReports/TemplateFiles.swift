import Foundation

/// Mustache templates kept as `.mustache` files in a module's `Templates` resource folder, read
/// once when Styr starts. The file's name without `.mustache` is the template's name.
public enum TemplateFiles {
    public enum LoadError: Error, CustomStringConvertible {
        case missingFolder(String)

        public var description: String {
            switch self {
            case .missingFolder(let bundle): "Fant ikke malene (Templates) i \(bundle)."
            }
        }
    }

    /// Every template of `bundle`'s `Templates` folder. An editor's final newline is dropped, so
    /// that a template renders as it was written.
    public static func load(from bundle: Bundle) throws -> [String: String] {
        guard let folder = bundle.url(forResource: "Templates", withExtension: nil) else {
            throw LoadError.missingFolder(bundle.bundlePath)
        }
        var templates: [String: String] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        where url.pathExtension == "mustache" {
            var text = try String(contentsOf: url, encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            templates[url.deletingPathExtension().lastPathComponent] = text
        }
        return templates
    }

    /// StyrReports' own templates: the document, the annual report and its budget tables.
    static let reports: [String: String] = {
        do {
            return try load(from: .module)
        } catch {
            // The templates are resources of Styr itself; without them nothing can be shown.
            preconditionFailure("\(error)")
        }
    }()
}
