/// The view model of `mission-draft.mustache`: the draft's edit form (as `form.mustache` has it)
/// with the saved notice and the links to fix or discard the draft.
struct MissionDraftView: Sendable {
    var saved: String?
    var kicker: String, heading: String
    var intro: String?
    var action: String, submitLabel: String, csrfToken: String
    /// The draft's version the form was loaded at (optimistic locking), sent back as `_versjon`.
    var version: String?
    var cancelURL: String?
    var fields: [FormPageView.Field]
    var errorSummary: FormPageView.ErrorSummary?
    /// Set when the user may fix the draft (the department).
    var fixURL: String?
    var discardURL: String
    var currentURL: String

    init(_ form: FormPageView, saved: String?, fixURL: String?, discardURL: String, currentURL: String) {
        self.saved = saved
        version = form.version
        kicker = form.kicker
        heading = form.heading
        intro = form.intro
        action = form.action
        submitLabel = form.submitLabel
        csrfToken = form.csrfToken
        cancelURL = form.cancelURL
        fields = form.fields
        errorSummary = form.errorSummary
        self.fixURL = fixURL
        self.discardURL = discardURL
        self.currentURL = currentURL
    }
}
