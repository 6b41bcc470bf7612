import Foundation
import StyrDomain

/// Small charts drawn on the server as inline SVG, each with a text alternative (`aria-label`)
/// that says everything the picture shows. Colours come from the style sheet's classes.
public enum SVGCharts {
    /// A sparkline of an indicator's results over the years, with the target as a dashed line.
    public static func sparkline(points: [(year: Int, value: Quantity)], target: Quantity?, label: String) -> String {
        let width = 140.0, height = 36.0, pad = 4.0
        let values = points.map { Double($0.value.milli) } + (target.map { [Double($0.milli)] } ?? [])
        guard let low = values.min(), let high = values.max(), !points.isEmpty else { return "" }
        let span = max(high - low, 1)
        let firstYear = Double(points.first!.year), lastYear = Double(points.last!.year)
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? width / 2 : pad + (Double(year) - firstYear) / (lastYear - firstYear) * (width - 2 * pad)
        }
        func y(_ value: Double) -> Double { height - pad - (value - low) / span * (height - 2 * pad) }
        var parts: [String] = []
        if let target {
            let ty = format(y(Double(target.milli)))
            parts.append(#"<line class="chart-target" x1="0" x2="\#(format(width))" y1="\#(ty)" y2="\#(ty)"/>"#)
        }
        let path = points.map { "\(format(x($0.year))),\(format(y(Double($0.value.milli))))" }.joined(separator: " ")
        parts.append(#"<polyline class="chart-line" points="\#(path)"/>"#)
        for point in points {
            parts.append(#"<circle class="chart-point" cx="\#(format(x(point.year)))" cy="\#(format(y(Double(point.value.milli))))" r="2.5"/>"#)
        }
        return svg(width: width, height: height, label: label, body: parts.joined())
    }

    /// Horizontal bars: for each row, the revised budget and the actuals, on one scale.
    public static func budgetBars(rows: [(label: String, budget: Money, actuals: Money)], label: String) -> String {
        let labelWidth = 240.0, barArea = 360.0, rowHeight = 30.0, top = 22.0
        let maximum = max(rows.flatMap { [abs($0.budget.ore), abs($0.actuals.ore)] }.max() ?? 1, 1)
        let width = labelWidth + barArea + 10, height = top + Double(rows.count) * rowHeight + 4
        var parts = [
            #"<rect class="chart-budget" x="\#(format(labelWidth))" y="4" width="12" height="10"/><text x="\#(format(labelWidth + 16))" y="13" class="chart-legend">Regulert budsjett</text>"#,
            #"<rect class="chart-actuals" x="\#(format(labelWidth + 140))" y="4" width="12" height="10"/><text x="\#(format(labelWidth + 156))" y="13" class="chart-legend">Regnskap</text>"#,
        ]
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            // Long labels are cut to fit; the full text is in the chart's text alternative.
            let shown = row.label.count > 34 ? String(row.label.prefix(33)).trimmingCharacters(in: .whitespaces) + "…" : row.label
            parts.append(#"<text x="0" y="\#(format(y + 15))" class="chart-label">\#(escape(shown))</text>"#)
            let budgetLength = Double(abs(row.budget.ore)) / Double(maximum) * barArea
            let actualsLength = Double(abs(row.actuals.ore)) / Double(maximum) * barArea
            parts.append(#"<rect class="chart-budget" x="\#(format(labelWidth))" y="\#(format(y + 3))" width="\#(format(budgetLength))" height="10"/>"#)
            parts.append(#"<rect class="chart-actuals" x="\#(format(labelWidth))" y="\#(format(y + 14))" width="\#(format(actualsLength))" height="10"/>"#)
        }
        return svg(width: width, height: height, label: label, body: parts.joined())
    }

    static func svg(width: Double, height: Double, label: String, body: String) -> String {
        #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(format(width)) \#(format(height))" width="\#(format(width))" height="\#(format(height))" role="img" aria-label="\#(escape(label))"><title>\#(escape(label))</title>\#(body)</svg>"#
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Escapes text for SVG/HTML content and attributes.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
