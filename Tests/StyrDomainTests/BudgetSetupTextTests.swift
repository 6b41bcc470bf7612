import StyrDomain
import Testing

/// The line formats of post groupings and monthly budget profiles, and the rule that a post
/// covers whole artsgrupper.
@Suite("Post grouping and periodisering as text")
struct BudgetSetupTextTests {
    static let merged = """
        000-099; Lønn; 000-099
        100-399; Kjøp av varer og tjenester; 100-299, 300-399
        400-599; Overføringer og finans; 400-499,500-599
        600-999; Inntekter; 600-699, 700-799, 800-899, 900-999
        """

    @Test("a grouping merging artsgrupper reads, and its text reads back to the same grouping")
    func mergedGrouping() throws {
        let grouping = try #require(try BudgetSetupText.grouping(Self.merged).get())
        #expect(grouping.posts.map(\.code) == ["000-099", "100-399", "400-599", "600-999"])
        #expect(grouping.post(ofArt: 350)?.code == "100-399")
        #expect(grouping.post(ofArt: 990)?.code == "600-999")
        #expect(grouping.budgetProblem == nil)
        #expect(try BudgetSetupText.grouping(BudgetSetupText.text(grouping)).get() == grouping)
        #expect(PostGrouping.artFilter(grouping.posts[1]) == "100-299,300-399")
        #expect(try BudgetSetupText.grouping(BudgetSetupText.text(.standard)).get() == .standard)
        #expect(try BudgetSetupText.grouping(" \n\n").get() == nil, "an empty text means the artsgrupper")
    }

    static func errors(_ text: String) -> [String] {
        guard case .failure(let errors) = BudgetSetupText.grouping(text) else { return [] }
        return errors.entries.map(\.message)
    }

