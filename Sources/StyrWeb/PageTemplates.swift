import Foundation
import StyrReports

/// The web pages' Mustache templates: `Templates/*.mustache`, read once when the router is built.
/// Each page renders one typed view model (beside its controller) through one of them.
enum PageTemplates {
    static func all() throws -> [String: String] { try TemplateFiles.load(from: .module) }
}
