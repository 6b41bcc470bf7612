import Foundation
import StyrDomain
import Testing

/// Inputs the fuzzer (Benchmarks/fuzz.sh) found, kept as tests.
@Suite("table check: fuzzer findings")
struct TableCheckFuzzRegressionTests {
    /// 876 bytes of a mangled investment table (control bytes inside the header, Latin-1 garbage):
    /// the fuzzer's run timed out on it under load (1.7 s instrumented, the header matching of
    /// every shipped definition). It must be refused, quickly, with no definition fitting.
    @Test("a mangled table with control bytes in its header is refused, in bounded time")
    func mangledHeader() throws {
        let data = try #require(Data(base64Encoded: "cmFkO3JlZ25za5WVlZWVlZWVYXA7ZG9rMzsOAgAAbGVydDtyZWduc2thcF9mb3JyaWdlO2F2dmlrABAAgQAKMDAwLTA5OTszIDE0OCAxODE7LTstOzszIP///////////zE0OCAxODEKMTAwLTI5OTs7Ozs7CjMwMC0zOTk7NiA2ODkgMDUyOy07MTkgODYxIDAwMDsxNiA5MzcgNTI5OzEzIDE3MSA5NCo4CjQwMC00OTk7MSA2MTkgMDI3Oy07MiAyODAgMDAwOzQgNzM3IDQyNDs2NjAgOTczCjUwMC01OTk7Ozs7OwpzdW1fZmluYW5zaWVyaW5nc2JlaG92OzExIDQ1NiAyNjA7LTsyMiAxNDEgMDAwOzIxIDY3NCA5NTMyOTk7Ozs7OwozMDAtMzk5OzYgNjg5IDA1MjstOzE5IDg2MSAwMDA7MTYgOTM3IDUyOTsxMyAxNzEgOTQ4CjQwMC00OTk7MSA2MTkgMDI7MTAgNjg0IDc0MAo2MDAtNjk5OzE0AACLZXJkaT01AAAAAAAlMkM1JmRhdG89MjIuMDMMCgAAAAAAAAAAAGVyZGk9NQAAAAAAJTJDNSZkYXRvPTIyLjAzLjIAr0Ey60VWADUwOzMwIDAwOkZhc3Rswbhuj3Q7QW5zdmFyO2VqVG5lc3RlO1Byb3NqZWt0O1BlcmlvZGdSO2VlbnNrYXAgMjAxNjtCdWthcGl0dGVsa29kZSBuOzAwOzQgaSZkZTtSZWduc2thcCAyMDE2O/////////8EQjg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4OHJlZ25za2FwIGZvcnJpZ2UyOCAwMDA7NCA3MzcgNDI0OzQgODA4IHVkczA7dC5sfz1NJUNQMTc7NTsxMiA1MDEsNTU7MwV0aXQxMTAwMDtGYXN0bMG4bm47MzAwOzIwMjAwOzszOzIweiAwJmRhMjAyMDA7OzNiMjAwIDAwMDsyIDQyMCAwMDANCjExNTAwOyJLdXJzOyAAAAAAAAAAAAAAdG89MDcuNSZ6ASV6egEADAoAAAAAAAAAAABlcmRpPTUAAAAAACUyQzUmZGF0bz0yMi4wMwwKAAAAAAAAAAAAZXJkaTc1IDc2NwoyMi4wMy4yAK9BMutFVgA1MDszMCAwMDANAAo="))
        let start = ContinuousClock.now
        #expect(throws: TableCheckError.self) {
            try TableCheckRun.check([TableCheckRun.File(name: "fuzz.csv", data: data)], definitions: [])
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
