import Foundation
import Hummingbird
import StyrDomain
import StyrServices

/// The catalogue of the open datasets as DCAT-AP style JSON-LD: one `dcat:Dataset` per published
/// report, its tables as `dcat:Distribution`s in CSV and JSON, and the documents (PDF, DOCX).
enum PublicCatalogue {
    /// `https://host` from the request's Host header (http on loopback), so the catalogue's URLs are absolute.
    static func base(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let scheme = host.hasPrefix("localhost") || host.hasPrefix("127.0.0.1") ? "http" : "https"
        return "\(scheme)://\(host)"
    }

    static func json(_ published: [ReportWorkflowService.Published], base: String) -> Data {
        let datasets: [[String: Any]] = published.map { entry in
            let path = base + PublicReportController.path(entry.key)
            var dataset: [String: Any] = [
                "@type": "dcat:Dataset",
                "@id": path,
                "dct:title": "\(entry.key.title) – \(entry.organisationName)",
                "dct:publisher": ["@type": "foaf:Agent", "foaf:name": entry.organisationName],
                "dct:language": "http://publications.europa.eu/resource/authority/language/NOB",
                "dcat:landingPage": path,
                "dct:temporal": "\(entry.key.year)",
                "owl:versionInfo": "\(entry.version)",
                "dcat:distribution": [
                    ["@type": "dcat:Distribution", "dcat:accessURL": path + "/dokument/pdf", "dcat:mediaType": "application/pdf"],
                    ["@type": "dcat:Distribution", "dcat:accessURL": path + "/dokument/docx",
                     "dcat:mediaType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
                    ["@type": "dcat:Distribution", "dcat:accessURL": path + "/tabeller/1/csv", "dcat:mediaType": "text/csv",
                     "dct:description": "Tabell 1; tabell n finnes på …/tabeller/n/csv og …/tabeller/n/json (se landingssiden)."],
                ],
            ]
            if let at = entry.publishedAt { dataset["dct:issued"] = ISO8601DateFormatter().string(from: at) }
            return dataset
        }
        let catalogue: [String: Any] = [
            "@context": ["dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
                         "owl": "http://www.w3.org/2002/07/owl#"],
            "@type": "dcat:Catalog",
            "dct:title": "Styr – publiserte rapporter og tabeller",
            "dct:description": "Årsberetninger og tertialrapporter som er publisert, med tabellene som åpne data (CSV og JSON).",
            "dct:license": "http://data.norge.no/nlod/no/2.0",
            "dcat:dataset": datasets,
        ]
        return (try? JSONSerialization.data(withJSONObject: catalogue, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