    @Test("groupings that would lose or misplace budget amounts are refused, naming the line or the artsgruppe")
    func refusedGroupings() {
        #expect(Self.errors("000-099; Lønn\n100-999; Resten; 100-999") == ["Linje 1: skriv kode; navn; artsgrupper (tre felt skilt med semikolon), ikke «000-099; Lønn»."])
        #expect(Self.errors("000-099; Lønn; 0-99") == ["Linje 1: «0-99» er ikke en art (tre siffer) eller et intervall av arter som 100-299"])
        #expect(Self.errors("000-099; Lønn; 000-") == ["Linje 1: «000-» er ikke en art (tre siffer) eller et intervall av arter som 100-299"])
        // 100-199 and 200-299 split the artsgruppe 100-299, whose budget is decided whole.
        let split = Self.merged.replacingOccurrences(of: "100-399; Kjøp av varer og tjenester; 100-299, 300-399",
                                                     with: "A; Kjøp; 100-199\nB; Annet kjøp; 200-299, 300-399")
        #expect(Self.errors(split) == ["Artsgruppe 100-299 er delt («A» og «B»); budsjettet vedtas per artsgruppe, så en post må dekke hele artsgrupper."])
        let missing = Self.merged.replacingOccurrences(of: "400-599; Overføringer og finans; 400-499,500-599", with: "400-499; Overføringer; 400-499")
        #expect(Self.errors(missing) == ["Artsgruppe 500-599 er ikke med i noen post; beløpene der ville falle bort."])
        let mixed = "000-099; Lønn; 000-099\n100-999; Alt annet; 100-999"
        #expect(Self.errors(mixed) == ["Posten «100-999» blander utgiftsarter (000–599) og inntektsarter (600–999)."])
        let partly = Self.merged.replacingOccurrences(of: "100-299, 300-399", with: "100-199, 300-399")
        #expect(Self.errors(partly) == ["Artsgruppe 100-299 er bare delvis med (i «100-399»); en post må dekke hele artsgrupper, ellers faller beløp bort."])
        #expect(throws: PostGroupingError.invalidCode("A:1")) {
            try PostGrouping(posts: [BudgetPost(code: "A:1", name: "Lønn", arts: [0...599]), BudgetPost(code: "I", name: "Inntekter", arts: [600...999])])
        }
        #expect(throws: PostGroupingError.invalidName("A")) {
            try PostGrouping(posts: [BudgetPost(code: "A", name: "Lønn\nog mer", arts: [0...599]), BudgetPost(code: "I", name: "Inntekter", arts: [600...999])])
        }
        let duplicate = Self.merged + "\n000-099; Lønn igjen; 000-099"
        #expect(Self.errors(duplicate) == ["Postkoden «000-099» er brukt mer enn én gang."])
    }

    @Test("profiles: one for every post and one for a single post; weights with up to two decimals")
    func profiles() throws {
        let posts = [125: PostGrouping.standard]
        let text = "alle: 8,5; 8,5; 8,5; 8,5; 8,5; 8,5; 6,5; 8; 8,5; 8,5; 8,5; 8,5\n125 drift 000-099: 1;1;1;1;1;1;0;1;1;1;1;2"
        let read = try BudgetSetupText.profiles(text, postsByChapter: posts).get()
        #expect(read.fallback?.weights == [850, 850, 850, 850, 850, 850, 650, 800, 850, 850, 850, 850])
        let key = PostKey(chapter: 125, kind: .operating, postCode: "000-099")
        #expect(read.byPost[key]?.weights == [100, 100, 100, 100, 100, 100, 0, 100, 100, 100, 100, 200])
        // July has no weight: the budget to date is unchanged from June to July.
        let profile = try #require(read.byPost[key])
        #expect(profile.budgetToDate(annual: .kroner(12_000), throughMonth: 7) == profile.budgetToDate(annual: .kroner(12_000), throughMonth: 6))
        #expect(profile.budgetToDate(annual: .kroner(12_000), throughMonth: 12) == .kroner(12_000))
        #expect(try BudgetSetupText.profiles(BudgetSetupText.text(read), postsByChapter: posts).get() == read)
    }

    @Test("bad profile lines name the line and what is wrong")
    func badProfiles() {
        let posts = [125: PostGrouping.standard]
        func messages(_ text: String) -> [String] {
            guard case .failure(let errors) = BudgetSetupText.profiles(text, postsByChapter: posts) else { return [] }
            return errors.entries.map(\.message)
        }
        #expect(messages("alle: 1;1;1") == ["Linje 1: En periodiseringsprofil må ha tolv månedsandeler, ikke 3."])
        #expect(messages("\nalle: 1;1;1;1;1;1;1;1;1;1;1;-1") == ["Linje 2: «-1» er ikke en vekt (et tall ≥ 0 med inntil to desimaler)."])
        #expect(messages("alle: 1;1;1;1;1;1;1;1;1;1;1;1,234") == ["Linje 1: «1,234» er ikke en vekt (et tall ≥ 0 med inntil to desimaler)."])
        #expect(messages("alle: 0;0;0;0;0;0;0;0;0;0;0;0") == ["Linje 1: Månedsandelene kan ikke alle være null."])
        #expect(messages("125 drift 100-399: 1;1;1;1;1;1;1;1;1;1;1;1").first?.hasPrefix("Linje 1: kapittel 125 har ingen post «100-399»; postene er 000-099, 100-299") == true)
        #expect(messages("999 drift 000-099: 1;1;1;1;1;1;1;1;1;1;1;1") == ["Linje 1: kapittel 999 hører ikke til virksomheten."])
        #expect(messages("125 budsjett 000-099: 1;1;1;1;1;1;1;1;1;1;1;1") == ["Linje 1: «budsjett» er verken drift eller investering."])
        #expect(messages("1 1 1 1 1 1 1 1 1 1 1 1") == ["Linje 1: skriv «alle:» eller «kapittel drift|investering postkode:» foran de tolv vektene."])
    }
}
