import Hummingbird
import StyrDomain
import StyrReports

/// Renders pages inside the common layout, with the user's name and a logout button.
struct Pages: Sendable {
    let renderer: HTMLRenderer

    /// A page of a typed view model (one struct per page, beside its controller).
    func html<Model>(
        _ title: String, template: String, model: Model, context: StyrRequestContext, status: HTTPResponse.Status = .ok,
        trail: [NavigationLink] = []
    ) -> HTML {
        HTML(status: status, html: document(title, body: renderer.render(model, template: template), context: context, trail: trail))
    }

    func document(_ title: String, body: String, context: StyrRequestContext, trail: [NavigationLink] = []) -> String {
        let navigation = context.session == nil ? [] : [NavigationLink(url: "/", label: "Start")] + trail
        // The main menu of the chosen organisation and year (`YearMenuMiddleware`), for a logged-in user.
        let menu = context.session == nil ? nil : YearMenuView.current.map { renderer.render($0, template: "year-menu") }
        return renderer.document(
            title: "\(title) – Styr", body: body, standalone: false, navigation: navigation,
            account: context.session.map { AccountLink(name: $0.user.name, csrfToken: $0.csrfToken) }, menu: menu)
    }

    func errorDocument(heading: String, message: String, context: StyrRequestContext) -> String {
        document(heading, body: renderer.render(ErrorView(heading: heading, message: message), template: "error"), context: context)
    }

    func error(_ status: HTTPResponse.Status, heading: String, message: String, context: StyrRequestContext) -> HTML {
        HTML(status: status, html: errorDocument(heading: heading, message: message, context: context))
    }
}

/// The view model of `error.mustache`: every refusal and error page.
struct ErrorView: Sendable {
    var heading: String
    var message: String
}
